/**
 * @module koordination/inbox
 * The road authority's Eingang: what on its roads needs attention today, in five groups —
 * new registrations, permit applications with their clocks, conflicts, running works, works waiting for
 * acceptance. Only Baustellen where the org is in `baustelle_authorities` (applications: permits the
 * org decides). Decisions are made on the Baustelle's page; this module only reads.
 *
 * Dates are `YYYY-MM-DD` (Europe/Berlin). Clocks come from genehmigungen/clock with the authority's own
 * periods, so the inbox shows the same due dates and days left as the Baustelle page.
 */
import {
	BAUSTELLE_STATUSES,
	type BaustelleStatus,
	type ConflictKind,
	type PermitKind,
	type PermitStatus,
	type Severity,
	type TrafficImpact
} from '$lib/baustellen';
import { normaliseStreet } from '$lib/kalender/street';
import type { Db } from '../db';
import { clockState, type ClockState } from '../genehmigungen/clock';
import { addDays, workingDaysBetween } from '../genehmigungen/dates';
import type { PeriodUnit } from '../genehmigungen/periods';
import { getAuthoritySettings, permitPeriods } from '../baustellen/settings';

export interface InboxFilter {
	/** part of a street name, matched like the calendar does („Leipziger Str.“ = „leipziger strasse“) */
	street: string;
	status: BaustelleStatus | null;
}

export const EMPTY_FILTER: InboxFilter = { street: '', status: null };

/** `?strasse=…&status=…` → filter; unknown statuses are ignored rather than refused (a stale link). */
export function parseInboxFilter(params: URLSearchParams): InboxFilter {
	const street = (params.get('strasse') ?? '').trim().slice(0, 120);
	const raw = params.get('status') ?? '';
	const status = (BAUSTELLE_STATUSES as readonly string[]).includes(raw) ? (raw as BaustelleStatus) : null;
	return { street, status };
}

export interface BaustelleRef {
	id: string;
	number: string;
	title: string;
	streets: string[];
	status: BaustelleStatus;
	/** the promoter organisation, or „privat“ for a private Bauherr (as on the Baustelle's page) */
	promoter: string;
}

export interface InboxBaustelle extends BaustelleRef {
	plannedStart: string;
	plannedEnd: string;
	actualStart: string | null;
	actualEnd: string | null;
	/** day of registration */
	registeredOn: string;
	traffic: TrafficImpact;
	/** conflicts other than co-laying chances */
	conflicts: { count: number; blocking: number; highest: Severity | null };
	/** running works past their planned end */
	overrun: boolean;
}

export interface InboxPermit {
	id: string;
	kind: PermitKind;
	status: PermitStatus;
	baustelle: BaustelleRef;
	submittedAt: string | null;
	completeAt: string | null;
	dueAt: string | null;
	extended: boolean;
	/** requested changes (status nachforderung) */
	reason: string;
	clock: ClockState;
	/** how `clock.daysLeft` counts */
	unit: PeriodUnit;
	/** the day the permit counts as granted if nothing is decided (TKG consent), else null */
	fictionFrom: string | null;
	/** submitted and not yet confirmed complete: working days since submission */
	waitingDays: number | null;
}

export interface InboxConflict {
	id: string;
	kind: ConflictKind;
	severity: Severity;
	blocking: boolean;
	message: string;
	baustelle: BaustelleRef;
	other: { id: string; number: string; title: string } | null;
	moratorium: { id: string; title: string } | null;
}

export interface Inbox {
	today: string;
	neu: InboxBaustelle[];
	antraege: InboxPermit[];
	konflikte: InboxConflict[];
	laufend: InboxBaustelle[];
	abnahme: InboxBaustelle[];
	/** street names of the authority's open Baustellen, for the filter's suggestions */
	streets: string[];
}

const SEVERITY_ORDER: Severity[] = ['hoch', 'mittel', 'niedrig', 'hinweis'];
/** What the groups show; genehmigt appears through its conflicts only, finished and cancelled ones not at all. */
const LISTED: BaustelleStatus[] = ['geplant', 'beantragt', 'in_ausfuehrung', 'abgeschlossen'];
const OPEN_FOR_CONFLICTS: BaustelleStatus[] = ['geplant', 'beantragt', 'genehmigt', 'in_ausfuehrung'];
const PENDING_PERMITS: PermitStatus[] = ['eingereicht', 'vollstaendig', 'nachforderung'];

