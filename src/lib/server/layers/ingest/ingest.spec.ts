/**
 * The whole ingest on generated uploads, checked against what the former route stored: the normalised
 * features written as GeoJSON and indexed by GDAL (its pass 2). Column types, geometry type, extent,
 * CRS and every feature must read the same — including the cases where a column's type is only known
 * after the last feature (whole-number depths → Int, counts beyond 32 bits → Long).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLayerFile, type LayerFeature } from '../reader';
import { randomLine, randomPoint, randomRing, seededRandom, BENCH_LINE } from '../reader/synthetic';
import type { IngestResult } from './index';
import { EMPTY_MAPPING } from './mapping';

const EXTENT: [number, number, number, number] = [704_000, 5_705_000, 708_000, 5_709_000];

let tmp: string;
let ingest: (name: string, features: object[]) => Promise<IngestResult>;
let gdalPass2: (features: LayerFeature[]) => Promise<string>;

beforeAll(async () => {
	tmp = mkdtempSync(join(tmpdir(), 'ingest-spec-'));
	process.env.DATA_DIR = join(tmp, 'data');
	const { ingestFile } = await import('./index');
	const { withGdal, GDAL_OUT_DIR } = await import('./gdal');
	let n = 0;
	ingest = async (name, features) => {
		const workDir = join(tmp, `work-${++n}`);
		mkdirSync(workDir);
		const upload = join(workDir, 'upload');
		writeFileSync(upload, JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } }, features }));
		return ingestFile(upload, name, { layerNetwork: 'wasser', mapping: EMPTY_MAPPING, crsOverride: null, workDir });
	};
	// the former pass 2: normalised features as GeoJSON → GDAL → indexed FlatGeobuf
	gdalPass2 = async (features) => {
		const path = join(tmp, `normalised-${++n}.geojson`);
		const fc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } }, features: features.map(({ geometry, properties }) => ({ type: 'Feature', properties, geometry })) };
		writeFileSync(path, JSON.stringify(fc));
		await withGdal(async (gdal) => {
			const { datasets } = await gdal.open(path);
			await gdal.ogr2ogr(datasets[0]!, ['-f', 'FlatGeobuf', '-lco', 'SPATIAL_INDEX=YES', '-nln', 'netz', '-a_srs', 'EPSG:25832'], `pass2-${n}`);
			await gdal.close(datasets[0]!);
		});
		return join(GDAL_OUT_DIR, `pass2-${n}.fgb`);
	};
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function read(path: string) {
	const reader = openLayerFile(path);
	try {
		const features = reader.extent ? reader.search(reader.extent) : [];
		const sorted = features.map(({ geometry, properties }) => ({ geometry, properties })).sort((a, b) => String(a.properties.source_id).localeCompare(String(b.properties.source_id)));
		return { meta: { featureCount: reader.featureCount, extent: reader.extent, crs: reader.crs, columns: reader.columns, indexed: reader.indexed }, features: sorted, raw: features };
	} finally {
		reader.close();
	}
}

/** Wasser lines, Schächte and Schutzstreifen with the numbers a test case wants. */
function upload(n: number, numbers: (i: number) => Record<string, unknown>, seed = 1): object[] {
	const rnd = seededRandom(seed);
	return Array.from({ length: n }, (_, i) => {
		const kind = ['leitung', 'schacht', 'schutzstreifen'][i % 3]!;
		const geometry =
			kind === 'leitung'
				? { type: 'LineString', coordinates: randomLine(rnd, EXTENT, BENCH_LINE) }
				: kind === 'schacht'
					? { type: 'Point', coordinates: randomPoint(rnd, EXTENT) }
					: { type: 'Polygon', coordinates: [randomRing(rnd, randomPoint(rnd, EXTENT), 20, 12)] };
		return { type: 'Feature', geometry, properties: { source_id: `W-${i}`, kind, status: 'In Betrieb', material: i % 5 ? 'PE-HD' : 'Größe Ü', ...numbers(i) } };
	});
}

