/**
 * @module kalender/sample
 * Sample Baustellen written straight into the tables, for the calendar's own tests (query.spec.ts, the
 * e2e test) and screenshots — not the demo content (the Baustellen service and its conflict engine
 * fill that). Footprints follow real streets of Halle's Altstadt (the committed OSM subset, © OpenStreetMap
 * contributors, ODbL): a stretch of the street's longest way, grown to a corridor.
 *
 * Relative imports only, so Playwright (without Kit's `$lib` alias) can load it too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type postgres from 'postgres';
import { lonLatToUtm, utmToLonLat } from '../../geo/crs';
import { normaliseStreet } from '../../kalender/street';

type Pos = [number, number];

export interface Footprint {
	footprint4326: { type: 'Polygon'; coordinates: Pos[][] };
	footprint25832: { type: 'Polygon'; coordinates: Pos[][] };
	axis4326: { type: 'LineString'; coordinates: Pos[] };
	axis25832: { type: 'LineString'; coordinates: Pos[] };
	/** EPSG:25832 [minX, minY, maxX, maxY] */
	bbox: [number, number, number, number];
	areaM2: number;
}

let streets: Map<string, Pos[]> | null = null;

/** The longest way of each named street (by normalised name), EPSG:25832. */
function streetAxes(): Map<string, Pos[]> {
	if (streets) return streets;
	const fc = JSON.parse(readFileSync(resolve('layers/demo/source/halle_altstadt_subset.geojson'), 'utf8')) as {
		features: { properties: { name?: string }; geometry: { type: string; coordinates: number[][] } }[];
	};
	streets = new Map();
	for (const f of fc.features) {
		if (!f.properties.name || f.geometry.type !== 'LineString') continue;
		const line = f.geometry.coordinates.map((p) => lonLatToUtm(p));
		const key = normaliseStreet(f.properties.name);
		const known = streets.get(key);
		if (!known || length(line) > length(known)) streets.set(key, line);
	}
	return streets;
}

function length(line: Pos[]): number {
	let sum = 0;
	for (let i = 1; i < line.length; i++) sum += Math.hypot(line[i]![0] - line[i - 1]![0], line[i]![1] - line[i - 1]![1]);
	return sum;
}

/** The part of `line` between the fractions `f0` and `f1` of its length. */
function cut(line: Pos[], f0: number, f1: number): Pos[] {
	const total = length(line);
	const [a, b] = [f0 * total, f1 * total];
	const out: Pos[] = [];
	let walked = 0;
	for (let i = 1; i < line.length; i++) {
		const p = line[i - 1]!;
		const q = line[i]!;
		const seg = Math.hypot(q[0] - p[0], q[1] - p[1]);
		const at = (d: number): Pos => [p[0] + ((q[0] - p[0]) * (d - walked)) / seg, p[1] + ((q[1] - p[1]) * (d - walked)) / seg];
		if (walked + seg >= a && walked <= b) {
			if (!out.length) out.push(at(Math.max(a, walked)));
			out.push(walked + seg <= b ? q : at(b));
		}
		walked += seg;
	}
	return out.length >= 2 ? out : line.slice(0, 2);
}

/** A corridor of `width` metres around the polyline: offsets with mitred joins (gentle streets only). */
function corridor(axis: Pos[], width: number): Pos[] {
	const h = width / 2;
	const normal = (p: Pos, q: Pos): Pos => {
		const d = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
		return [-(q[1] - p[1]) / d, (q[0] - p[0]) / d];
	};
	const offsets = axis.map((p, i) => {
		const n1 = i > 0 ? normal(axis[i - 1]!, p) : normal(p, axis[i + 1]!);
		const n2 = i < axis.length - 1 ? normal(p, axis[i + 1]!) : n1;
		const m: Pos = [n1[0] + n2[0], n1[1] + n2[1]];
		const ml = Math.hypot(m[0], m[1]) || 1;
		const scale = h / Math.max(0.5, (m[0] / ml) * n1[0] + (m[1] / ml) * n1[1]);
		return [(m[0] / ml) * scale, (m[1] / ml) * scale] as Pos;
	});
	const left = axis.map((p, i) => [p[0] + offsets[i]![0], p[1] + offsets[i]![1]] as Pos);
	const right = axis.map((p, i) => [p[0] - offsets[i]![0], p[1] - offsets[i]![1]] as Pos).reverse();
	const ring = [...left, ...right];
	return [...ring, ring[0]!];
}

function ringArea(ring: Pos[]): number {
	let s = 0;
	for (let i = 1; i < ring.length; i++) s += ring[i - 1]![0] * ring[i]![1] - ring[i]![0] * ring[i - 1]![1];
	return Math.abs(s / 2);
}

/** A footprint along `street` from fraction `part[0]` to `part[1]` of its longest way, `width` m wide. */
export function footprintAlong(street: string, part: [number, number] = [0.2, 0.6], width = 8): Footprint {
	const line = streetAxes().get(normaliseStreet(street));
	if (!line) throw new Error(`Straße „${street}“ ist nicht im Straßenauszug der Altstadt.`);
	const axis = cut(line, part[0], part[1]);
	const ring = corridor(axis, width);
	const round = (p: number[]): Pos => [Math.round(p[0]! * 1e7) / 1e7, Math.round(p[1]! * 1e7) / 1e7];
	const xs = ring.map((p) => p[0]);
	const ys = ring.map((p) => p[1]);
	return {
		footprint25832: { type: 'Polygon', coordinates: [ring] },
		footprint4326: { type: 'Polygon', coordinates: [ring.map((p) => round(utmToLonLat(p)))] },
		axis25832: { type: 'LineString', coordinates: axis },
		axis4326: { type: 'LineString', coordinates: axis.map((p) => round(utmToLonLat(p))) },
		bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
		areaM2: ringArea(ring)
	};
}

