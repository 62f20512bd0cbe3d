/**
 * Part 1 — the pre-filter queries of load.ts on the migrated schema (no PostGIS needed): effective
 * windows from actual dates, 'privat' for a private promoter, cancelled Baustellen and moratoria that are
 * not active left out, the co-laying reach only for an excavating subject.
 *
 * Part 2 — the conflict engine's exact distance against PostGIS `ST_Distance` (the oracle, GEOS underneath):
 * ≥ 500 seeded random polygon pairs of every hard kind (vertex/edge touch, containment, island in a
 * hole, crossing corridors, multipolygons, parallel corridors a few metres apart) plus neighbouring
 * footprints of the synthetic calendar (bent corridors, pointed ends, drilling pit pairs). Tolerance
 * 1e-6 m; the "meets a moratorium" test (`distanceWithin(…, 0) === 0`) must equal `ST_Intersects`.
 * Needs no build; skipped with a message where `create extension postgis` is impossible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Polygonal } from '../../src/lib/baustellen';
import { createRng } from '../../src/lib/server/demo/networks/prng';
import { distanceWithin, polygonalDistance } from '../../src/lib/server/konflikte/distance';
import { ConflictIndex } from '../../src/lib/server/konflikte/index';
import { randomPairs, type ShapePair } from '../../src/lib/server/konflikte/random-shapes';
import { syntheticBaustellen } from '../../src/lib/server/konflikte/synthetic';
import { checkConflicts } from '../../src/lib/server/konflikte/engine';
import { loadCandidate, loadCandidates, loadMoratoria } from '../../src/lib/server/konflikte/load';
import { DEFAULT_SETTINGS, type Candidate } from '../../src/lib/server/konflikte/types';
import { freshDatabase, type FreshDb } from './helpers/pg';

let db: FreshDb | null = null;
let noPostgis: string | null = null;

beforeAll(async () => {
	db = await freshDatabase();
	try {
		await db.sql`create extension postgis`;
	} catch (e) {
		noPostgis = `PostGIS nicht verfügbar (${(e as Error).message}) – apt-get install postgresql-15-postgis-3`;
	}
});

afterAll(async () => {
	await db?.drop();
});

const X = 706_000;
const Y = 5_706_000;
const rect = (x0: number, y0: number, x1: number, y1: number): Polygonal => ({
	type: 'Polygon',
	coordinates: [[[X + x0, Y + y0], [X + x1, Y + y0], [X + x1, Y + y1], [X + x0, Y + y1], [X + x0, Y + y0]]]
});

describe('loadCandidates / loadMoratoria on the migrated schema', () => {
	it('returns the neighbours in space and time as Candidates, and the active moratoria', async () => {
		const sql = db!.sql;
		const [org] = await sql<{ id: string }[]>`insert into organisations (name, roles) values ('Stadtwerke Saalestadt (Test)', '{netzbetreiber}') returning id`;
		const [user] = await sql<{ id: string }[]>`insert into users (email, name, password_hash) values ('k@test.invalid', 'K', 'x') returning id`;
		let n = 0;
		const insert = async (o: { footprint: Polygonal; start: string; end: string; actualStart?: string; actualEnd?: string; status?: string; excavation?: boolean; privat?: boolean }) => {
			const ring = (o.footprint as { coordinates: number[][][] }).coordinates[0]!;
			const xs = ring.map((p) => p[0]!);
			const ys = ring.map((p) => p[1]!);
			const [row] = await sql<{ id: string }[]>`insert into baustellen (number, org_id, created_by, promoter_private, title, work_kind, excavation, footprint_4326, footprint_25832,
					axis_4326, axis_25832, bbox, area_m2, streets, planned_start, planned_end, actual_start, actual_end, traffic, status, ducts, created_at, updated_at)
				values (${`BS-2026-9${String(++n).padStart(4, '0')}`}, ${org!.id}, ${user!.id}, ${o.privat ?? false}, ${`Test ${n}`}, 'aufgrabung', ${o.excavation ?? true},
					${sql.json(o.footprint as never)}, ${sql.json(o.footprint as never)}, '{"type":"LineString","coordinates":[]}', '{"type":"LineString","coordinates":[]}',
					box(point(${Math.min(...xs)}, ${Math.min(...ys)}), point(${Math.max(...xs)}, ${Math.max(...ys)})), 1, '{Große Ulrichstraße}',
					${o.start}, ${o.end}, ${o.actualStart ?? null}, ${o.actualEnd ?? null}, 'halbseitig', ${o.status ?? 'geplant'},
					${sql.json([{ kind: 'Leerrohr', count: 2, diameterMm: 50, note: '' }] as never)}, now(), now())
				returning id`;
			return row!.id;
		};
		const near = rect(0, 20, 100, 24);
		const privat = await insert({ footprint: near, start: '2026-03-10', end: '2026-03-30', privat: true });
		await insert({ footprint: near, start: '2026-03-10', end: '2026-03-30', status: 'storniert' });
		const late = await insert({ footprint: near, start: '2026-01-05', end: '2026-01-20', actualStart: '2026-02-20', actualEnd: '2026-03-02' });
		const running = await insert({ footprint: near, start: '2026-01-05', end: '2026-01-20', actualStart: '2026-02-25' });
		await insert({ footprint: rect(0, 80, 100, 84), start: '2026-03-10', end: '2026-03-30' });
		const colaying = await insert({ footprint: near, start: '2026-08-01', end: '2026-08-20' });
		await insert({ footprint: near, start: '2026-10-01', end: '2026-10-20' });

		const subject: Candidate = { ...(await loadCandidate(sql, privat))!, id: 'neu', number: 'BS-NEU', footprint: rect(0, 0, 100, 4), bbox: [X, Y, X + 100, Y + 4], start: '2026-03-01', end: '2026-03-20' };
		const found = await loadCandidates(sql, subject, DEFAULT_SETTINGS);
		expect(found.map((c) => c.id).sort()).toEqual([privat, late, running, colaying].sort());
		const byId = new Map(found.map((c) => [c.id, c]));
		expect(byId.get(privat)).toMatchObject({ promoter: 'privat', start: '2026-03-10', end: '2026-03-30', streets: ['Große Ulrichstraße'], excavation: true, exemption: 'keine', status: 'geplant' });
		expect(byId.get(privat)!.ducts).toEqual([{ kind: 'Leerrohr', count: 2, diameterMm: 50, note: '' }]);
		expect(byId.get(late)).toMatchObject({ promoter: 'Stadtwerke Saalestadt (Test)', start: '2026-02-20', end: '2026-03-02' });
		// started after its planned end, not finished: it runs at least on its first day
		expect(byId.get(running)).toMatchObject({ start: '2026-02-25', end: '2026-02-25' });
		expect(byId.get(privat)!.bbox).toEqual([X, Y + 20, X + 100, Y + 24]);
		// without excavation only overlapping windows count (`running` is in only for co-laying)
		expect((await loadCandidates(sql, { ...subject, excavation: false }, DEFAULT_SETTINGS)).map((c) => c.id).sort()).toEqual([privat, late].sort());

		const area = rect(-10, -10, 50, 30);
		const insertMoratorium = (status: string, from: string, until: string) =>
			sql`insert into moratoria (authority_org_id, title, area_4326, area_25832, bbox, valid_from, valid_until, legal_basis, mode, exemptions, status, created_at)
				values (${org!.id}, ${`Sperre ${status} ${until}`}, ${sql.json(area as never)}, ${sql.json(area as never)}, box(point(${X - 10}, ${Y - 10}), point(${X + 50}, ${Y + 30})),
					${from}, ${until}, '§ 6 Satzung', 'sperre', string_to_array('hausanschluss,dringende_reparatur', ','), ${status}, now())`;
		await insertMoratorium('aktiv', '2025-01-01', '2029-12-31');
		await insertMoratorium('aufgehoben', '2025-01-01', '2029-12-31');
		await insertMoratorium('vorgeschlagen', '2025-01-01', '2029-12-31');
		await insertMoratorium('aktiv', '2025-01-01', '2026-02-28');
		const moratoria = await loadMoratoria(sql, subject.bbox, subject.start, subject.end);
		expect(moratoria.map((m) => m.title)).toEqual(['Sperre aktiv 2029-12-31']);
		expect(moratoria[0]).toMatchObject({ validFrom: '2025-01-01', validUntil: '2029-12-31', mode: 'sperre', exemptions: ['hausanschluss', 'dringende_reparatur'], legalBasis: '§ 6 Satzung', bbox: [X - 10, Y - 10, X + 50, Y + 30] });

		const findings = checkConflicts(subject, found, moratoria, DEFAULT_SETTINGS, '2026-01-15');
		expect(findings[0]).toMatchObject({ kind: 'moratorium', blocking: true });
		expect(findings.filter((f) => f.kind === 'ueberschneidung').map((f) => f.otherId).sort()).toEqual([privat, late].sort());
		expect(findings.filter((f) => f.kind === 'mitverlegung').map((f) => f.otherId).sort()).toEqual([privat, late, running, colaying].sort());
	});
});

/** Pairs of synthetic footprints that lie within 50 m of each other (what the engine really measures). */
function calendarPairs(max: number): ShapePair[] {
	const all = syntheticBaustellen(4_000, { seed: 99, streets: 60 });
	const index = new ConflictIndex(all);
	const pairs: ShapePair[] = [];
	for (const s of all) {
		// any time: only space matters here
		for (const o of index.near({ ...s, start: '2000-01-01', end: '2100-01-01' }, DEFAULT_SETTINGS)) {
			if (o.id < s.id) pairs.push({ kind: 'random', a: s.footprint, b: o.footprint });
			if (pairs.length >= max) return pairs;
		}
	}
	return pairs;
}

