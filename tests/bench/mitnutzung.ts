/**
 * Mitnutzung benchmark: a planned route against a Breitband layer of a whole city. 400 straight streets
 * over ~20 km × 20 km around Halle (EPSG:25832, src/lib/server/konflikte/synthetic.ts); along each,
 * duct sections of 40–160 m, 1.5–6 m beside the axis, in operation or planned, 0–6 free ducts — and,
 * for the layer's bulk, other lines anywhere (house connections, cables without ducts). Written with
 * the ingest's own FlatGeobuf writer (packed Hilbert R-tree), read by the product's reader.
 *
 * Per route (0.3–3 km along one street, drawn 0–3 m beside the axis, a few vertices off the line): the
 * product's `ductsAlong` — boxes along the route, R-tree searches, reusable filter, exact corridor cover —
 * then the merged coverage. Target p99 ≤ 50 ms per layer for routes up to 3 km. Prints figures, asserts
 * nothing: `npx tsx tests/bench/mitnutzung.ts [features]`. The file is written to the OS temp dir and
 * removed afterwards.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { writeFlatGeobuf, type LayerHeader } from '../../src/lib/server/layers/ingest/fgb-writer';
import { memorySource, type TestFeature } from '../../src/lib/server/layers/ingest/synthetic-layer';
import { openLayerFile } from '../../src/lib/server/layers/reader/layer-reader';
import { BENCH_LINE, randomLine, seededRandom } from '../../src/lib/server/layers/reader/synthetic';
import { syntheticStreets, HALLE_EXTENT, type SyntheticStreet } from '../../src/lib/server/konflikte/synthetic';
import { intervalsLength, measureRoute, mergeIntervals } from '../../src/lib/server/mitnutzung/cover';
import { ductsAlong } from '../../src/lib/server/mitnutzung/ducts';

export interface MitnutzungBenchOptions {
	/** all features of the layer (ducts along the streets and other lines) */
	features?: number;
	routes?: number;
	seed?: number;
	log?: (line: string) => void;
}

export interface Figures {
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	meanMs: number;
}

const TARGET_MS = 50;
const STREETS = 400;
const CORRIDOR_M = 5;

const col = (name: string, type: ColumnType): ColumnMeta => ({ name, type, title: null, description: null, width: -1, precision: -1, scale: -1, nullable: true, unique: false, primary_key: false });
const COLUMNS: ColumnMeta[] = [col('source_id', ColumnType.String), col('status', ColumnType.String), col('ducts_total', ColumnType.Int), col('ducts_free', ColumnType.Int), col('dimension', ColumnType.String)];
const LAYER: LayerHeader = {
	name: 'breitband',
	geometryType: GeometryType.LineString,
	columns: COLUMNS,
	crs: { org: 'EPSG', code: 25832, name: 'ETRS89 / UTM zone 32N', description: null, wkt: null, code_string: null }
};

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;
function figures(times: number[]): Figures {
	const s = [...times].sort((a, b) => a - b);
	const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
	return { p50Ms: round(q(0.5)), p99Ms: round(q(0.99)), maxMs: round(s[s.length - 1]!), meanMs: round(s.reduce((a, b) => a + b, 0) / s.length) };
}

const along = (s: SyntheticStreet, t: number, side: number): number[] => [s.x + s.dx * t - s.dy * side, s.y + s.dy * t + s.dx * side];