export interface SampleBaustelle {
	number: string;
	title: string;
	orgId: string;
	createdBy: string;
	/** the street the footprint follows; also the first of `streets` */
	street: string;
	part?: [number, number];
	width?: number;
	/** further street names (default: just `street`) */
	streets?: string[];
	status: 'geplant' | 'beantragt' | 'genehmigt' | 'in_ausfuehrung' | 'abgeschlossen' | 'abgenommen' | 'storniert';
	plannedStart: string;
	plannedEnd: string;
	actualStart?: string | null;
	actualEnd?: string | null;
	confirmed?: boolean;
	networks?: string[];
	workKind?: string;
	excavation?: boolean;
	traffic?: 'vollsperrung' | 'halbseitig' | 'gehweg' | 'keine';
	public?: boolean;
	promoterPrivate?: boolean;
	contact?: Record<string, string>;
	authorities?: string[];
}

type Sql = postgres.Sql | postgres.TransactionSql;

/** Inserts one Baustelle (and its authorities); returns its id. Idempotent by number. */
export async function insertSampleBaustelle(db: Sql, b: SampleBaustelle): Promise<string> {
	const [found] = await db<{ id: string }[]>`select id from baustellen where number = ${b.number}`;
	if (found) return found.id;
	const f = footprintAlong(b.street, b.part, b.width);
	const [x1, y1, x2, y2] = f.bbox;
	const streetList = b.streets ?? [b.street];
	const [row] = await db<{ id: string }[]>`
		insert into baustellen (number, org_id, created_by, promoter_private, title, contact, networks, work_kind, excavation,
			footprint_4326, footprint_25832, axis_4326, axis_25832, bbox, area_m2, streets, planned_start, planned_end,
			dates_confirmed, actual_start, actual_end, traffic, public, status, created_at, updated_at)
		values (${b.number}, ${b.orgId}, ${b.createdBy}, ${b.promoterPrivate ?? false}, ${b.title}, ${db.json(b.contact ?? {})},
			string_to_array(${(b.networks ?? []).join(',')}, ','), ${b.workKind ?? 'leitungsbau'}, ${b.excavation ?? true},
			${db.json(f.footprint4326)}, ${db.json(f.footprint25832)}, ${db.json(f.axis4326)}, ${db.json(f.axis25832)},
			box(point(${x1}, ${y1}), point(${x2}, ${y2})), ${f.areaM2}, string_to_array(${streetList.join('\u001f')}, ${'\u001f'}),
			${b.plannedStart}, ${b.plannedEnd}, ${b.confirmed ?? false}, ${b.actualStart ?? null}, ${b.actualEnd ?? null},
			${b.traffic ?? 'halbseitig'}, ${b.public ?? true}, ${b.status}, now(), now())
		on conflict (number) do nothing
		returning id`;
	if (!row) {
		const [again] = await db<{ id: string }[]>`select id from baustellen where number = ${b.number}`;
		return again!.id;
	}
	for (const authority of b.authorities ?? []) {
		await db`insert into baustelle_authorities (baustelle_id, authority_org_id, reason) values (${row.id}, ${authority}, 'gebiet') on conflict do nothing`;
	}
	return row.id;
}

export interface SampleConflict {
	kind: 'ueberschneidung' | 'moratorium' | 'frost' | 'mitverlegung';
	severity: 'hoch' | 'mittel' | 'niedrig' | 'hinweis';
	blocking?: boolean;
	message: string;
	otherId?: string;
	moratoriumId?: string;
}

export async function insertSampleConflict(db: Sql, baustelleId: string, c: SampleConflict): Promise<void> {
	await db`insert into baustelle_conflicts (baustelle_id, kind, other_baustelle_id, moratorium_id, severity, blocking, message, computed_at)
		values (${baustelleId}, ${c.kind}, ${c.otherId ?? null}, ${c.moratoriumId ?? null}, ${c.severity}, ${c.blocking ?? false}, ${c.message}, now())`;
}

export interface SampleMoratorium {
	authorityOrgId: string;
	title: string;
	street: string;
	part?: [number, number];
	validFrom: string;
	validUntil: string;
	legalBasis?: string;
	mode?: 'warnung' | 'sperre';
	status?: 'vorgeschlagen' | 'aktiv' | 'aufgehoben';
	sourceBaustelleId?: string;
}

/** Inserts a moratorium along a street; idempotent by title. */
export async function insertSampleMoratorium(db: Sql, m: SampleMoratorium): Promise<string> {
	const [found] = await db<{ id: string }[]>`select id from moratoria where title = ${m.title}`;
	if (found) return found.id;
	const f = footprintAlong(m.street, m.part ?? [0, 1], 20);
	const [x1, y1, x2, y2] = f.bbox;
	const [row] = await db<{ id: string }[]>`
		insert into moratoria (authority_org_id, title, street, area_4326, area_25832, bbox, valid_from, valid_until, legal_basis,
			mode, exemptions, status, source_baustelle_id, created_at)
		values (${m.authorityOrgId}, ${m.title}, ${m.street}, ${db.json(f.footprint4326)}, ${db.json(f.footprint25832)},
			box(point(${x1}, ${y1}), point(${x2}, ${y2})), ${m.validFrom}, ${m.validUntil}, ${m.legalBasis ?? ''},
			${m.mode ?? 'sperre'}, string_to_array('dringende_reparatur,stoerungsbeseitigung', ','), ${m.status ?? 'aktiv'},
			${m.sourceBaustelleId ?? null}, now())
		returning id`;
	return row!.id;
}