describe('distanceWithin vs PostGIS ST_Distance', () => {
	it('agrees within 1e-6 m on ≥ 500 random pairs and on neighbouring calendar footprints', async (ctx) => {
		if (noPostgis) ctx.skip(noPostgis);
		const pairs = [...randomPairs(createRng(20_260_501), 80), ...calendarPairs(400)];
		expect(pairs.length).toBeGreaterThanOrEqual(1_000);
		const geo = (g: Polygonal) => JSON.stringify(g);
		const rows = await db!.sql<{ i: number; d: number; meets: boolean }[]>`
			select t.i, ST_Distance(a, b) as d, ST_Intersects(a, b) as meets
			from unnest(${pairs.map((_, i) => i)}::int[], ${pairs.map((p) => geo(p.a))}::text[], ${pairs.map((p) => geo(p.b))}::text[]) as t(i, ga, gb)
			cross join lateral (select ST_SetSRID(ST_GeomFromGeoJSON(t.ga), 25832) as a, ST_SetSRID(ST_GeomFromGeoJSON(t.gb), 25832) as b) g
			order by t.i`;
		expect(rows).toHaveLength(pairs.length);
		const bad: string[] = [];
		const zeros: Record<string, number> = {};
		let maxError = 0;
		for (const r of rows) {
			const p = pairs[r.i]!;
			const mine = polygonalDistance(p.a, p.b);
			const err = Math.abs(mine - r.d);
			maxError = Math.max(maxError, err);
			if (!(err <= 1e-6)) bad.push(`#${r.i} ${p.kind}: ${mine} vs ST_Distance ${r.d}`);
			if ((distanceWithin(p.a, p.b, 0) === 0) !== r.meets) bad.push(`#${r.i} ${p.kind}: meets ${!r.meets} vs ST_Intersects ${r.meets}`);
			if (r.d === 0) zeros[p.kind] = (zeros[p.kind] ?? 0) + 1;
		}
		expect(bad).toEqual([]);
		expect(maxError).toBeLessThanOrEqual(1e-6);
		// the touching/containing/crossing kinds really are at distance 0, islands in holes are not
		for (const kind of ['vertex-touch', 'edge-touch', 'contains', 'crossing']) expect(zeros[kind]).toBe(80);
		expect(zeros['in-hole'] ?? 0).toBe(0);
	});
});
