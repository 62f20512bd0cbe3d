/**
 * Exact clip benchmark: 1,000,000 lines (2–6 vertices, 20–200 m) in three layers over a 30 km × 30 km
 * EPSG:25832 extent — three indexed FlatGeobufs written by native ogr2ogr, and the same three tables
 * in PostGIS (GiST). Street-scale work areas (20–300 m, 4–12 vertices, valid), grown by 10 m. Per
 * area, for all three layers:
 * - fast:    clipLayer (bbox search + clipFeatures with the fast path) — the request path;
 * - jsts:    clipLayer with plain jsts OverlayOp per feature;
 * - PostGIS: one query, `&&` + ST_Intersects + ST_Intersection + ST_Length, clipped GeoJSON and the
 *            attributes back, UNION ALL over the three tables (one round trip, parsed by postgres.js).
 * Same data, same areas, same run. Prints figures, asserts nothing: `npx tsx tests/bench/clip.ts`.
 *
 * The FlatGeobufs are cached under the OS temp dir (keyed by the parameters); the PostGIS database is
 * created for the run (~1 min to load) and dropped afterwards.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { utmToLonLat } from '../../src/lib/geo/crs';
import { clipLayer, growArea, validateWorkArea, type GrownArea } from '../../src/lib/server/auskunft/clip';
import { randomAreaRing } from '../../src/lib/server/auskunft/clip/random-area';
import { getReader, releaseReader, type Bbox } from '../../src/lib/server/layers/reader';
import { toFlatGeobufNative } from '../../src/lib/server/layers/reader/gdal-convert';
import { BENCH_LINE, randomLine, randomProperties, seededRandom, writeGeoJsonSeq, type SyntheticFeature } from '../../src/lib/server/layers/reader/synthetic';
import { ADMIN_URL, admin, dbUrl } from '../integration/helpers/pg';

export interface ClipBenchOptions {
	/** lines over all three layers */
	features?: number;
	/** side of the square extent, metres */
	extentM?: number;
	queries?: number;
	/** distance the work areas are grown by, metres */
	growM?: number;
	seed?: number;
	log?: (line: string) => void;
}

export interface Figures {
	p50Ms: number;
	p90Ms: number;
	p99Ms: number;
	maxMs: number;
	meanMs: number;
}

export interface ClipBenchResult {
	features: number;
	queries: number;
	featuresPerQuery: { mean: number; max: number };
	grow: Figures;
	/** the bbox searches alone (part of `fast` and `jsts`) */
	search: Figures;
	fast: Figures;
	jsts: Figures;
	postgis: Figures;
	/** fast / PostGIS */
	ratio: { p50: number; p99: number };
	/** queries whose feature set differs from PostGIS's (should be 0) */
	mismatches: { fast: number; jsts: number };
	methods: Record<string, number>;
	setupS: { files: number | null; postgis: number };
}

const GENERATOR_VERSION = 1;
const LAYERS = 3;
const ORIGIN: [number, number] = [691_000, 5_691_000];

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function figures(times: number[]): Figures {
	const s = [...times].sort((a, b) => a - b);
	return {
		p50Ms: round(quantile(s, 0.5)),
		p90Ms: round(quantile(s, 0.9)),
		p99Ms: round(quantile(s, 0.99)),
		maxMs: round(s[s.length - 1]!),
		meanMs: round(s.reduce((a, b) => a + b, 0) / s.length)
	};
}

function* lines(count: number, extent: Bbox, seed: number): Generator<SyntheticFeature> {
	const rnd = seededRandom(seed);
	for (let i = 0; i < count; i++) {
		const geometry = { type: 'LineString' as const, coordinates: randomLine(rnd, extent, BENCH_LINE) };
		yield { type: 'Feature', geometry, properties: randomProperties(rnd, i) };
	}
}

/** The three indexed FlatGeobufs, built once and cached. */
function layerFiles(total: number, extent: Bbox, seed: number, log: (line: string) => void): { paths: string[]; buildS: number | null } {
	const dir = join(tmpdir(), 'tiefblick-bench');
	mkdirSync(dir, { recursive: true });
	const t0 = performance.now();
	let built = false;
	const paths = Array.from({ length: LAYERS }, (_, k) => {
		const count = Math.floor(total / LAYERS) + (k < total % LAYERS ? 1 : 0);
		const key = createHash('sha256')
			.update(JSON.stringify({ GENERATOR_VERSION, count, extent, seed: seed + k, BENCH_LINE }))
			.digest('hex')
			.slice(0, 16);
		const path = join(dir, `clip-${k}-${count}-${key}.fgb`);
		if (existsSync(path) && statSync(path).isFile()) return path;
		built = true;
		log(`building ${path} (${count.toLocaleString('en')} lines; cached for reruns) …`);
		const src = join(dir, `clip-${k}-${key}.geojsons`);
		const partial = path.replace(/\.fgb$/, '.partial.fgb');
		try {
			writeGeoJsonSeq(src, lines(count, extent, seed + k));
			rmSync(partial, { force: true });
			toFlatGeobufNative(src, partial, { name: `layer_${k}`, geometryType: 'LINESTRING' });
			renameSync(partial, path);
		} finally {
			rmSync(src, { force: true });
			rmSync(partial, { force: true });
		}
		return path;
	});
	return { paths, buildS: built ? round((performance.now() - t0) / 1000, 1) : null };
}

