import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { calcTreeSize } from 'flatgeobuf/lib/mjs/packedrtree.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import Envelope from 'jsts/org/locationtech/jts/geom/Envelope.js';
import RelateOp from 'jsts/org/locationtech/jts/operation/relate/RelateOp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLayerFile, type Bbox, type LayerFeature } from '../reader';
import { bruteForce, randomBboxes, readAllFeatures, type OracleFeature } from '../reader/brute-force';
import { toFlatGeobufNative } from '../reader/gdal-convert';
import { SIZE_PREFIX_LEN } from '../reader/header';
import { seededRandom, writeGeoJsonSeq } from '../reader/synthetic';
import { headerBytes, writeFlatGeobuf, type LayerHeader } from './fgb-writer';
import { extentOf, HILBERT_MAX, hilbert } from './hilbert-rtree';
import { memorySource, TEST_COLUMNS, TEST_EXTENT, testFeatures, type TestFeature } from './synthetic-layer';

const N = 3_000;
const LAYER: LayerHeader = {
	name: 'netz',
	geometryType: GeometryType.Unknown,
	columns: TEST_COLUMNS,
	crs: { org: 'EPSG', code: 25832, name: 'ETRS89 / UTM zone 32N', description: null, wkt: null, code_string: null }
};

let tmp: string;
let input: TestFeature[];
let file: string;
let all: OracleFeature[];

