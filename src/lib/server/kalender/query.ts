/**
 * @module kalender/query
 * What the calendar views read: the Baustellen a viewer may see, filtered, as CalendarItems; a street's
 * history with its moratoria; the choices of the filter bar.
 *
 * Visibility is the security model of the calendar. An organisation sees a Baustelle in full when it
 * registered it (`baustellen.org_id`), decides on it (`baustelle_authorities`), or is the platform
 * admin. Any other organisation sees it only when it is `public`, and then only its public fields: a
 * private promoter stays „privat“ (no name, no org id, not findable by either), and the conflict
 * summary — a matter between promoter and authority — stays empty. Contact data is never read here.
 */
import type postgres from 'postgres';
import type { Db } from '$lib/server/db';
import type { BaustelleStatus, Polygonal, Severity, TrafficImpact, WorkKind } from '$lib/baustellen';
import { normaliseStreet } from '$lib/kalender/street';
import type { CalendarFilter, CalendarItem, MoratoriumItem, Viewer } from '$lib/kalender/types';

export type { CalendarFilter, CalendarItem, MoratoriumItem, Viewer } from '$lib/kalender/types';

type Fragment = postgres.PendingQuery<postgres.Row[]>;

/**
 * normaliseStreet (lib/kalender/street.ts) in SQL, step by step in the same order; query.spec.ts holds
 * the two to the same answers. Upper-case umlauts are replaced as well: lower() folds only ASCII under
 * the C locale.
 */
function normalisedStreet(db: Db, expr: Fragment): Fragment {
	return db`regexp_replace(trim(regexp_replace(translate(
		replace(replace(replace(replace(replace(replace(replace(lower(${expr}), 'ß', 'ss'), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'ae'), 'Ö', 'oe'), 'Ü', 'ue'),
		'.-–/', '    '), '\\s+', ' ', 'g')), 'str( |$)', 'strasse\\1', 'g')`;
}