/** A database of its own with the three layers loaded by ogr2ogr (FIDs kept: the reader's ids). */
async function loadPostgis(paths: string[], log: (line: string) => void): Promise<{ name: string; sql: postgres.Sql; seconds: number }> {
	const name = `tiefblick_bench_clip_${randomBytes(4).toString('hex')}`;
	const a = admin();
	try {
		await a.unsafe(`create database ${name}`);
	} finally {
		await a.end();
	}
	const sql = postgres(dbUrl(name), { max: 1, onnotice: () => {} });
	const t0 = performance.now();
	await sql`create extension postgis`;
	const url = new URL(ADMIN_URL);
	const pg = `PG:host=${url.hostname} port=${url.port || 5432} user=${decodeURIComponent(url.username) || 'postgres'} dbname=${name}` + (url.password ? ` password=${decodeURIComponent(url.password)}` : '');
	for (const [k, path] of paths.entries()) {
		log(`loading ${path} into PostGIS …`);
		execFileSync(
			'ogr2ogr',
			['-f', 'PostgreSQL', pg, path, '-nln', `layer_${k}`, '-preserve_fid', '-lco', 'GEOMETRY_NAME=geom', '-lco', 'FID=fid', '-lco', 'SPATIAL_INDEX=GIST', '-gt', '100000'],
			{ stdio: ['ignore', 'ignore', 'pipe'] }
		);
		await sql.unsafe(`analyze layer_${k}`);
	}
	return { name, sql, seconds: round((performance.now() - t0) / 1000, 1) };
}

async function dropDatabase(name: string): Promise<void> {
	const a = admin();
	try {
		await a.unsafe(`drop database if exists ${name} with (force)`);
	} finally {
		await a.end();
	}
}

/** `count` valid drawings (EPSG:4326 → validateWorkArea) spread over the extent, grown by `growM`. */
function workAreas(count: number, extent: Bbox, growM: number, seed: number): { grown: GrownArea[]; growMs: number[] } {
	const rnd = seededRandom(seed);
	const grown: GrownArea[] = [];
	const growMs: number[] = [];
	while (grown.length < count) {
		const centre = [extent[0] + 500 + rnd() * (extent[2] - extent[0] - 1000), extent[1] + 500 + rnd() * (extent[3] - extent[1] - 1000)];
		const v = validateWorkArea({ type: 'Polygon', coordinates: [randomAreaRing(rnd, centre).map(utmToLonLat)] });
		if (!v.ok) continue;
		const t0 = performance.now();
		grown.push(growArea(v.area25832, growM));
		growMs.push(performance.now() - t0);
	}
	return { grown, growMs };
}

