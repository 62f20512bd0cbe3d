/**
 * @module mitnutzung/repo
 * SQL of the Mitnutzung check: its stored answers (own organisation only) and the calendar's coming
 * excavations near a route. The GiST index on `baustellen.bbox` does the spatial cut.
 */
import type { BaustelleStatus, Polygonal } from '$lib/baustellen';
import type { MitnutzungJson } from '$lib/mitnutzung';
import type { Db } from '../db';
import { isUuid } from '$lib/uuid';

/** [minX, minY, maxX, maxY], EPSG:25832 */
export type Bbox = [number, number, number, number];

export async function nextNumber(db: Db, year: number): Promise<string> {
	const [row] = await db<{ n: string }[]>`select nextval('mitnutzung_number_seq') as n`;
	return `MN-${year}-${String(Number(row!.n)).padStart(5, '0')}`;
}

export interface CheckRow {
	id: string;
	number: string;
	orgId: string;
	userId: string;
	title: string;
	route: MitnutzungJson['route']['geometry'];
	corridorM: number;
	routeLengthM: number;
	coveredLengthM: number;
	/** the answer without its links (they depend on the origin asked from) */
	result: Omit<MitnutzungJson, 'links'>;
	createdAt: Date;
}

export async function insertCheck(db: Db, c: CheckRow): Promise<void> {
	await db`insert into mitnutzung_checks (id, number, org_id, user_id, title, route, corridor_m, route_length_m, covered_length_m, result, created_at)
		values (${c.id}, ${c.number}, ${c.orgId}, ${c.userId}, ${c.title}, ${db.json(c.route as never)}, ${c.corridorM}, ${c.routeLengthM},
			${c.coveredLengthM}, ${db.json(c.result as never)}, ${c.createdAt})`;
}

interface Row {
	id: string;
	number: string;
	org_id: string;
	user_id: string;
	title: string;
	route: CheckRow['route'];
	corridor_m: number;
	route_length_m: number;
	covered_length_m: number;
	result: CheckRow['result'];
	created_at: Date;
}

const toCheck = (r: Row): CheckRow => ({
	id: r.id,
	number: r.number,
	orgId: r.org_id,
	userId: r.user_id,
	title: r.title,
	route: r.route,
	corridorM: r.corridor_m,
	routeLengthM: r.route_length_m,
	coveredLengthM: r.covered_length_m,
	result: r.result,
	createdAt: r.created_at
});

/** The check if it belongs to `orgId`, else null (another organisation's, or no id at all, is "not found"). */
export async function findCheck(db: Db, orgId: string, id: string): Promise<CheckRow | null> {
	if (!isUuid(id)) return null;
	const [r] = await db<Row[]>`select * from mitnutzung_checks where id = ${id} and org_id = ${orgId}`;
	return r ? toCheck(r) : null;
}

export async function listChecks(db: Db, orgId: string, limit: number, offset: number): Promise<{ items: CheckRow[]; total: number }> {
	const rows = await db<Row[]>`select * from mitnutzung_checks where org_id = ${orgId} order by created_at desc, number desc limit ${limit} offset ${offset}`;
	const [count] = await db<{ n: number }[]>`select count(*)::int as n from mitnutzung_checks where org_id = ${orgId}`;
	return { items: rows.map(toCheck), total: count?.n ?? 0 };
}

export interface Excavation {
	id: string;
	number: string;
	title: string;
	promoter: string;
	streets: string[];
	start: string;
	end: string;
	status: BaustelleStatus;
	publiclyFunded: boolean;
	networks: string[];
	footprint25832: Polygonal;
}

/**
 * Coming or running excavations whose box meets `bbox` and whose window meets [from, to]: public ones,
 * and the asking organisation's own. A private promoter reads "privat". Actual dates where known.
 */
export async function excavationsNear(db: Db, bbox: Bbox, from: string, to: string, orgId: string): Promise<Excavation[]> {
	const rows = await db<{
		id: string;
		number: string;
		title: string;
		promoter_private: boolean;
		org_name: string;
		streets: string[];
		start: string;
		end: string;
		status: BaustelleStatus;
		publicly_funded: boolean;
		networks: string[];
		footprint: Polygonal;
	}[]>`
		select b.id, b.number, b.title, b.promoter_private, o.name as org_name, b.streets,
			coalesce(b.actual_start, b.planned_start)::text as start,
			greatest(coalesce(b.actual_end, b.planned_end), coalesce(b.actual_start, b.planned_start))::text as end,
			b.status, b.publicly_funded, b.networks, b.footprint_25832 as footprint
		from baustellen b join organisations o on o.id = b.org_id
		where b.bbox && box(point(${bbox[0]}, ${bbox[1]}), point(${bbox[2]}, ${bbox[3]}))
			and b.excavation
			and b.status in ('geplant', 'beantragt', 'genehmigt', 'in_ausfuehrung')
			and (b.public or b.org_id = ${orgId})
			and coalesce(b.actual_start, b.planned_start) <= ${to}::date
			and greatest(coalesce(b.actual_end, b.planned_end), coalesce(b.actual_start, b.planned_start)) >= ${from}::date
		order by coalesce(b.actual_start, b.planned_start), b.number`;
	return rows.map((r) => ({
		id: r.id,
		number: r.number,
		title: r.title,
		promoter: r.promoter_private ? 'privat' : r.org_name,
		streets: r.streets,
		start: r.start,
		end: r.end,
		status: r.status,
		publiclyFunded: r.publicly_funded,
		networks: r.networks,
		footprint25832: r.footprint
	}));
}

/** Organisation names by id (operators of the matched layers). */
export async function orgNames(db: Db, ids: string[]): Promise<Map<string, string>> {
	if (!ids.length) return new Map();
	const rows = await db<{ id: string; name: string }[]>`select id, name from organisations where id = any(${ids}::uuid[])`;
	return new Map(rows.map((r) => [r.id, r.name]));
}
