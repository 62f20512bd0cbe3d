import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getReader, openLayerFile, openReaderPaths, releaseAllReaders, releaseReader, type Bbox } from './reader';
import { bruteForce, randomBboxes, readAllFeatures, type OracleFeature } from './reader/brute-force';
import { padHeader, reverseFeatureOrder } from './reader/mutate';
import { seededRandom } from './reader/synthetic';

const FIXTURES = join(process.cwd(), 'tests/fixtures/fgb');
const NETWORK = join(FIXTURES, 'network.fgb');
const NOINDEX = join(FIXTURES, 'network-noindex.fgb');
const EMPTY = join(FIXTURES, 'empty.fgb');
/** ogrinfo's extent of network.fgb */
const EXTENT: Bbox = [703_863.7, 5_704_831.46, 706_110.24, 5_707_048.77];

let tmp: string;
let network: OracleFeature[];
let queries: Bbox[];

beforeAll(async () => {
	tmp = mkdtempSync(join(tmpdir(), 'reader-spec-'));
	network = await readAllFeatures(NETWORK);
	queries = randomBboxes(seededRandom(7), EXTENT, network, 200);
});

afterAll(() => {
	releaseAllReaders();
	rmSync(tmp, { recursive: true, force: true });
});

const names = (fs: { properties: Record<string, unknown> }[]) => fs.map((f) => f.properties.name).sort();

