import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bruteForce, randomBboxes, readAllFeatures, type OracleFeature } from './brute-force';
import { toFlatGeobufWasm } from './gdal-convert';
import { openLayerFile, type LayerReader } from './layer-reader';
import {
	BENCH_LINE,
	HALLE_EXTENT,
	randomLine,
	randomPoint,
	randomProperties,
	randomRing,
	seededRandom,
	writeGeoJsonSeq,
	type SyntheticFeature
} from './synthetic';

const LINES = 10_000;
const POINTS = 2_000;
/** two features of a few MB each, far above the reader's 64 KB start buffer and 1 MB span cap */
const BIG_RING_VERTICES = 120_000;
const BIG_LINE_VERTICES = 80_000;

function* features(): Generator<SyntheticFeature> {
	const rnd = seededRandom(42);
	for (let i = 0; i < LINES + POINTS; i++) {
		const geometry: SyntheticFeature['geometry'] =
			i < LINES
				? { type: 'LineString', coordinates: randomLine(rnd, HALLE_EXTENT, BENCH_LINE) }
				: { type: 'Point', coordinates: randomPoint(rnd, HALLE_EXTENT) };
		yield { type: 'Feature', geometry, properties: randomProperties(rnd, i) };
	}
	const big = (geometry: SyntheticFeature['geometry'], id: string): SyntheticFeature => ({
		type: 'Feature',
		geometry,
		properties: { ...randomProperties(rnd, 0), source_id: id }
	});
	yield big({ type: 'Polygon', coordinates: [randomRing(rnd, [703_000, 5_709_000], 150, BIG_RING_VERTICES)] }, 'big-ring');
	const shape = { minVertices: BIG_LINE_VERTICES, maxVertices: BIG_LINE_VERTICES, minLength: 4000, maxLength: 4000 };
	yield big({ type: 'LineString', coordinates: randomLine(rnd, HALLE_EXTENT, shape) }, 'big-line');
}

let tmp: string;
let reader: LayerReader;
let all: OracleFeature[];

beforeAll(async () => {
	tmp = mkdtempSync(join(tmpdir(), 'reader-generated-'));
	const src = join(tmp, 'generated.geojsons');
	writeGeoJsonSeq(src, features());
	const fgb = join(tmp, 'generated.fgb');
	await toFlatGeobufWasm(src, fgb);
	reader = openLayerFile(fgb);
	all = await readAllFeatures(fgb);
});

afterAll(() => {
	reader?.close();
	rmSync(tmp, { recursive: true, force: true });
});

describe('generated lines and points, indexed by gdal3.js', () => {
	it('has every feature, the CRS and an index', () => {
		expect(reader).toMatchObject({ featureCount: LINES + POINTS + 2, crs: 25832, indexed: true });
		expect(all).toHaveLength(LINES + POINTS + 2);
	});

	it('finds exactly what brute force finds, for 200 random bboxes', () => {
		const queries = randomBboxes(seededRandom(3), HALLE_EXTENT, all, 200);
		let hits = 0;
		for (const bbox of queries) {
			const expected = bruteForce(all, bbox);
			expect(reader.search(bbox), `bbox ${bbox.join(',')}`).toEqual(expected);
			hits += expected.length;
		}
		expect(hits).toBeGreaterThan(10_000);
	});

	it('reads big features whole', () => {
		for (const [id, vertices] of [
			['big-ring', BIG_RING_VERTICES + 1],
			['big-line', BIG_LINE_VERTICES]
		] as const) {
			const expected = all.find((f) => f.properties.source_id === id)!;
			// a small box on the feature's first vertex: the big feature plus a few neighbours
			const coords = (expected.geometry as { coordinates: number[][] | number[][][] }).coordinates;
			const first = (id === 'big-ring' ? (coords as number[][][])[0]![0] : (coords as number[][])[0])!;
			const found = reader.search([first[0]!, first[1]!, first[0]! + 1, first[1]! + 1]);
			const big = found.find((f) => f.properties.source_id === id);
			const { box: _box, ...feature } = expected;
			expect(big).toEqual(feature);
			const got = big!.geometry as { coordinates: unknown[] };
			expect(id === 'big-ring' ? (got.coordinates[0] as unknown[]).length : got.coordinates.length).toBe(vertices);
		}
	});
});
