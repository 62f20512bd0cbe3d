/**
 * Layer reader benchmark: 1,000,000 lines (2–6 vertices, 20–200 m) in a 30 km × 30 km EPSG:25832
 * extent, an indexed FlatGeobuf written by native ogr2ogr, then 1,000 random 300 m × 300 m bbox queries.
 * Prints figures, asserts nothing: `npx tsx tests/bench/layer-reader.ts`.
 *
 * The FlatGeobuf is cached under the OS temp dir, keyed by the parameters, so reruns skip the ~1 min
 * of generating and indexing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLayerFile, type Bbox } from '../../src/lib/server/layers/reader';
import { toFlatGeobufNative } from '../../src/lib/server/layers/reader/gdal-convert';
import {
	BENCH_LINE,
	randomLine,
	randomProperties,
	seededRandom,
	writeGeoJsonSeq,
	type SyntheticFeature
} from '../../src/lib/server/layers/reader/synthetic';

export interface LayerReaderBenchOptions {
	features?: number;
	/** side of the square extent, metres */
	extentM?: number;
	queries?: number;
	/** side of the square query bbox, metres */
	querySizeM?: number;
	seed?: number;
	log?: (line: string) => void;
}

export interface LayerReaderBenchResult {
	features: number;
	fileMb: number;
	/** null when the file came from the cache */
	buildS: number | null;
	/** open: header, index nodes into memory, feature table */
	openMs: number;
	readerMemoryMb: number;
	queries: number;
	p50Ms: number;
	p90Ms: number;
	p99Ms: number;
	maxMs: number;
	featuresPerQuery: { mean: number; p50: number; max: number };
	rssMb: { beforeOpen: number; afterOpen: number; afterQueries: number };
}

/** bump when the generator changes, so cached files are not reused */
const GENERATOR_VERSION = 1;
/** Halle (Saale) in the middle */
const ORIGIN: [number, number] = [691_000, 5_691_000];

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const rss = () => mb(process.memoryUsage().rss);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;

function* lines(count: number, extent: Bbox, seed: number): Generator<SyntheticFeature> {
	const rnd = seededRandom(seed);
	for (let i = 0; i < count; i++) {
		const geometry = { type: 'LineString' as const, coordinates: randomLine(rnd, extent, BENCH_LINE) };
		yield { type: 'Feature', geometry, properties: randomProperties(rnd, i) };
	}
}

/** The indexed FlatGeobuf for these parameters, built once and cached. */
function benchFile(count: number, extent: Bbox, seed: number, log: (line: string) => void) {
	const key = createHash('sha256')
		.update(JSON.stringify({ GENERATOR_VERSION, count, extent, seed, BENCH_LINE }))
		.digest('hex')
		.slice(0, 16);
	const dir = join(tmpdir(), 'tiefblick-bench');
	const path = join(dir, `layer-reader-${count}-${key}.fgb`);
	if (existsSync(path) && statSync(path).isFile()) return { path, buildS: null };
	mkdirSync(dir, { recursive: true });
	log(`building ${path} (${count.toLocaleString('en')} lines; cached for reruns) …`);
	const t0 = performance.now();
	const src = join(dir, `layer-reader-${key}.geojsons`);
	// ogr2ogr takes a name not ending in .fgb for a folder of layers: keep the extension
	const partial = path.replace(/\.fgb$/, '.partial.fgb');
	try {
		writeGeoJsonSeq(src, lines(count, extent, seed));
		rmSync(partial, { force: true });
		toFlatGeobufNative(src, partial, { name: 'bench' });
		renameSync(partial, path);
	} finally {
		rmSync(src, { force: true });
		rmSync(partial, { force: true });
	}
	return { path, buildS: round((performance.now() - t0) / 1000, 1) };
}

export async function runLayerReaderBench(options: LayerReaderBenchOptions = {}): Promise<LayerReaderBenchResult> {
	const {
		features = 1_000_000,
		extentM = 30_000,
		queries = 1_000,
		querySizeM = 300,
		seed = 1,
		log = console.log
	} = options;
	const extent: Bbox = [ORIGIN[0], ORIGIN[1], ORIGIN[0] + extentM, ORIGIN[1] + extentM];
	const { path, buildS } = benchFile(features, extent, seed, log);

	const beforeOpen = rss();
	let t0 = performance.now();
	const reader = openLayerFile(path);
	const openMs = round(performance.now() - t0, 1);
	const afterOpen = rss();

	const rnd = seededRandom(seed + 1);
	const bbox = (): Bbox => {
		const x = extent[0] + rnd() * (extentM - querySizeM);
		const y = extent[1] + rnd() * (extentM - querySizeM);
		return [x, y, x + querySizeM, y + querySizeM];
	};
	// warm up the JIT and the page cache on other boxes than the measured ones
	for (let i = 0; i < 200; i++) reader.search(bbox());

	const times: number[] = [];
	const counts: number[] = [];
	for (let i = 0; i < queries; i++) {
		const b = bbox();
		t0 = performance.now();
		const found = reader.search(b);
		times.push(performance.now() - t0);
		counts.push(found.length);
	}
	const afterQueries = rss();
	const readerMemoryMb = mb(reader.memoryBytes);
	reader.close();

	times.sort((a, b) => a - b);
	counts.sort((a, b) => a - b);
	const result: LayerReaderBenchResult = {
		features: reader.featureCount,
		fileMb: mb(statSync(path).size),
		buildS,
		openMs,
		readerMemoryMb,
		queries,
		p50Ms: round(quantile(times, 0.5)),
		p90Ms: round(quantile(times, 0.9)),
		p99Ms: round(quantile(times, 0.99)),
		maxMs: round(times[times.length - 1]!),
		featuresPerQuery: {
			mean: round(counts.reduce((s, c) => s + c, 0) / counts.length, 1),
			p50: quantile(counts, 0.5),
			max: counts[counts.length - 1]!
		},
		rssMb: { beforeOpen, afterOpen, afterQueries }
	};
	log(`layer reader: ${result.features.toLocaleString('en')} lines, ${result.fileMb} MB file` + (buildS === null ? ' (cached)' : `, built in ${buildS} s`));
	log(`  open (header + index into memory): ${openMs} ms, reader holds ${readerMemoryMb} MB`);
	log(`  ${queries} queries of ${querySizeM} m × ${querySizeM} m: p50 ${result.p50Ms} ms, p90 ${result.p90Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms`);
	log(`  features per query: mean ${result.featuresPerQuery.mean}, p50 ${result.featuresPerQuery.p50}, max ${result.featuresPerQuery.max}`);
	log(`  RSS: ${beforeOpen} MB before open, ${afterOpen} MB after open, ${afterQueries} MB after queries`);
	return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await runLayerReaderBench();
}
