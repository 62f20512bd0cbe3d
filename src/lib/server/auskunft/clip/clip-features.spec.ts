/**
 * The fast path against plain jsts on seeded random data: float coordinates at UTM magnitudes (the
 * real case) and small integer grids (where lines run along edges, through vertices and end on the
 * boundary — the degenerate cases), areas with holes and several parts, lines, points and polygons.
 */
import { describe, expect, it } from 'vitest';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { join } from 'node:path';
import { seededRandom } from '$lib/server/layers/reader/synthetic';
import { openLayerFile, type Geometry, type LayerFeature, type Position } from '$lib/server/layers/reader';
import { topoDifference } from '../../../../../tests/fixtures/jts/topo-equal';
import { clipFeatures } from './clip-features';
import { growArea } from './grow';
import { toJsts } from './jsts';
import { clipLayer } from './layer';
import type { ClippedFeature, ClipMethod, GrownArea, Polygonal } from './types';

type Rnd = () => number;

function star(rnd: Rnd, cx: number, cy: number, rMin: number, rMax: number, n: number, snap: (v: number) => number): Position[] {
	const ring: Position[] = [];
	const start = rnd() * 2 * Math.PI;
	for (let i = 0; i < n; i++) {
		const a = start + ((i + 0.2 + 0.6 * rnd()) / n) * 2 * Math.PI;
		const r = rMin + rnd() * (rMax - rMin);
		ring.push([snap(cx + r * Math.cos(a)), snap(cy + r * Math.sin(a))]);
	}
	ring.push([...ring[0]!]);
	return ring;
}

function area(rnd: Rnd, origin: Position, grid: boolean): Polygonal | null {
	const snap = grid ? Math.round : (v: number) => v;
	const scale = grid ? 40 : 150;
	const parts = rnd() < 0.2 ? 2 : 1;
	const polygons: Position[][][] = [];
	for (let p = 0; p < parts; p++) {
		const cx = origin[0]! + p * scale * 2.5;
		const cy = origin[1]!;
		const rings = [star(rnd, cx, cy, scale * 0.6, scale, 4 + Math.floor(rnd() * 12), snap)];
		if (rnd() < 0.4) rings.push(star(rnd, cx, cy, scale * 0.15, scale * 0.4, 3 + Math.floor(rnd() * 5), snap).reverse());
		polygons.push(rings);
	}
	const g: Polygonal = parts === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
	return new IsValidOp(toJsts(g)).isValid() ? g : null;
}

function allVertices(g: Polygonal): Position[] {
	return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flatMap((p) => p.flatMap((r) => r.slice(0, -1)));
}