/** `%`, `_` and `\` taken literally in a LIKE pattern */
function likeEscape(s: string): string {
	return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const csv = (list: readonly string[]) => list.join(',');

interface Row {
	id: string;
	number: string;
	title: string;
	status: BaustelleStatus;
	start: string;
	end: string;
	dates_confirmed: boolean;
	streets: string[];
	org_id: string;
	org_name: string;
	promoter_private: boolean;
	networks: string[];
	work_kind: WorkKind;
	excavation: boolean;
	traffic: TrafficImpact;
	footprint_4326: Polygonal;
	authorities: { id: string; name: string }[];
	conflict_count: number;
	conflict_rank: number | null;
	conflict_blocking: boolean | null;
	own: boolean;
	full_access: boolean;
}

const RANKED: Severity[] = ['hoch', 'mittel', 'niedrig', 'hinweis'];

function toItem(r: Row): CalendarItem {
	const full = r.full_access;
	const hidePromoter = !full && r.promoter_private;
	return {
		id: r.id,
		number: r.number,
		title: r.title,
		status: r.status,
		start: r.start,
		end: r.end,
		confirmed: r.dates_confirmed,
		streets: r.streets,
		promoter: hidePromoter ? 'privat' : r.org_name,
		promoterOrgId: hidePromoter ? '' : r.org_id,
		networks: r.networks,
		workKind: r.work_kind,
		excavation: r.excavation,
		traffic: r.traffic,
		authorities: r.authorities,
		conflicts: full
			? { count: r.conflict_count, highest: r.conflict_rank === null ? null : (RANKED[r.conflict_rank] ?? null), blocking: !!r.conflict_blocking }
			: { count: 0, highest: null, blocking: false },
		footprint: r.footprint_4326,
		own: r.own,
		publicOnly: !full
	};
}

interface QueryOptions extends CalendarFilter {
	/** exact normalised street (history page) instead of the part-of-name filter */
	exactStreet?: string;
}

async function queryItems(db: Db, viewer: Viewer, f: QueryOptions): Promise<CalendarItem[]> {
	const org = viewer.orgId;
	const platform = viewer.isPlatform;
	const isAuthority = db`exists (select 1 from baustelle_authorities ba where ba.baustelle_id = b.id and ba.authority_org_id = ${org})`;
	const full = db`(${platform}::boolean or b.org_id = ${org} or ${isAuthority})`;
	// actual dates where known; an end never before the start (works begun after their planned end)
	const start = db`coalesce(b.actual_start, b.planned_start)`;
	const end = db`coalesce(b.actual_end, greatest(b.planned_end, b.actual_start))`;
	const streetOf = db`s`;
	const conditions: Fragment[] = [db`(${full} or b.public)`];
	if (f.from) conditions.push(db`${end} >= ${f.from}::date`);
	if (f.to) conditions.push(db`${start} <= ${f.to}::date`);
	if (f.networks?.length) conditions.push(db`b.networks && string_to_array(${csv(f.networks)}, ',')`);
	if (f.statuses) conditions.push(f.statuses.length ? db`b.status = any(string_to_array(${csv(f.statuses)}, ','))` : db`false`);
	// a private promoter is not findable by org id for those who only see public fields
	if (f.promoterOrgId) conditions.push(db`b.org_id = ${f.promoterOrgId}::uuid and (not b.promoter_private or ${full})`);
	if (f.authorityOrgId) {
		conditions.push(db`exists (select 1 from baustelle_authorities fa where fa.baustelle_id = b.id and fa.authority_org_id = ${f.authorityOrgId}::uuid)`);
	}
	if (f.street) {
		const pattern = `%${likeEscape(normaliseStreet(f.street))}%`;
		conditions.push(db`exists (select 1 from unnest(b.streets) s where ${normalisedStreet(db, streetOf)} like ${pattern})`);
	}
	if (f.exactStreet !== undefined) {
		conditions.push(db`exists (select 1 from unnest(b.streets) s where ${normalisedStreet(db, streetOf)} = ${normaliseStreet(f.exactStreet)})`);
	}
	if (f.q) {
		const pattern = `%${likeEscape(f.q)}%`;
		conditions.push(db`(b.number ilike ${pattern} or b.title ilike ${pattern}
			or exists (select 1 from unnest(b.streets) s where s ilike ${pattern})
			or ((not b.promoter_private or ${full}) and o.name ilike ${pattern}))`);
	}
	const where = conditions.reduce((acc, c) => db`${acc} and ${c}`);

	const rows = await db<Row[]>`
		select b.id, b.number, b.title, b.status, ${start}::text as start, ${end}::text as end, b.dates_confirmed,
			b.streets, b.org_id, o.name as org_name, b.promoter_private, b.networks, b.work_kind, b.excavation, b.traffic,
			b.footprint_4326,
			coalesce((select json_agg(json_build_object('id', ao.id, 'name', ao.name) order by ao.name)
				from baustelle_authorities ba join organisations ao on ao.id = ba.authority_org_id
				where ba.baustelle_id = b.id), '[]'::json) as authorities,
			c.conflict_count, c.conflict_rank, c.conflict_blocking,
			b.org_id = ${org} as own, ${full} as full_access
		from baustellen b
		join organisations o on o.id = b.org_id
		left join lateral (
			select count(*)::int as conflict_count, bool_or(k.blocking) as conflict_blocking,
				min(case k.severity when 'hoch' then 0 when 'mittel' then 1 when 'niedrig' then 2 else 3 end) as conflict_rank
			from baustelle_conflicts k where k.baustelle_id = b.id
		) c on true
		where ${where}
		order by ${start}, ${end}, b.number
		${f.limit ? db`limit ${f.limit}` : db``}`;
	return rows.map(toItem);
}

/** The Baustellen the viewer may see that match the filter, earliest first. */
export async function listCalendarItems(db: Db, viewer: Viewer, filter: CalendarFilter): Promise<CalendarItem[]> {
	return queryItems(db, viewer, filter);
}

/**
 * Every Baustelle the viewer may see on `street` (normalised match on any of its streets) over all
 * years, finished ones included and cancelled ones left out — they never opened the street — and the
 * moratoria on it: by street name, or, for a moratorium drawn without a street name, by its area's
 * bounding box meeting one of those Baustellen. Lifted moratoria are left out.
 */
export async function streetHistory(db: Db, viewer: Viewer, street: string): Promise<{ items: CalendarItem[]; moratoria: MoratoriumItem[] }> {
	const items = await queryItems(db, viewer, { exactStreet: street, statuses: ['geplant', 'beantragt', 'genehmigt', 'in_ausfuehrung', 'abgeschlossen', 'abgenommen'] });
	const ids = items.map((i) => i.id);
	const byArea = ids.length
		? db`(m.street = '' and exists (select 1 from baustellen b where b.id = any(string_to_array(${csv(ids)}, ',')::uuid[]) and b.bbox && m.bbox))`
		: db`false`;
	const moratoria = await db<{ id: string; title: string; street: string; valid_from: string; valid_until: string; mode: 'warnung' | 'sperre'; legal_basis: string; status: MoratoriumItem['status'] }[]>`
		select m.id, m.title, m.street, m.valid_from::text, m.valid_until::text, m.mode, m.legal_basis, m.status
		from moratoria m
		where m.status <> 'aufgehoben'
			and (${normalisedStreet(db, db`m.street`)} = ${normaliseStreet(street)} or ${byArea})
		order by m.valid_from, m.title`;
	return {
		items,
		moratoria: moratoria.map((m) => ({
			id: m.id,
			title: m.title,
			street: m.street,
			validFrom: m.valid_from,
			validUntil: m.valid_until,
			mode: m.mode,
			legalBasis: m.legal_basis,
			status: m.status
		}))
	};
}

export interface FilterOptions {
	/** promoters of the Baustellen the viewer may see (private ones only where the viewer sees them in full) */
	promoters: { id: string; name: string }[];
	/** authorities deciding on those Baustellen */
	authorities: { id: string; name: string }[];
}

/** The organisations the Träger and Behörde choices of the filter bar offer. */
export async function filterOptions(db: Db, viewer: Viewer): Promise<FilterOptions> {
	const org = viewer.orgId;
	const full = db`(${viewer.isPlatform}::boolean or b.org_id = ${org}
		or exists (select 1 from baustelle_authorities ba where ba.baustelle_id = b.id and ba.authority_org_id = ${org}))`;
	const promoters = await db<{ id: string; name: string }[]>`
		select distinct o.id, o.name from baustellen b join organisations o on o.id = b.org_id
		where ${full} or (b.public and not b.promoter_private)
		order by o.name`;
	const authorities = await db<{ id: string; name: string }[]>`
		select distinct o.id, o.name from baustellen b
		join baustelle_authorities ba on ba.baustelle_id = b.id
		join organisations o on o.id = ba.authority_org_id
		where ${full} or b.public
		order by o.name`;
	return { promoters: [...promoters], authorities: [...authorities] };
}
