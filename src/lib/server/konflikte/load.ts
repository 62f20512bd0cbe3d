/**
 * @module konflikte/load
 * The database side of the conflict check: the pre-filter queries the service runs before
 * `checkConflicts`, and the row → Candidate mapping. The GiST index on `baustellen.bbox` (core
 * PostgreSQL `box`, no PostGIS) does the spatial cut; the time predicate is the engine's `timeFilter`.
 * The pre-filter returns a superset; the engine decides exactly.
 */
import type { BaustelleStatus, Duct, Exemption, Polygonal } from '$lib/baustellen';
import type { Db } from '$lib/server/db';
import { colayingStarts, DISTANCE_EPSILON_M } from './engine';
import type { Bbox, Candidate, ConflictSettings, MoratoriumInput } from './types';

/**
 * The window the engine compares: actual dates where known, else planned. Works that started after
 * their planned end and are not finished would get an end before the start; they run at least on
 * the day they started.
 */
export function effectiveWindow(w: { plannedStart: string; plannedEnd: string; actualStart: string | null; actualEnd: string | null }): { start: string; end: string } {
	const start = w.actualStart ?? w.plannedStart;
	const end = w.actualEnd ?? w.plannedEnd;
	return { start, end: end < start ? start : end };
}

interface CandidateRow {
	id: string;
	number: string;
	title: string;
	promoter_private: boolean;
	org_name: string;
	footprint: Polygonal;
	min_x: number;
	min_y: number;
	max_x: number;
	max_y: number;
	planned_start: string;
	planned_end: string;
	actual_start: string | null;
	actual_end: string | null;
	excavation: boolean;
	publicly_funded: boolean;
	exemption: Exemption;
	streets: string[];
	status: BaustelleStatus;
	networks: string[];
	ducts: Duct[];
}

/** A `baustellen` row (with its org's name) as the engine sees it; a private promoter is 'privat'. */
export function candidateFromRow(r: CandidateRow): Candidate {
	const { start, end } = effectiveWindow({ plannedStart: r.planned_start, plannedEnd: r.planned_end, actualStart: r.actual_start, actualEnd: r.actual_end });
	return {
		id: r.id,
		number: r.number,
		title: r.title,
		promoter: r.promoter_private ? 'privat' : r.org_name,
		footprint: r.footprint,
		bbox: [r.min_x, r.min_y, r.max_x, r.max_y],
		start,
		end,
		excavation: r.excavation,
		publiclyFunded: r.publicly_funded,
		exemption: r.exemption,
		streets: r.streets,
		status: r.status,
		networks: r.networks,
		ducts: r.ducts
	};
}

// box[0] is the upper-right corner, box[1] the lower-left (PostgreSQL normalises boxes that way)
const candidateColumns = (db: Db) => db`
	b.id, b.number, b.title, b.promoter_private, o.name as org_name, b.footprint_25832 as footprint,
	(b.bbox[1])[0] as min_x, (b.bbox[1])[1] as min_y, (b.bbox[0])[0] as max_x, (b.bbox[0])[1] as max_y,
	b.planned_start::text as planned_start, b.planned_end::text as planned_end,
	b.actual_start::text as actual_start, b.actual_end::text as actual_end,
	b.excavation, b.publicly_funded, b.exemption, b.streets, b.status, b.networks, b.ducts`;

/**
 * The neighbours `checkConflicts` needs for `subject`, the same set `ConflictIndex.near` returns: boxes
 * within distanceM (grown square), not cancelled, and in time — windows sharing a day, or both digging
 * with starts close enough for co-laying (`timeFilter` in SQL, on the effective windows). The subject
 * itself may be among them (the engine skips it).
 */
export async function loadCandidates(db: Db, subject: Pick<Candidate, 'bbox' | 'start' | 'end' | 'excavation'>, settings: ConflictSettings): Promise<Candidate[]> {
	const d = settings.distanceM + DISTANCE_EPSILON_M;
	const [minX, minY, maxX, maxY] = subject.bbox;
	const colay = colayingStarts(subject.start, settings.colayingMonths);
	const rows = await db<CandidateRow[]>`
		select ${candidateColumns(db)}
		from baustellen b join organisations o on o.id = b.org_id
		cross join lateral (select coalesce(b.actual_start, b.planned_start) as s,
			greatest(coalesce(b.actual_end, b.planned_end), coalesce(b.actual_start, b.planned_start)) as e) w
		where b.bbox && box(point(${minX - d}, ${minY - d}), point(${maxX + d}, ${maxY + d}))
			and b.status <> 'storniert'
			and ((w.s <= ${subject.end}::date and w.e >= ${subject.start}::date)
				or (${subject.excavation}::boolean and b.excavation and w.s between ${colay.from}::date and ${colay.to}::date))`;
	return rows.map(candidateFromRow);
}

/** One stored Baustelle as a Candidate (the subject of a re-check), or null. */
export async function loadCandidate(db: Db, id: string): Promise<Candidate | null> {
	const [row] = await db<CandidateRow[]>`
		select ${candidateColumns(db)}
		from baustellen b join organisations o on o.id = b.org_id
		where b.id = ${id}`;
	return row ? candidateFromRow(row) : null;
}

interface MoratoriumRow {
	id: string;
	title: string;
	area: Polygonal;
	min_x: number;
	min_y: number;
	max_x: number;
	max_y: number;
	valid_from: string;
	valid_until: string;
	mode: 'warnung' | 'sperre';
	exemptions: Exemption[];
	legal_basis: string;
}

/** Active moratoria whose box meets `bbox` and whose validity meets [from, to]. */
export async function loadMoratoria(db: Db, bbox: Bbox, from: string, to: string): Promise<MoratoriumInput[]> {
	const [minX, minY, maxX, maxY] = bbox;
	const rows = await db<MoratoriumRow[]>`
		select m.id, m.title, m.area_25832 as area,
			(m.bbox[1])[0] as min_x, (m.bbox[1])[1] as min_y, (m.bbox[0])[0] as max_x, (m.bbox[0])[1] as max_y,
			m.valid_from::text as valid_from, m.valid_until::text as valid_until, m.mode, m.exemptions, m.legal_basis
		from moratoria m
		where m.status = 'aktiv'
			and m.bbox && box(point(${minX}, ${minY}), point(${maxX}, ${maxY}))
			and m.valid_from <= ${to}::date and m.valid_until >= ${from}::date`;
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		area: r.area,
		bbox: [r.min_x, r.min_y, r.max_x, r.max_y],
		validFrom: r.valid_from,
		validUntil: r.valid_until,
		mode: r.mode,
		exemptions: r.exemptions,
		legalBasis: r.legal_basis
	}));
}