/** Lines and points meant to hit the area's boundary in every way: crossing, along, through vertices. */
function features(rnd: Rnd, g: Polygonal, origin: Position, grid: boolean, count: number): LayerFeature[] {
	const snap = grid ? Math.round : (v: number) => v;
	const spread = grid ? 140 : 500;
	const verts = allVertices(g);
	const rings = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat();
	const anywhere = (): Position => [snap(origin[0]! - spread / 3 + rnd() * spread), snap(origin[1]! - spread / 2 + rnd() * spread)];
	const out: LayerFeature[] = [];
	const add = (geometry: Geometry) => out.push({ type: 'Feature', id: out.length, geometry, properties: { source_id: `F-${out.length}` } });
	for (let i = 0; i < count; i++) {
		const kind = rnd();
		if (kind < 0.35) {
			// a wobbly line anywhere
			const n = 2 + Math.floor(rnd() * 6);
			const line: Position[] = [anywhere()];
			for (let v = 1; v < n; v++) {
				const last = line[v - 1]!;
				line.push([snap(last[0]! + (rnd() - 0.5) * spread * 0.4), snap(last[1]! + (rnd() - 0.5) * spread * 0.4)]);
			}
			add({ type: 'LineString', coordinates: line });
		} else if (kind < 0.5) {
			// along part of a ring, maybe running on beyond it
			const ring = rings[Math.floor(rnd() * rings.length)]!;
			const from = Math.floor(rnd() * (ring.length - 1));
			const k = 2 + Math.floor(rnd() * 3);
			const line = Array.from({ length: k }, (_, j) => ring[(from + j) % (ring.length - 1)]!);
			if (rnd() < 0.5) line.push(anywhere());
			if (rnd() < 0.5) line.unshift(anywhere());
			add({ type: 'LineString', coordinates: line });
		} else if (kind < 0.65) {
			// through a vertex, or ending at one
			const v = verts[Math.floor(rnd() * verts.length)]!;
			const a = anywhere();
			const line: Position[] = rnd() < 0.5 ? [a, v] : [a, v, grid ? [2 * v[0]! - a[0]!, 2 * v[1]! - a[1]!] : anywhere()];
			add({ type: 'LineString', coordinates: line });
		} else if (kind < 0.75) {
			const n = 2 + Math.floor(rnd() * 3);
			add({
				type: 'MultiLineString',
				coordinates: Array.from({ length: n }, () => [anywhere(), anywhere()])
			});
		} else if (kind < 0.9) {
			// a point: anywhere, on a vertex, or on an edge (exactly, on integer grids)
			const r = rnd();
			const ring = rings[Math.floor(rnd() * rings.length)]!;
			const j = Math.floor(rnd() * (ring.length - 1));
			const [a, b] = [ring[j]!, ring[j + 1]!];
			const onEdge = grid && (a[0]! - b[0]!) % 2 === 0 && (a[1]! - b[1]!) % 2 === 0;
			const p = r < 0.5 ? anywhere() : r < 0.75 || !onEdge ? a : [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2];
			add(rnd() < 0.8 ? { type: 'Point', coordinates: p } : { type: 'MultiPoint', coordinates: [p, anywhere()] });
		} else {
			// a Schutzstreifen-like polygon
			const c = anywhere();
			add({ type: 'Polygon', coordinates: [star(rnd, c[0]!, c[1]!, grid ? 5 : 10, grid ? 25 : 60, 5 + Math.floor(rnd() * 4), snap)] });
		}
	}
	return out;
}

const asArea = (geometry: Polygonal): GrownArea => {
	const xs = allVertices(geometry);
	return {
		geometry,
		bbox: [Math.min(...xs.map((p) => p[0]!)), Math.min(...xs.map((p) => p[1]!)), Math.max(...xs.map((p) => p[0]!)), Math.max(...xs.map((p) => p[1]!))],
		distanceM: 0,
		quadrantSegments: 16
	};
};

function compare(fast: ClippedFeature[], slow: ClippedFeature[], tolerance: number): string[] {
	const problems: string[] = [];
	const ids = (r: ClippedFeature[]) => r.map((f) => f.id).join(',');
	if (ids(fast) !== ids(slow)) return [`ids differ: fast [${ids(fast)}] jsts [${ids(slow)}]`];
	for (let i = 0; i < fast.length; i++) {
		const f = fast[i]!;
		const s = slow[i]!;
		if (f.sourceId !== s.sourceId || JSON.stringify(f.properties) !== JSON.stringify(s.properties)) problems.push(`${f.id}: identity`);
		if ((f.lengthM === null) !== (s.lengthM === null) || Math.abs((f.lengthM ?? 0) - (s.lengthM ?? 0)) > tolerance * Math.max(1, s.lengthM ?? 0))
			problems.push(`${f.id}: length ${f.lengthM} vs ${s.lengthM}`);
		if (Math.abs((f.areaM2 ?? 0) - (s.areaM2 ?? 0)) > tolerance * Math.max(1, s.areaM2 ?? 0)) problems.push(`${f.id}: area ${f.areaM2} vs ${s.areaM2}`);
		const d = topoDifference(toJsts(f.geometry), toJsts(s.geometry), tolerance * 10);
		if (d) problems.push(`${f.id} (${f.method}): ${d}`);
	}
	return problems;
}

