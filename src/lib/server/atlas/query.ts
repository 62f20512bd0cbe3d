/**
 * @module atlas/query
 * What the public may know about a Baustelle, and the one way to read it. Every public feed (atlas
 * pages, GeoJSON download, /kalender.ics, /ogc, WZDx) goes through `toPublic` on rows selected by
 * `queryPublic`, whose column list is the privacy boundary: contact, description, creator, Auskunft,
 * ducts, permits and conflicts are never even selected. A private promoter's organisation name is not
 * selected either — SQL answers „privat“ (DESIGN.md, Security model: no natural persons in public feeds).
 */
import {
	STATUS_LABELS,
	TRAFFIC_LABELS,
	WORK_KIND_LABELS,
	type BaustelleStatus,
	type Lineal,
	type Polygonal,
	type TrafficImpact,
	type WorkKind
} from '$lib/baustellen';
import type { Db } from '$lib/server/db';
import type { AtlasFilter } from './filter';
import { meetsBox, utmEnvelope, type BBox } from './geometry';
import { isUuid } from '$lib/uuid';

/** The promoter of a private Bauherr, as the public sees it. */
export const PRIVATE_PROMOTER = 'privat';

/** A Baustelle as the public sees it. Dates are `YYYY-MM-DD` (Europe/Berlin). */
export interface PublicBaustelle {
	id: string;
	number: string;
	title: string;
	workKind: WorkKind;
	workKindLabel: string;
	traffic: TrafficImpact;
	trafficLabel: string;
	streets: string[];
	status: BaustelleStatus;
	statusLabel: string;
	period: { start: string; end: string; confirmed: boolean };
	actual: { start: string | null; end: string | null };
	/** the window the feeds show: actual dates where known, else the planned ones (end ≥ start) */
	start: string;
	end: string;
	/** the promoter organisation's name, or „privat“ */
	promoter: string;
	/** kinds of lines concerned (e.g. "wasser") — never their geometry */
	networks: string[];
	/** EPSG:4326 */
	footprint: Polygonal;
	/** EPSG:4326 */
	axis: Lineal;
	/** bumped on every change the public can see (iCalendar SEQUENCE) */
	revision: number;
	updatedAt: string;
}

/** Exactly the columns `queryPublic` selects. */
export interface PublicRow {
	id: string;
	number: string;
	title: string;
	work_kind: string;
	traffic: string;
	streets: string[];
	status: string;
	planned_start: string;
	planned_end: string;
	dates_confirmed: boolean;
	actual_start: string | null;
	actual_end: string | null;
	promoter: string;
	networks: string[];
	footprint_4326: Polygonal;
	axis_4326: Lineal;
	revision: number;
	updated_at: Date;
}

/** The public projection: the one function every public feed uses. */
export function toPublic(row: PublicRow): PublicBaustelle {
	const workKind = row.work_kind as WorkKind;
	const traffic = row.traffic as TrafficImpact;
	const status = row.status as BaustelleStatus;
	const window = effectiveWindow(row.planned_start, row.planned_end, row.actual_start, row.actual_end);
	return {
		id: row.id,
		number: row.number,
		title: row.title,
		workKind,
		workKindLabel: WORK_KIND_LABELS[workKind] ?? workKind,
		traffic,
		trafficLabel: TRAFFIC_LABELS[traffic] ?? traffic,
		streets: row.streets,
		status,
		statusLabel: STATUS_LABELS[status] ?? status,
		period: { start: row.planned_start, end: row.planned_end, confirmed: row.dates_confirmed },
		actual: { start: row.actual_start, end: row.actual_end },
		start: window.start,
		end: window.end,
		promoter: row.promoter,
		networks: row.networks,
		footprint: row.footprint_4326,
		axis: row.axis_4326,
		revision: row.revision,
		updatedAt: row.updated_at.toISOString()
	};
}

/** Actual dates where known; an end never before the start. Mirrored by START/END in SQL below. */
export function effectiveWindow(plannedStart: string, plannedEnd: string, actualStart: string | null, actualEnd: string | null): { start: string; end: string } {
	const start = actualStart ?? plannedStart;
	const end = actualEnd ?? plannedEnd;
	return { start, end: end < start ? start : end };
}

export interface PublicQuery extends Partial<AtlasFilter> {
	/** storniert ones too — only the iCalendar feed wants them (STATUS:CANCELLED drops them from calendars) */
	includeCancelled?: boolean;
	/** leave these statuses out (WZDx: abgenommen) */
	excludeStatuses?: BaustelleStatus[];
	id?: string;
	number?: string;
}

export interface Page {
	limit: number;
	offset: number;
}

/**
 * Public Baustellen matching the query, ordered by start and number, with the number matched. The
 * `bbox` test is exact (footprint meets box) after the GiST pre-filter, so paging happens after it.
 */