export async function runClipBench(options: ClipBenchOptions = {}): Promise<ClipBenchResult> {
	const { features = 1_000_000, extentM = 30_000, queries = 1_000, growM = 10, seed = 1, log = console.log } = options;
	const extent: Bbox = [ORIGIN[0], ORIGIN[1], ORIGIN[0] + extentM, ORIGIN[1] + extentM];
	const { paths, buildS } = layerFiles(features, extent, seed, log);
	const db = await loadPostgis(paths, log);
	try {
		const columns = 'fid, source_id, network, status, depth_m, ducts_total, remark';
		const union = paths
			.map(
				(_, k) => `select ${k} as layer, ${columns}, ST_AsGeoJSON(c.x)::json as clipped, ST_Length(c.x) as length_m
				from layer_${k} t cross join a cross join lateral (select ST_Intersection(t.geom, a.g) as x) c
				where t.geom && a.g and ST_Intersects(t.geom, a.g)`
			)
			.join(' union all ');
		const query = `with a as materialized (select ST_SetSRID(ST_GeomFromGeoJSON($1), 25832) as g) ${union}`;
		type Row = { layer: number; fid: number; length_m: number };
		const postgis = (g: GrownArea) => db.sql.unsafe<Row[]>(query, [JSON.stringify(g.geometry)], { prepare: true });
		const fast = (g: GrownArea) => paths.flatMap((p, k) => clipLayer(p, g).map((f) => ({ layer: k, fid: f.id, method: f.method })));
		const jsts = (g: GrownArea) => paths.flatMap((p, k) => clipLayer(p, g, { fastPath: false }).map((f) => ({ layer: k, fid: f.id })));

		// warm up the JIT, page cache, readers (index into memory) and the PostGIS plan on other areas
		const warm = workAreas(150, extent, growM, seed + 100).grown;
		for (const g of warm) {
			fast(g);
			jsts(g);
			await postgis(g);
		}

		const { grown, growMs } = workAreas(queries, extent, growM, seed + 200);
		const t = { search: [] as number[], fast: [] as number[], jsts: [] as number[], postgis: [] as number[] };
		const mismatches = { fast: 0, jsts: 0 };
		const methods: Record<string, number> = {};
		let found = 0;
		let maxFound = 0;
		const key = (r: { layer: number; fid: number }) => `${r.layer}#${r.fid}`;
		const sameSet = (a: { layer: number; fid: number }[], b: { layer: number; fid: number }[]) =>
			a.length === b.length && a.map(key).sort().join() === b.map(key).sort().join();
		for (const [i, g] of grown.entries()) {
			let f: ReturnType<typeof fast> = [];
			let j: ReturnType<typeof jsts> = [];
			let rows: Row[] = [];
			const runs: (() => Promise<void>)[] = [
				async () => {
					const t0 = performance.now();
					for (const p of paths) getReader(p).search(g.bbox);
					t.search.push(performance.now() - t0);
				},
				async () => {
					const t0 = performance.now();
					f = fast(g);
					t.fast.push(performance.now() - t0);
				},
				async () => {
					const t0 = performance.now();
					rows = await postgis(g);
					t.postgis.push(performance.now() - t0);
				},
				async () => {
					const t0 = performance.now();
					j = jsts(g);
					t.jsts.push(performance.now() - t0);
				}
			];
			// rotate the order so none of the three always runs right after another warmed the caches
			for (let r = 0; r < runs.length; r++) await runs[(i + r) % runs.length]!();
			if (!sameSet(f, rows)) mismatches.fast++;
			if (!sameSet(j, rows)) mismatches.jsts++;
			for (const x of f) methods[x.method] = (methods[x.method] ?? 0) + 1;
			found += rows.length;
			maxFound = Math.max(maxFound, rows.length);
		}
		const result: ClipBenchResult = {
			features,
			queries,
			featuresPerQuery: { mean: round(found / queries, 1), max: maxFound },
			grow: figures(growMs),
			search: figures(t.search),
			fast: figures(t.fast),
			jsts: figures(t.jsts),
			postgis: figures(t.postgis),
			ratio: { p50: 0, p99: 0 },
			mismatches,
			methods,
			setupS: { files: buildS, postgis: db.seconds }
		};
		result.ratio = { p50: round(result.fast.p50Ms / result.postgis.p50Ms, 2), p99: round(result.fast.p99Ms / result.postgis.p99Ms, 2) };
		const line = (name: string, f: Figures) =>
			`  ${name.padEnd(9)} p50 ${f.p50Ms} ms, p90 ${f.p90Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms, mean ${f.meanMs} ms`;
		log(`clip: ${features.toLocaleString('en')} lines in ${LAYERS} layers over ${extentM / 1000} km × ${extentM / 1000} km` + (buildS === null ? ' (FlatGeobufs cached)' : `, FlatGeobufs built in ${buildS} s`) + `, PostGIS loaded in ${db.seconds} s`);
		log(`  ${queries} work areas 20–300 m grown by ${growM} m, all ${LAYERS} layers each; features per area: mean ${result.featuresPerQuery.mean}, max ${maxFound}`);
		log(line('growArea', result.grow) + '   (not in the figures below)');
		log(line('search', result.search) + '   bbox searches alone (in both lines below)');
		log(line('fast', result.fast) + '   bbox search + clipFeatures');
		log(line('jsts', result.jsts) + '   bbox search + OverlayOp per feature');
		log(line('PostGIS', result.postgis) + '   one query, GiST && + ST_Intersects + ST_Intersection, round trip');
		log(`  fast / PostGIS: p50 ${result.ratio.p50}, p99 ${result.ratio.p99}   (jsts / PostGIS p50 ${round(result.jsts.p50Ms / result.postgis.p50Ms, 2)})`);
		log(`  feature sets differing from PostGIS: fast ${mismatches.fast}, jsts ${mismatches.jsts}; fast-path methods ${JSON.stringify(methods)}`);
		return result;
	} finally {
		for (const p of paths) releaseReader(p);
		await db.sql.end({ timeout: 5 });
		await dropDatabase(db.name);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await runClipBench();
}