const byId = <T extends { properties: Record<string, unknown> }>(fs: T[]) => [...fs].sort((a, b) => String(a.properties.source_id).localeCompare(String(b.properties.source_id)));
const ogrinfo = (...args: string[]) => execFileSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** GDAL's answer to a bbox filter: the FIDs (file positions) of the features it returns. */
function gdalSpat(path: string, [minX, minY, maxX, maxY]: Bbox): number[] {
	const out = ogrinfo('-q', '-al', '-geom=NO', '-fields=NO', '-spat', String(minX), String(minY), String(maxX), String(maxY), path);
	return [...out.matchAll(/OGRFeature\(netz\):(\d+)/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

/** GDAL (with GEOS) filters by geometry, not by box: features whose geometry meets the rectangle. */
function exactHits(features: OracleFeature[], [minX, minY, maxX, maxY]: Bbox): number[] {
	const factory = new GeometryFactory();
	const rect = factory.toGeometry(new Envelope(minX, maxX, minY, maxY));
	const reader = new GeoJSONReader(factory);
	return features.filter((f) => RelateOp.intersects(reader.read(f.geometry), rect)).map((f) => f.id);
}

beforeAll(async () => {
	tmp = mkdtempSync(join(tmpdir(), 'fgb-writer-'));
	input = testFeatures(N, 11);
	file = join(tmp, 'layer.fgb');
	await writeFlatGeobuf(file, LAYER, memorySource(input));
	all = await readAllFeatures(file);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('writeFlatGeobuf: points, lines, polygons and Multi*, nulls, empty strings, umlauts', () => {
	it('holds every feature unchanged, as flatgeobuf reads it', () => {
		expect(all).toHaveLength(N);
		expect(byId(all).map(({ geometry, properties }) => ({ type: 'Feature', geometry, properties }))).toEqual(byId(input));
	});

	it('reads with our reader: header, index, and every search as brute force finds it', () => {
		const reader = openLayerFile(file);
		try {
			const extent = extentOf(Float64Array.from(all.flatMap((f) => f.box)), N);
			expect(reader).toMatchObject({ featureCount: N, crs: 25832, indexed: true, extent });
			expect(reader.columns).toEqual([
				{ name: 'source_id', type: 'String' },
				{ name: 'material', type: 'String' },
				{ name: 'depth_m', type: 'Double' },
				{ name: 'ducts_total', type: 'Int' },
				{ name: 'big', type: 'Long' },
				{ name: 'note', type: 'String' }
			]);
			let hits = 0;
			for (const bbox of randomBboxes(seededRandom(5), TEST_EXTENT, all, 300)) {
				const expected = bruteForce(all, bbox);
				expect(reader.search(bbox), `bbox ${bbox.join(',')}`).toEqual(expected);
				hits += expected.length;
			}
			expect(hits).toBeGreaterThan(20_000);
		} finally {
			reader.close();
		}
	});

	it('reads with GDAL: ogrinfo -so shows count, type, extent, CRS and columns', () => {
		const info = ogrinfo('-so', '-al', file);
		const [minX, minY, maxX, maxY] = openLayerFile(file).extent!;
		expect(info).toContain('Layer name: netz');
		expect(info).toContain(`Feature Count: ${N}`);
		expect(info).toMatch(/Geometry: Unknown \(any\)/);
		expect(info).toContain(`Extent: (${minX.toFixed(6)}, ${minY.toFixed(6)}) - (${maxX.toFixed(6)}, ${maxY.toFixed(6)})`);
		expect(info).toMatch(/ETRS89 \/ UTM zone 32N/);
		for (const line of ['source_id: String', 'material: String', 'depth_m: Real', 'ducts_total: Integer', 'big: Integer64', 'note: String']) {
			expect(info).toContain(line);
		}
	});

	it('reads with GDAL: ogrinfo -spat finds through our index what GEOS finds by brute force', () => {
		const queries = randomBboxes(seededRandom(9), TEST_EXTENT, all, 40).slice(1);
		let hits = 0;
		for (const bbox of queries) {
			const expected = exactHits(all, bbox);
			expect(gdalSpat(file, bbox), `bbox ${bbox.join(',')}`).toEqual(expected);
			hits += expected.length;
		}
		expect(hits).toBeGreaterThan(500);
		// and GDAL reads our values: umlauts, empty strings, nulls (ogrinfo leaves null fields out)
		for (const material of ['Größe Ü', '', null]) {
			const f = input.find((g) => g.properties.material === material)!.properties;
			const dump = ogrinfo('-q', '-al', '-geom=NO', '-where', `source_id = '${f.source_id}'`, file);
			for (const name of ['material', 'note']) {
				if (f[name] === null) expect(dump).not.toContain(`${name} (`);
				else expect(dump).toContain(`${name} (String) = ${f[name]}\n`);
			}
		}
	});

	it('puts header, index and every feature at 8-byte aligned offsets', () => {
		expect(headerBytes(LAYER, N, [0, 0, 1, 1]).length % 8).toBe(0);
		const bytes = readFileSync(file);
		// walk the feature section by size prefixes: it starts where the index ends, ends with the file
		const headerEnd = 12 + bytes.readUInt32LE(8);
		expect(headerEnd % 8).toBe(0);
		const starts: number[] = [];
		let pos = headerEnd + calcTreeSize(N, 16);
		while (pos < bytes.length) {
			starts.push(pos);
			pos += SIZE_PREFIX_LEN + bytes.readUInt32LE(pos);
		}
		expect(pos).toBe(bytes.length);
		expect(starts).toHaveLength(N);
		expect(starts.filter((s) => s % 8 !== 0)).toEqual([]);
	});
});

describe('the Hilbert R-tree, against GDAL writing the same features', () => {
	it('orders features as GDAL does (Hilbert value of the box centre, highest first)', async () => {
		const seq = join(tmp, 'input.geojsons');
		writeGeoJsonSeq(seq, input);
		const gdalFile = join(tmp, 'gdal.fgb');
		toFlatGeobufNative(seq, gdalFile, { name: 'netz' });
		const gdal = await readAllFeatures(gdalFile);
		const extent = extentOf(Float64Array.from(all.flatMap((f) => f.box)), N);
		const key = (f: OracleFeature) => {
			const [minX, minY, maxX, maxY] = f.box;
			const x = Math.floor((HILBERT_MAX * ((minX + maxX) / 2 - extent[0])) / (extent[2] - extent[0]));
			const y = Math.floor((HILBERT_MAX * ((minY + maxY) / 2 - extent[1])) / (extent[3] - extent[1]));
			return hilbert(x, y);
		};
		// runs of equal Hilbert values may come in any order (GDAL's std::sort is not stable)
		const runs = (fs: OracleFeature[]) => {
			const out: string[] = [];
			let i = 0;
			while (i < fs.length) {
				let j = i;
				while (j < fs.length && key(fs[j]!) === key(fs[i]!)) j++;
				out.push(`${key(fs[i]!)}:${fs.slice(i, j).map((f) => f.properties.source_id).sort().join(',')}`);
				i = j;
			}
			return out;
		};
		expect(runs(all)).toEqual(runs(gdal));
		const keys = all.map(key);
		expect(keys.every((k, i) => i === 0 || k <= keys[i - 1]!)).toBe(true);
	});

	it('computes upstream Hilbert values', () => {
		// corners and a few points of the 16-bit curve: it starts at (0,0) and ends at (65535, 0)
		expect(hilbert(0, 0)).toBe(0);
		expect(hilbert(1, 0)).toBe(1);
		expect(hilbert(1, 1)).toBe(2);
		expect(hilbert(0, 1)).toBe(3);
		expect(hilbert(65535, 0)).toBe(2 ** 32 - 1);
		// consecutive values are neighbouring cells
		const cells = new Map<number, [number, number]>();
		for (let x = 0; x < 64; x++) for (let y = 0; y < 64; y++) cells.set(hilbert(x, y), [x, y]);
		const sorted = [...cells.keys()].sort((a, b) => a - b);
		expect(sorted).toEqual([...Array(4096).keys()]);
		for (let v = 1; v < 4096; v++) {
			const [ax, ay] = cells.get(v - 1)!;
			const [bx, by] = cells.get(v)!;
			expect(Math.abs(ax - bx) + Math.abs(ay - by)).toBe(1);
		}
	});
});

describe('edge cases', () => {
	const write = async (name: string, features: TestFeature[]) => {
		const path = join(tmp, name);
		await writeFlatGeobuf(path, { ...LAYER, geometryType: GeometryType.LineString }, memorySource(features));
		return path;
	};

	it('an empty layer: no index, readable by both', async () => {
		const path = await write('empty.fgb', []);
		const reader = openLayerFile(path);
		expect(reader).toMatchObject({ featureCount: 0, extent: null, crs: 25832 });
		expect(reader.search([-Infinity, -Infinity, Infinity, Infinity])).toEqual([]);
		reader.close();
		expect(ogrinfo('-so', '-al', path)).toContain('Feature Count: 0');
	});

	it('one feature: found inside its box, not beside it, by both', async () => {
		const [one] = testFeatures(1, 3, 'LineString');
		const path = await write('one.fgb', [one!]);
		const reader = openLayerFile(path);
		const box = reader.extent!;
		const found: LayerFeature[] = reader.search(box);
		expect(found.map((f) => f.properties)).toEqual([{ ...one!.properties }]);
		expect(found[0]!.geometry).toEqual(one!.geometry);
		expect(reader.search([box[2] + 1, box[3] + 1, box[2] + 2, box[3] + 2])).toEqual([]);
		reader.close();
		expect(ogrinfo('-so', '-al', path)).toMatch(/Geometry: Line String[\s\S]*Feature Count: 1/);
		expect(gdalSpat(path, box)).toEqual([0]);
		expect(gdalSpat(path, [box[2] + 1, box[3] + 1, box[2] + 2, box[3] + 2])).toEqual([]);
	});
});