describe('GDAL fixtures', () => {
	it('reads the header: count, extent, EPSG code, columns', () => {
		const r = openLayerFile(NETWORK);
		expect(r).toMatchObject({ featureCount: 301, extent: EXTENT, crs: 25832, indexed: true });
		expect(r.columns).toEqual([
			{ name: 'name', type: 'String' },
			{ name: 'count', type: 'Int' },
			{ name: 'depth_m', type: 'Double' },
			{ name: 'big', type: 'Long' },
			{ name: 'active', type: 'Bool' },
			{ name: 'note', type: 'String' },
			{ name: 'checked_on', type: 'DateTime' }
		]);
		r.close();
	});

	it('finds exactly what brute force finds, for 200 random bboxes', () => {
		const r = openLayerFile(NETWORK);
		let hits = 0;
		for (const bbox of queries) {
			const expected = bruteForce(network, bbox);
			expect(r.search(bbox), `bbox ${bbox.join(',')}`).toEqual(expected);
			hits += expected.length;
		}
		// the queries are not all empty or all everything
		expect(hits).toBeGreaterThan(2000);
		expect(queries.filter((q) => bruteForce(network, q).length === 0).length).toBeGreaterThan(10);
		r.close();
	});

	it('gives the same answers without a spatial index (full scan)', async () => {
		const r = openLayerFile(NOINDEX);
		expect(r).toMatchObject({ featureCount: 301, extent: EXTENT, crs: 25832, indexed: false });
		const unindexed = await readAllFeatures(NOINDEX);
		for (const bbox of queries) {
			const found = r.search(bbox);
			expect(found).toEqual(bruteForce(unindexed, bbox));
			// same features as the indexed file, in another order (GDAL sorts indexed files)
			expect(names(found)).toEqual(names(bruteForce(network, bbox)));
		}
		r.close();
	});

	it('opens an empty file: no features, no extent, every search empty', () => {
		// flatgeobuf's own calcTreeSize(0, 16) never returns: the reader must not ask it
		const r = openLayerFile(EMPTY);
		expect(r).toMatchObject({ featureCount: 0, extent: null, crs: 25832 });
		expect(r.search([-Infinity, -Infinity, Infinity, Infinity])).toEqual([]);
		r.close();
	});

	it('decodes every kind of geometry and property as stored, nulls filled in', () => {
		const r = openLayerFile(NETWORK);
		const all = r.search([-Infinity, -Infinity, Infinity, Infinity]);
		expect(all.map((f) => f.id)).toEqual(all.map((_, i) => i));
		expect(new Set(all.map((f) => f.geometry?.type))).toEqual(
			new Set(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'])
		);
		// a bbox inside the hole still meets the polygon's bbox: bbox search, not an exact test
		const [hole] = r.search([705_045, 5_706_045, 705_055, 5_706_055]).filter((f) => f.geometry?.type === 'Polygon');
		expect(hole?.properties).toEqual({
			name: 'Schutzstreifen GDRA Straße der Einheit',
			count: 0,
			depth_m: null,
			big: 0,
			active: true,
			note: 'Fläche mit Loch',
			checked_on: null
		});
		expect(hole?.geometry).toMatchObject({ type: 'Polygon', coordinates: [{ length: 5 }, { length: 5 }] });
		const props = all.map((f) => f.properties);
		expect(props.every((p) => Object.keys(p).length === 7)).toBe(true);
		expect(props.some((p) => p.note === null) && props.some((p) => String(p.note).includes('Überdeckung'))).toBe(true);
		expect(props.filter((p) => typeof p.big === 'number' && p.big >= 2 ** 40)).toHaveLength(300);
		expect(props.some((p) => (p.count as number) < 0) && props.some((p) => p.depth_m === 1.36)).toBe(true);
		expect(props.find((p) => p.checked_on !== null)?.checked_on).toMatch(/^2024-0\d-1\dT00:00:00$/);
		r.close();
	});

	it("agrees with flatgeobuf's own rect search", async () => {
		vi.spyOn(console, 'debug').mockImplementation(() => {});
		const bytes = new Uint8Array(readFileSync(NETWORK));
		const r = openLayerFile(NETWORK);
		for (const [minX, minY, maxX, maxY] of queries.slice(1, 30)) {
			const theirs: number[] = [];
			for await (const f of deserialize(bytes, { rect: { minX, minY, maxX, maxY } })) theirs.push((f as unknown as { id: number }).id);
			expect(r.search([minX, minY, maxX, maxY]).map((f) => f.id)).toEqual(theirs.sort((a, b) => a - b));
		}
		r.close();
		vi.restoreAllMocks();
	});
});

describe('files from other writers', () => {
	it('reads features that sit at unaligned offsets (copied before decoding)', () => {
		for (const src of [NETWORK, NOINDEX]) {
			const path = join(tmp, 'padded.fgb');
			writeFileSync(path, padHeader(new Uint8Array(readFileSync(src)), 4));
			const [a, b] = [openLayerFile(src), openLayerFile(path)];
			for (const bbox of queries.slice(0, 50)) expect(b.search(bbox)).toEqual(a.search(bbox));
			a.close();
			b.close();
		}
	});

	it('reads files whose features are not in index order', () => {
		const path = join(tmp, 'reversed.fgb');
		writeFileSync(path, reverseFeatureOrder(new Uint8Array(readFileSync(NETWORK))));
		const r = openLayerFile(path);
		for (const bbox of queries) {
			const byId = r.search(bbox).sort((x, y) => x.id - y.id);
			expect(byId).toEqual(bruteForce(network, bbox));
		}
		r.close();
	});
});

describe('errors', () => {
	it('refuses what is not a FlatGeobuf file, and truncated files', () => {
		const text = join(tmp, 'text.fgb');
		writeFileSync(text, 'this is not a FlatGeobuf file at all');
		expect(() => openLayerFile(text)).toThrow(/not a FlatGeobuf file/);
		const cut = join(tmp, 'cut.fgb');
		const bytes = readFileSync(NETWORK);
		writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
		expect(() => openLayerFile(cut)).toThrow(/truncated/);
		writeFileSync(cut, readFileSync(NOINDEX).subarray(0, readFileSync(NOINDEX).length - 100));
		expect(() => openLayerFile(cut)).toThrow(/past the end/);
	});

	it('refuses a NaN bbox, which would otherwise match everything', () => {
		const r = openLayerFile(NETWORK);
		expect(() => r.search([NaN, 0, 1, 1])).toThrow(TypeError);
		r.close();
	});
});

describe('shared readers', () => {
	it('gives one reader per file and closes it on release', () => {
		const path = join(tmp, 'shared.fgb');
		copyFileSync(NETWORK, path);
		const a = getReader(path);
		expect(getReader(relative(process.cwd(), path))).toBe(a);
		expect(openReaderPaths()).toContain(path);
		releaseReader(path);
		expect(openReaderPaths()).not.toContain(path);
		expect(() => a.search(EXTENT)).toThrow(/closed/);
		const b = getReader(path);
		expect(b).not.toBe(a);
		expect(b.search(EXTENT)).toHaveLength(301);
		releaseReader(path);
		releaseReader(path); // twice is fine
	});
});