interface BaustelleRaw {
	id: string;
	number: string;
	title: string;
	streets: string[];
	status: BaustelleStatus;
	promoter_private: boolean;
	org_name: string;
}

function ref(r: BaustelleRaw): BaustelleRef {
	return { id: r.id, number: r.number, title: r.title, streets: r.streets, status: r.status, promoter: r.promoter_private ? 'privat' : r.org_name };
}

function matches(filter: InboxFilter, b: { status: BaustelleStatus; streets: string[] }): boolean {
	if (filter.status && b.status !== filter.status) return false;
	if (!filter.street) return true;
	const wanted = normaliseStreet(filter.street);
	return b.streets.some((s) => normaliseStreet(s).includes(wanted));
}

async function baustellen(db: Db, orgId: string, today: string): Promise<InboxBaustelle[]> {
	const rows = await db<(BaustelleRaw & Record<string, unknown>)[]>`
		select b.id, b.number, b.title, b.streets, b.status, b.promoter_private, o.name as org_name,
			b.planned_start::text as planned_start, b.planned_end::text as planned_end,
			b.actual_start::text as actual_start, b.actual_end::text as actual_end,
			(b.created_at at time zone 'Europe/Berlin')::date::text as registered_on, b.traffic,
			c.count, c.blocking, c.rank
		from baustellen b
		join organisations o on o.id = b.org_id
		left join lateral (
			select count(*)::int as count, count(*) filter (where x.blocking)::int as blocking,
				min(array_position(array['hoch','mittel','niedrig','hinweis'], x.severity)) as rank
			from baustelle_conflicts x where x.baustelle_id = b.id and x.kind <> 'mitverlegung'
		) c on true
		where exists (select 1 from baustelle_authorities a where a.baustelle_id = b.id and a.authority_org_id = ${orgId})
			and b.status = any (string_to_array(${LISTED.join(',')}, ','))`;
	return rows.map((r) => ({
		...ref(r),
		plannedStart: r.planned_start as string,
		plannedEnd: r.planned_end as string,
		actualStart: (r.actual_start as string | null) ?? null,
		actualEnd: (r.actual_end as string | null) ?? null,
		registeredOn: r.registered_on as string,
		traffic: r.traffic as TrafficImpact,
		conflicts: { count: r.count as number, blocking: r.blocking as number, highest: r.rank ? SEVERITY_ORDER[(r.rank as number) - 1]! : null },
		overrun: r.status === 'in_ausfuehrung' && (r.planned_end as string) < today
	}));
}

/**
 * Overdue first (longest overdue on top), then running clocks by due date, then applications waiting
 * for the completeness check (oldest first), then those sent back for changes.
 */