export async function queryPublic(db: Db, query: PublicQuery, page?: Page): Promise<{ items: PublicBaustelle[]; total: number }> {
	const START = db`coalesce(b.actual_start, b.planned_start)`;
	const END = db`greatest(coalesce(b.actual_end, b.planned_end), coalesce(b.actual_start, b.planned_start))`;
	const excluded = [...(query.includeCancelled ? [] : ['storniert']), ...(query.excludeStatuses ?? [])];
	const utm = query.bbox ? utmEnvelope(query.bbox) : null;
	const streetPattern = query.street ? `%${query.street.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
	const where = db`
		b.public
		${excluded.length ? db`and b.status <> all(string_to_array(${excluded.join(',')}, ','))` : db``}
		${query.id ? db`and b.id = ${query.id}` : db``}
		${query.number ? db`and b.number = ${query.number}` : db``}
		${query.from ? db`and ${END} >= ${query.from}::date` : db``}
		${query.to ? db`and ${START} <= ${query.to}::date` : db``}
		${streetPattern ? db`and exists (select 1 from unnest(b.streets) s where s ilike ${streetPattern})` : db``}
		${utm ? db`and b.bbox && box(point(${utm[0]}, ${utm[1]}), point(${utm[2]}, ${utm[3]}))` : db``}`;

	const select = (limit: number | null, offset: number) => db<PublicRow[]>`
		select b.id, b.number, b.title, b.work_kind, b.traffic, b.streets, b.status,
			b.planned_start::text as planned_start, b.planned_end::text as planned_end, b.dates_confirmed,
			b.actual_start::text as actual_start, b.actual_end::text as actual_end,
			case when b.promoter_private then ${PRIVATE_PROMOTER} else o.name end as promoter,
			b.networks, b.footprint_4326, b.axis_4326, b.revision, b.updated_at
		from baustellen b join organisations o on o.id = b.org_id
		where ${where}
		order by ${START}, b.number
		${limit === null ? db`` : db`limit ${limit}`} offset ${offset}`;

	if (query.bbox) {
		const box = query.bbox;
		const all = (await select(null, 0)).map(toPublic).filter((b) => meetsBox(b.footprint, box));
		return { items: page ? all.slice(page.offset, page.offset + page.limit) : all, total: all.length };
	}
	const [count] = await db<{ total: number }[]>`select count(*)::int as total from baustellen b where ${where}`;
	const rows = await select(page ? page.limit : null, page?.offset ?? 0);
	return { items: rows.map(toPublic), total: count!.total };
}

/** One public Baustelle (not storniert) by its number, or null. */
export async function findPublicByNumber(db: Db, number: string): Promise<PublicBaustelle | null> {
	return (await queryPublic(db, { number })).items[0] ?? null;
}

/** One public Baustelle (not storniert) by its id, or null (also for a malformed id). */
export async function findPublicById(db: Db, id: string): Promise<PublicBaustelle | null> {
	if (!isUuid(id)) return null;
	return (await queryPublic(db, { id })).items[0] ?? null;
}

export interface PublicExtent {
	/** CRS84 envelope of all public footprints; null when there are none */
	bbox: BBox | null;
	/** first start and last end (dates), null when there are none */
	interval: [string, string] | null;
}

/** Every position of a GeoJSON geometry (arrays whose first element is a number), as jsonpath. */
const POSITIONS = 'strict $.coordinates.** ? (@.type() == "array" && @[0].type() == "number")';

/**
 * Where and when the public Baustellen (not storniert) lie — the OGC collection's extent. The envelope
 * comes from the lon/lat footprints themselves: the EPSG:25832 boxes, turned back, would be kilometres
 * too wide over a region (UTM grid north is not true north east of 9°).
 */
export async function publicExtent(db: Db): Promise<PublicExtent> {
	const [space] = await db<{ x1: number | null; y1: number | null; x2: number | null; y2: number | null }[]>`
		select min((p->>0)::float8) as x1, min((p->>1)::float8) as y1, max((p->>0)::float8) as x2, max((p->>1)::float8) as y2
		from baustellen b, jsonb_path_query(b.footprint_4326, ${POSITIONS}::jsonpath) p
		where b.public and b.status <> 'storniert'`;
	const [time] = await db<{ first: string | null; last: string | null }[]>`
		select min(coalesce(b.actual_start, b.planned_start))::text as first,
			max(greatest(coalesce(b.actual_end, b.planned_end), coalesce(b.actual_start, b.planned_start)))::text as last
		from baustellen b where b.public and b.status <> 'storniert'`;
	if (!space || space.x1 === null || !time || time.first === null) return { bbox: null, interval: null };
	// 6 decimals ≈ 0.1 m, rounded outwards so the extent still contains everything
	const down = (v: number) => Math.floor(v * 1e6) / 1e6;
	const up = (v: number) => Math.ceil(v * 1e6) / 1e6;
	return { bbox: [down(space.x1), down(space.y1!), up(space.x2!), up(space.y2!)], interval: [time.first, time.last!] };
}