function layerFeatures(count: number, streets: SyntheticStreet[], rnd: () => number): TestFeature[] {
	const out: TestFeature[] = [];
	// ducts along every street, sections one after the other
	for (const s of streets) {
		const side = (rnd() < 0.5 ? -1 : 1) * (1.5 + rnd() * 4.5);
		for (let t = 0; t < s.length && out.length < count * 0.4; ) {
			const len = 40 + rnd() * 120;
			const end = Math.min(s.length, t + len);
			const total = [2, 4, 6, 12, 24][Math.floor(rnd() * 5)]!;
			out.push({
				type: 'Feature',
				geometry: { type: 'LineString', coordinates: [along(s, t, side), along(s, (t + end) / 2, side + (rnd() - 0.5) * 0.4), along(s, end, side)] },
				properties: { source_id: `D-${out.length}`, status: rnd() < 0.85 ? 'in_betrieb' : 'geplant', ducts_total: total, ducts_free: Math.floor(rnd() * Math.min(total, 7)), dimension: `Rohrverband ${total}×10/6 mm` }
			});
			t = end + (rnd() < 0.2 ? 20 + rnd() * 80 : 0);
		}
	}
	// the bulk: other lines anywhere
	while (out.length < count) {
		out.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: randomLine(rnd, HALLE_EXTENT, BENCH_LINE) }, properties: { source_id: `L-${out.length}`, status: 'in_betrieb', ducts_total: null, ducts_free: null, dimension: null } });
	}
	return out;
}

function route(s: SyntheticStreet, rnd: () => number): number[][] {
	const length = Math.min(s.length, 300 + rnd() * 2_700);
	const start = rnd() * (s.length - length);
	const side = rnd() * 3 * (rnd() < 0.5 ? -1 : 1);
	const n = 2 + Math.floor(rnd() * 6);
	return Array.from({ length: n + 1 }, (_, i) => along(s, start + (length * i) / n, side + (i > 0 && i < n ? (rnd() - 0.5) * 2 : 0)));
}

export async function runMitnutzungBench(options: MitnutzungBenchOptions = {}): Promise<{ route: Figures; ratioP99: number; coveredShare: number }> {
	const log = options.log ?? console.log;
	const count = options.features ?? 500_000;
	const rnd = seededRandom(options.seed ?? 7);
	const streets = syntheticStreets(STREETS, 11);
	const dir = mkdtempSync(join(tmpdir(), 'tb-bench-mitnutzung-'));
	try {
		let t0 = performance.now();
		const features = layerFeatures(count, streets, rnd);
		const path = join(dir, 'breitband.fgb');
		await writeFlatGeobuf(path, LAYER, memorySource(features, COLUMNS));
		const writeS = round((performance.now() - t0) / 1000, 1);
		t0 = performance.now();
		const reader = openLayerFile(path);
		const openMs = round(performance.now() - t0, 1);

		const times: number[] = [];
		let routeM = 0;
		let coveredM = 0;
		let candidates = 0;
		const n = options.routes ?? 500;
		for (let i = 0; i < n; i++) {
			const r = measureRoute([route(streets[Math.floor(rnd() * streets.length)]!, rnd)]);
			const start = performance.now();
			const { found, hits } = ductsAlong(reader, r, CORRIDOR_M);
			const covered = mergeIntervals(hits.flatMap((h) => h.cover));
			times.push(performance.now() - start);
			routeM += r.lengthM;
			coveredM += intervalsLength(covered);
			candidates += found;
		}
		reader.close();
		const f = figures(times);
		log(
			`mitnutzung: ${n} routes (0.3–3 km, mean ${Math.round(routeM / n)} m) against one layer of ${count.toLocaleString('en')} lines ` +
				`(${(statSync(path).size / 1e6).toFixed(0)} MB, written in ${writeS} s, opened in ${openMs} ms); corridor ${CORRIDOR_M} m`
		);
		log(`  reusable ducts near a route: mean ${round(candidates / n, 1)}; covered ${round((100 * coveredM) / routeM, 1)} % of all route metres`);
		log(`  per route  p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms, mean ${f.meanMs} ms   ductsAlong + merge — p99 / target (${TARGET_MS} ms) ${round(f.p99Ms / TARGET_MS, 2)}`);
		log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${cpus().length} cores`);
		return { route: f, ratioP99: round(f.p99Ms / TARGET_MS, 2), coveredShare: round(coveredM / routeM, 3) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const n = process.argv[2] ? Number(process.argv[2]) : undefined;
	if (n !== undefined && !(Number.isInteger(n) && n > 0)) throw new Error(`usage: npx tsx tests/bench/mitnutzung.ts [features], not "${process.argv[2]}"`);
	await runMitnutzungBench({ features: n });
}