function run(seed: number, cases: number, grid: boolean, grow: number | null) {
	const rnd = seededRandom(seed);
	const methods: Record<ClipMethod, number> = { inside: 0, fast: 0, jsts: 0, unclipped: 0 };
	const problems: string[] = [];
	let areas = 0;
	let kept = 0;
	for (let c = 0; c < cases; c++) {
		const origin = grid ? [0, 0] : [700_000 + rnd() * 10_000, 5_700_000 + rnd() * 10_000];
		const g = area(rnd, origin, grid);
		if (!g) continue;
		areas++;
		const grown = grow === null ? asArea(g) : growArea(g, grow);
		const fs = features(rnd, g, origin, grid, 60);
		const fast = clipFeatures(grown, fs);
		const slow = clipFeatures(grown, fs, { fastPath: false });
		kept += slow.length;
		for (const f of fast) methods[f.method]++;
		const found = compare(fast, slow, grid ? 1e-9 : 1e-7);
		if (found.length && process.env.CLIP_DEBUG) console.log(JSON.stringify({ c, area: g, features: fs }));
		problems.push(...found.map((p) => `case ${c}: ${p}`));
	}
	console.log(`seed ${seed}${grid ? ', integer grid' : ''}${grow ? `, grown ${grow} m` : ''}: ${areas} areas, ${kept} features kept, by ${JSON.stringify(methods)}`);
	return { areas, kept, methods, problems };
}

describe('clipFeatures: fast path = jsts', () => {
	it('on float data at UTM magnitudes (200 areas, 12,000 features)', () => {
		const r = run(4711, 200, false, null);
		expect(r.problems).toEqual([]);
		expect(r.areas).toBeGreaterThan(180);
		// the point of the exercise: jsts is the exception
		expect(r.methods.jsts).toBeLessThan(0.05 * r.kept);
		expect(r.methods.inside + r.methods.fast).toBeGreaterThan(0.9 * r.kept);
	});

	it('on grown areas (buffers of 5–50 m)', () => {
		for (const [seed, d] of [
			[1, 5],
			[2, 10],
			[3, 50]
		] as const) {
			const r = run(seed, 60, false, d);
			expect(r.problems).toEqual([]);
		}
	});

	it('on integer grids: along edges, through vertices, points on the boundary', () => {
		const r = run(815, 300, true, null);
		expect(r.problems).toEqual([]);
		expect(r.areas).toBeGreaterThan(100);
		// the fast path decides most degenerate cases itself (jsts only gets self-overlapping lines)
		expect(r.methods.fast).toBeGreaterThan(r.methods.jsts);
	});
});