export function comparePermits(a: InboxPermit, b: InboxPermit): number {
	const rank = (p: InboxPermit) => (p.clock.overdue ? 0 : p.clock.running ? 1 : p.status === 'eingereicht' ? 2 : 3);
	return (
		rank(a) - rank(b) ||
		(a.clock.dueAt ?? '').localeCompare(b.clock.dueAt ?? '') ||
		(a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') ||
		a.baustelle.number.localeCompare(b.baustelle.number)
	);
}

async function permits(db: Db, orgId: string, today: string): Promise<InboxPermit[]> {
	const periods = permitPeriods(await getAuthoritySettings(db, orgId));
	const rows = await db<(BaustelleRaw & Record<string, unknown>)[]>`
		select p.id as permit_id, p.kind, p.status as permit_status, p.submitted_at::text as submitted_at, p.complete_at::text as complete_at,
			p.due_at::text as due_at, p.extended, p.reason,
			b.id, b.number, b.title, b.streets, b.status, b.promoter_private, o.name as org_name
		from permits p
		join baustellen b on b.id = p.baustelle_id
		join organisations o on o.id = b.org_id
		where p.authority_org_id = ${orgId} and p.status = any (string_to_array(${PENDING_PERMITS.join(',')}, ','))
			and b.status <> 'storniert'`;
	return rows
		.map((r) => {
			const kind = r.kind as PermitKind;
			const period = periods[kind];
			const permit = {
				status: r.permit_status as PermitStatus,
				completeAt: (r.complete_at as string | null) ?? null,
				dueAt: (r.due_at as string | null) ?? null,
				extended: r.extended as boolean
			};
			const clock = clockState(permit, today, period);
			const submittedAt = (r.submitted_at as string | null) ?? null;
			return {
				id: r.permit_id as string,
				kind,
				status: permit.status,
				baustelle: ref(r),
				submittedAt,
				completeAt: permit.completeAt,
				dueAt: permit.dueAt,
				extended: permit.extended,
				reason: r.reason as string,
				clock,
				unit: period.unit,
				fictionFrom: period.fiction && clock.dueAt ? addDays(clock.dueAt, 1) : null,
				waitingDays: permit.status === 'eingereicht' && submittedAt ? workingDaysBetween(submittedAt, today) : null
			};
		})
		.sort(comparePermits);
}

async function conflicts(db: Db, orgId: string): Promise<InboxConflict[]> {
	const rows = await db<(BaustelleRaw & Record<string, unknown>)[]>`
		select c.id as conflict_id, c.kind, c.severity, c.blocking, c.message, c.other_baustelle_id, c.moratorium_id,
			b.id, b.number, b.title, b.streets, b.status, b.promoter_private, o.name as org_name,
			ob.number as other_number, ob.title as other_title, m.title as moratorium_title
		from baustelle_conflicts c
		join baustellen b on b.id = c.baustelle_id
		join organisations o on o.id = b.org_id
		left join baustellen ob on ob.id = c.other_baustelle_id
		left join moratoria m on m.id = c.moratorium_id
		where exists (select 1 from baustelle_authorities a where a.baustelle_id = b.id and a.authority_org_id = ${orgId})
			and b.status = any (string_to_array(${OPEN_FOR_CONFLICTS.join(',')}, ','))
			and c.kind <> 'mitverlegung' and (c.severity in ('hoch', 'mittel') or c.blocking)
		order by c.blocking desc, array_position(array['hoch','mittel','niedrig','hinweis'], c.severity), b.planned_start, b.number`;
	// a clash of two Baustellen is stored from both sides; the authority needs it once
	const seen = new Set<string>();
	const out: InboxConflict[] = [];
	for (const r of rows) {
		const other = r.other_baustelle_id as string | null;
		if (other) {
			const key = `${r.kind}|${[r.id, other].sort().join('|')}`;
			if (seen.has(key)) continue;
			seen.add(key);
		}
		out.push({
			id: r.conflict_id as string,
			kind: r.kind as ConflictKind,
			severity: r.severity as Severity,
			blocking: r.blocking as boolean,
			message: r.message as string,
			baustelle: ref(r),
			other: other ? { id: other, number: r.other_number as string, title: r.other_title as string } : null,
			moratorium: r.moratorium_id ? { id: r.moratorium_id as string, title: r.moratorium_title as string } : null
		});
	}
	return out;
}

const byNewest = (a: InboxBaustelle, b: InboxBaustelle) => b.registeredOn.localeCompare(a.registeredOn) || b.number.localeCompare(a.number);
const byPlannedEnd = (a: InboxBaustelle, b: InboxBaustelle) => a.plannedEnd.localeCompare(b.plannedEnd) || a.number.localeCompare(b.number);
const byFinished = (a: InboxBaustelle, b: InboxBaustelle) => (a.actualEnd ?? a.plannedEnd).localeCompare(b.actualEnd ?? b.plannedEnd) || a.number.localeCompare(b.number);

/** The authority's Eingang on `today`, filtered by street and Baustelle status. */
export async function inbox(db: Db, orgId: string, today: string, filter: InboxFilter = EMPTY_FILTER): Promise<Inbox> {
	const all = await baustellen(db, orgId, today);
	const listed = all.filter((b) => matches(filter, b));
	const applications = (await permits(db, orgId, today)).filter((p) => matches(filter, p.baustelle));
	const found = (await conflicts(db, orgId)).filter((c) => matches(filter, c.baustelle));
	const streets = [...new Set([...all.flatMap((b) => b.streets), ...applications.flatMap((p) => p.baustelle.streets)])].sort((a, b) => a.localeCompare(b, 'de'));
	return {
		today,
		neu: listed.filter((b) => b.status === 'geplant' || b.status === 'beantragt').sort(byNewest),
		antraege: applications,
		konflikte: found,
		// overrun works first: they hold the street longer than agreed
		laufend: listed.filter((b) => b.status === 'in_ausfuehrung').sort((a, b) => Number(b.overrun) - Number(a.overrun) || byPlannedEnd(a, b)),
		abnahme: listed.filter((b) => b.status === 'abgeschlossen').sort(byFinished),
		streets
	};
}