async function expectAsGdalStored(result: IngestResult) {
	expect(result.report.ok, JSON.stringify(result.report.findings.slice(0, 3))).toBe(true);
	const ours = read(result.fgbPath!);
	const gdal = read(await gdalPass2(ours.raw));
	expect(ours.meta).toEqual(gdal.meta);
	expect(ours.features).toEqual(gdal.features);
	expect(execFileSync('ogrinfo', ['-ro', '-so', '-al', result.fgbPath!], { encoding: 'utf8' })).toContain(`Feature Count: ${ours.meta.featureCount}`);
	return ours;
}

describe('ingestFile writes what the GeoJSON route stored', () => {
	it('decimal depths, small counts: the common case, no second build', async () => {
		const result = await ingest('netz.geojson', upload(1500, (i) => ({ depth_m: i % 4 ? (i % 300) / 100 + 0.05 : null, ducts_total: 1 + (i % 7), ducts_free: i % 2 })));
		const ours = await expectAsGdalStored(result);
		expect(ours.meta.columns.filter((c) => c.type !== 'String')).toEqual([
			{ name: 'depth_m', type: 'Double' },
			{ name: 'ducts_total', type: 'Int' },
			{ name: 'ducts_free', type: 'Int' }
		]);
	});

	it('whole-number depths become Int, counts beyond 32 bits Long, -0 is 0, an empty column String', async () => {
		const result = await ingest('netz.geojson', upload(600, (i) => ({ depth_m: i % 3 === 0 ? -0 : 1 + (i % 2), ducts_total: i === 7 ? 3_000_000_000 : i % 24, ducts_free: 0 })));
		const ours = await expectAsGdalStored(result);
		expect(ours.meta.columns.filter((c) => c.type !== 'String')).toEqual([
			{ name: 'depth_m', type: 'Int' },
			{ name: 'ducts_total', type: 'Long' },
			{ name: 'ducts_free', type: 'Int' }
		]);
		expect(ours.features.find((f) => f.properties.source_id === 'W-7')!.properties.ducts_total).toBe(3_000_000_000);
		expect(Object.is(ours.features.find((f) => f.properties.source_id === 'W-0')!.properties.depth_m, 0)).toBe(true);
	});

	it('one kind only: the header names the geometry type', async () => {
		const result = await ingest('netz.geojson', upload(300, () => ({ depth_m: 1.25 })).filter((_, i) => i % 3 === 0));
		const ours = await expectAsGdalStored(result);
		expect(execFileSync('ogrinfo', ['-ro', '-so', '-al', result.fgbPath!], { encoding: 'utf8' })).toContain('Geometry: Line String');
		expect(ours.meta.featureCount).toBe(100);
	});

	it('a feature bigger than the scan buffer and the store’s write buffer (300 k vertices, 4.8 MB)', async () => {
		const big = { minVertices: 300_000, maxVertices: 300_000, minLength: 3000, maxLength: 3000 };
		const features = upload(30, () => ({ depth_m: 0.8 }));
		(features[0] as { geometry: object }).geometry = { type: 'LineString', coordinates: randomLine(seededRandom(5), EXTENT, big) };
		const result = await ingest('netz.geojson', features);
		const ours = await expectAsGdalStored(result);
		const line = ours.features.find((f) => f.properties.source_id === 'W-0')!.geometry as { coordinates: number[][] };
		expect(line.coordinates).toHaveLength(300_000);
	});

	it('the hull holds every vertex; nothing is left behind in GDAL’s folder', async () => {
		const result = await ingest('netz.geojson', upload(900, () => ({})));
		const ring = result.hull!.coordinates[0]!;
		const inside = ([x, y]: number[]) =>
			ring.slice(1).every((b, i) => {
				const a = ring[i]!;
				return (b[0]! - a[0]!) * (y! - a[1]!) - (b[1]! - a[1]!) * (x! - a[0]!) <= 0;
			});
		for (const f of read(result.fgbPath!).raw) {
			const coords = JSON.stringify(f.geometry).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g)!.map((p) => p.split(',').map(Number));
			expect(coords.every(inside)).toBe(true);
		}
		const { GDAL_OUT_DIR } = await import('./gdal');
		expect(execFileSync('ls', [GDAL_OUT_DIR], { encoding: 'utf8' })).not.toMatch(/-25832\.fgb/);
	});
});