describe('clipFeatures: details', () => {
	const square: Polygonal = {
		type: 'Polygon',
		coordinates: [
			[
				[0, 0],
				[100, 0],
				[100, 100],
				[0, 100],
				[0, 0]
			]
		]
	};
	const grown = asArea(square);
	const f = (id: number, geometry: Geometry | null, properties: Record<string, string | number | null> = { source_id: `S-${id}` }): LayerFeature => ({
		type: 'Feature',
		id,
		geometry,
		properties
	});

	it('keeps a feature inside whole, drops one outside, reports ids and properties', () => {
		const inside = f(7, { type: 'LineString', coordinates: [[10, 10], [20, 10], [20, 30]] }, { source_id: 'W-1', dn: 150 });
		const r = clipFeatures(grown, [inside, f(8, { type: 'LineString', coordinates: [[200, 10], [300, 10]] }), f(9, null)]);
		expect(r).toEqual([
			{
				id: 7,
				sourceId: 'W-1',
				geometryClass: 'line',
				geometry: inside.geometry,
				lengthM: 30,
				areaM2: null,
				properties: { source_id: 'W-1', dn: 150 },
				method: 'inside'
			}
		]);
	});

	it('gives a touching line length 0 and its touch point', () => {
		const r = clipFeatures(grown, [f(1, { type: 'LineString', coordinates: [[-10, 110], [0, 100], [-10, 90]] })]);
		expect(r).toMatchObject([{ id: 1, geometry: { type: 'Point', coordinates: [0, 100] }, lengthM: 0, method: 'fast' }]);
	});

	it('counts points on the boundary as inside, like ST_Intersects', () => {
		const r = clipFeatures(grown, [
			f(1, { type: 'Point', coordinates: [100, 50] }),
			f(2, { type: 'Point', coordinates: [100.001, 50] }),
			f(3, { type: 'MultiPoint', coordinates: [[50, 50], [150, 50], [0, 0]] })
		]);
		expect(r.map((x) => [x.id, x.geometry])).toEqual([
			[1, { type: 'Point', coordinates: [100, 50] }],
			[3, { type: 'MultiPoint', coordinates: [[50, 50], [0, 0]] }]
		]);
	});

	it('clips a Schutzstreifen polygon with jsts and measures its area', () => {
		const r = clipFeatures(grown, [f(1, { type: 'Polygon', coordinates: [[[90, 40], [110, 40], [110, 60], [90, 60], [90, 40]]] })]);
		expect(r).toMatchObject([{ id: 1, geometryClass: 'polygon', areaM2: 200, lengthM: null, method: 'jsts' }]);
	});

	it('measures a self-overlapping line like JTS and PostGIS do: the overlap once', () => {
		const r = clipFeatures(grown, [f(1, { type: 'LineString', coordinates: [[10, 10], [50, 10], [30, 10]] })]);
		expect(r).toMatchObject([{ id: 1, lengthM: 40, method: 'jsts' }]);
	});

	it('survives where jsts 2.12.1 throws: three lines crossing near one point at the boundary', () => {
		const area: Polygonal = { type: 'Polygon', coordinates: [[[-27, -14], [-14, -23], [28, -18], [39, 2], [2, 40], [-13, 22], [-27, -14]]] };
		const line: Geometry = { type: 'MultiLineString', coordinates: [[[57, -41], [-18, 39]], [[49, 66], [-44, -57]], [[39, 25], [-20, 29]], [[78, 17], [63, -23]]] };
		// OverlayOp (and its snapping retry) throws "found non-noded intersection"; PostGIS 3.3 / GEOS
		// 3.11: ST_Length(ST_Intersection(…)) = 136.08944812179692
		const fast = clipFeatures(asArea(area), [f(1, line)]);
		expect(fast[0]).toMatchObject({ method: 'fast' });
		expect(fast[0]!.lengthM).toBeCloseTo(136.08944812179692, 9);
		const slow = clipFeatures(asArea(area), [f(1, line)], { fastPath: false });
		expect(slow[0]!.lengthM).toBeCloseTo(136.08944812179692, 9); // parts one by one
	});

	it('reports a feature whose overlay fails whole, on the safe side', () => {
		// a bow-tie Schutzstreifen crossing the boundary: jsts's overlay throws on the invalid polygon
		const bowTie: Geometry = { type: 'Polygon', coordinates: [[[90, 40], [110, 60], [110, 40], [90, 60], [90, 40]]] };
		const r = clipFeatures(grown, [f(1, bowTie)]);
		expect(r).toHaveLength(1);
		expect(['unclipped', 'jsts']).toContain(r[0]!.method);
	});
});

describe('clipLayer', () => {
	it('searches the layer file and clips what it finds, the same with and without the fast path', () => {
		const path = join(process.cwd(), 'tests/fixtures/fgb/network.fgb');
		const reader = openLayerFile(path);
		const extent = reader.extent!;
		reader.close();
		const rnd = seededRandom(99);
		let total = 0;
		for (let i = 0; i < 20; i++) {
			const cx = extent[0] + rnd() * (extent[2] - extent[0]);
			const cy = extent[1] + rnd() * (extent[3] - extent[1]);
			const g = area(rnd, [cx, cy], false);
			if (!g) continue;
			const grown = growArea(g, 10);
			const fast = clipLayer(path, grown);
			const slow = clipLayer(path, grown, { fastPath: false });
			expect(compare(fast, slow, 1e-7)).toEqual([]);
			total += fast.length;
		}
		expect(total).toBeGreaterThan(0);
	});
});
