/**
 * The proof that pass 1 through FlatGeobuf hands validation and mapping exactly what the former pass 1
 * through GeoJSON handed them: both routes run in gdal3.js on the same sources — generated ones full of
 * awkward values, reprojected ones, GeoPackages with float32, binary and date fields, the upload
 * fixtures — and every feature's properties and geometry must be deep-equal.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../reader/synthetic';
import type { FgbScanner as Scanner, SourceFeature } from './fgb-scan';
import { gdalDouble, printfG, roundMm } from './gdal-values';

let tmp: string;
let route: (path: string, crs?: number) => Promise<{ viaGeoJson: { properties: Record<string, unknown>; geometry: unknown }[]; viaFgb: SourceFeature[] }>;

beforeAll(async () => {
	tmp = mkdtempSync(join(tmpdir(), 'fgb-scan-'));
	// gdal.ts reads DATA_DIR when first imported
	process.env.DATA_DIR = join(tmp, 'data');
	const { withGdal, GDAL_OUT_DIR } = await import('./gdal');
	const { reproject } = await import('./reproject');
	const { FgbScanner } = await import('./fgb-scan');
	let n = 0;
	route = async (path, crs) => {
		const name = `route-${++n}`;
		// the former pass 1, as it was: GeoJSON with millimetre coordinates, read line by line
		await withGdal(async (gdal) => {
			const { datasets } = await gdal.open(path);
			const layer = datasets[0]!.info!.layers[0]!;
			const args = ['-f', 'GeoJSON', '-t_srs', 'EPSG:25832', '-dim', 'XY', '-lco', 'COORDINATE_PRECISION=3', '-lco', 'WRITE_BBOX=NO'];
			if (crs) args.push('-s_srs', `EPSG:${crs}`);
			await gdal.ogr2ogr(datasets[0]!, [...args, layer.name], `${name}-a`);
			await gdal.close(datasets[0]!);
		});
		const viaGeoJson = readFileSync(join(GDAL_OUT_DIR, `${name}-a.geojson`), 'utf8')
			.split('\n')
			.filter((l) => l.startsWith('{ "type": "Feature"'))
			.map((l) => JSON.parse(l.endsWith(',') ? l.slice(0, -1) : l));
		const pass1 = await reproject(path, crs ?? null, `${name}-b`);
		expect(pass1.error).toBeNull();
		const scanner: Scanner = await FgbScanner.open(pass1.fgbPath!, pass1.meta!.fields);
		const viaFgb: SourceFeature[] = [];
		for (let batch = await scanner.next(); batch.length; batch = await scanner.next()) viaFgb.push(...batch);
		await scanner.close();
		// unset fields are left out of GeoJSON; FlatGeobuf has them null — mapping reads both as null
		for (const f of viaGeoJson) for (const c of scanner.columns) f.properties[c.name] ??= null;
		return { viaGeoJson, viaFgb };
	};
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function expectSameRoute(path: string, crs?: number): Promise<SourceFeature[]> {
	const { viaGeoJson, viaFgb } = await route(path, crs);
	expect(viaFgb).toHaveLength(viaGeoJson.length);
	viaGeoJson.forEach((f, i) => {
		expect(viaFgb[i]!.properties, `feature ${i} properties`).toEqual(f.properties);
		expect(viaFgb[i]!.geometry, `feature ${i} geometry`).toEqual(f.geometry);
	});
	return viaFgb;
}

/** Awkward values: doubles GDAL prints shorter, ties and near-ties at the millimetre, lists, dates. */
function awkwardGeoJson(n: number): object {
	const rnd = seededRandom(17);
	const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
	const coord = () => {
		const base = [706_000 + Math.floor(rnd() * 2000), 5_707_000 + Math.floor(rnd() * 2000)];
		// exact halves at the third decimal (odd sixteenths), near-halves, and plain decimals
		const frac = () => pick([0.0625, 0.1875, 0.3125, 0.0005, 0.9995, 0.0015, Math.round(rnd() * 1e6) / 1e6, rnd()]);
		return [base[0]! + frac(), base[1]! + frac()];
	};
	const ring = () => {
		const [x, y] = coord() as [number, number];
		return [[x, y], [x + 10.0625, y], [x + 10.0625, y + 7.1875], [x, y]];
	};
	const geometries = [
		() => ({ type: 'Point', coordinates: coord() }),
		() => ({ type: 'LineString', coordinates: [coord(), coord(), coord()] }),
		() => ({ type: 'Polygon', coordinates: [ring()] }),
		() => ({ type: 'MultiPoint', coordinates: [coord(), coord()] }),
		() => ({ type: 'MultiLineString', coordinates: [[coord(), coord()], [coord(), coord()]] }),
		() => ({ type: 'MultiPolygon', coordinates: [[ring()], [ring()]] }),
		() => ({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: coord() }] }),
		() => ({ type: 'LineString', coordinates: [] }),
		() => null
	];
	const features = Array.from({ length: n }, (_, i) => ({
		type: 'Feature',
		geometry: geometries[i % geometries.length]!(),
		properties: {
			source_id: `A-${i}`,
			real: pick([0.1 + 0.2, 1 / 3, 1e-7, 123456789.12345679, 2 ** -21, 0.7, -2.5, rnd() * 10 ** Math.floor(rnd() * 20 - 10), null]),
			int: pick([0, -7, 2 ** 31 - 1, null]),
			big: pick([3_000_000_000, -(2 ** 40), 1, null]),
			mixed: pick(['1,20 m', 3, 'tief', null]),
			text: pick(['Große Ulrichstraße', '', ' x "y" ', 'ÄÖÜäöüß€', null]),
			flag: pick([true, false, null]),
			day: pick(['2024-01-02', '1999-12-31', null]),
			clock: pick(['10:11:12', '23:59:59.500', null]),
			stamp: pick(['2024-01-02T10:11:12.345+01:00', '2024-01-02T10:11:12Z', '2024-01-02T00:00:00', null]),
			reals: pick([[0.30000000000000004, 0.7, 1e-7], [], null]),
			ints: pick([[1, 2, 3], [], null]),
			words: pick([['a', 'Straße', 'x"y'], [], null]),
			object: pick([{ a: 0.30000000000000004, b: [1, 'x'], c: null }, {}, null])
		}
	}));
	return { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } }, features };
}

describe('pass 1 through FlatGeobuf reads as pass 1 through GeoJSON did', () => {
	it('generated features full of awkward values, in EPSG:25832', async () => {
		const path = join(tmp, 'awkward.geojson');
		writeFileSync(path, JSON.stringify(awkwardGeoJson(900)));
		const features = await expectSameRoute(path);
		expect(features).toHaveLength(900);
		// the awkward cases were there, and came out as the GeoJSON route spelled them
		const p = features.map((f) => f.properties);
		expect(p.some((x) => x.real === 0.3)).toBe(true);
		expect(p.some((x) => x.day === '2024-01-02' && x.clock === '10:11:12')).toBe(true);
		expect(p.some((x) => JSON.stringify(x.reals) === '[0.3,0.7,1e-7]' && JSON.stringify(x.words) === '["a","Straße","x\\"y"]')).toBe(true);
		expect(p.some((x) => x.mixed === '1,20 m') && p.some((x) => x.mixed === '3')).toBe(true);
		const xs = features.flatMap((f) => (f.shape?.xy ? [...f.shape.xy] : []));
		expect(xs.some((x) => x % 1 === 0.0625)).toBe(false);
		expect(features.filter((f) => f.geometry === null).length).toBeGreaterThan(50);
	});

	it('the same features reprojected from WGS 84 (every coordinate a long double)', async () => {
		const source = join(tmp, 'awkward-25832.geojson');
		writeFileSync(source, JSON.stringify(awkwardGeoJson(900)));
		const path = join(tmp, 'awkward-4326.geojson');
		execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '-lco', 'COORDINATE_PRECISION=15', path, source]);
		expect(await expectSameRoute(path)).toHaveLength(900);
	});

	it('a GeoPackage with float32, binary, date, time and 16-bit integer fields', async () => {
		const rnd = seededRandom(23);
		const rows = ['WKT,f32,day,clock,stamp,small,blob'];
		for (let i = 0; i < 500; i++) {
			const f32 = Math.fround(rnd() * 10 ** Math.floor(rnd() * 12 - 4)) * (rnd() < 0.5 ? 1 : -1);
			rows.push(`"POINT (${706000 + i} 5707000)",${i % 7 === 0 ? '' : f32},2024-01-${String(1 + (i % 28)).padStart(2, '0')},10:11:${String(i % 60).padStart(2, '0')},2024-01-02T10:11:12.${i % 1000}Z,${i - 250},`);
		}
		const csv = join(tmp, 'fields.csv');
		writeFileSync(csv, rows.join('\n'));
		writeFileSync(join(tmp, 'fields.csvt'), '"WKT","Real(Float32)","Date","Time","DateTime","Integer(Int16)","String"');
		const gpkg = join(tmp, 'fields.gpkg');
		execFileSync('ogr2ogr', ['-f', 'GPKG', '-a_srs', 'EPSG:25832', '-nln', 'fields', gpkg, csv]);
		// a binary column: GDAL's GeoJSON writer spells it as upper-case hex
		execFileSync('ogrinfo', [gpkg, '-sql', 'ALTER TABLE fields ADD COLUMN bin BLOB']);
		execFileSync('ogrinfo', [gpkg, '-sql', "UPDATE fields SET bin = X'00FF10ab' WHERE fid % 3 = 0"]);
		const features = await expectSameRoute(gpkg);
		expect(features).toHaveLength(500);
		expect(features.filter((f) => f.properties.bin === '00FF10AB')).toHaveLength(166);
		expect(features[1]!.properties).toMatchObject({ day: '2024-01-02', clock: '10:11:01' });
	});

	it('the upload fixtures', async () => {
		for (const file of ['wasser.geojson', 'wasser-3d.geojson', 'wasser.gpkg', 'wasser.fgb', 'wasser.gml', 'gemischt.geojson', 'selbstueberschneidung.geojson']) {
			expect((await expectSameRoute(join('tests/fixtures/layers', file))).length, file).toBeGreaterThan(0);
		}
		expect(await expectSameRoute('tests/fixtures/layers/wasser.dxf', 25832)).toHaveLength(20);
	});
});

describe('printf emulation', () => {
	it('rounds to millimetres as "%.3f" does: exact halves to even', () => {
		expect([706000.0625, 706000.1875, 5707000.0005, 5707000.9995, -0.0625, 1.0005].map(roundMm)).toEqual([706000.062, 706000.188, 5707000.001, 5707000.999, -0.062, 1]);
	});

	it('formats "%.{p}g" as C does', () => {
		expect(printfG(0.30000000000000004, 17)).toBe('0.30000000000000004');
		expect(printfG(0.30000000000000004, 16)).toBe('0.3');
		expect(printfG(1e-7, 17)).toBe('9.9999999999999995e-08');
		expect(printfG(123456789.12345679, 17)).toBe('123456789.12345679');
		expect(printfG(2.5, 1)).toBe('2');
		expect(printfG(3.5, 1)).toBe('4');
		expect(printfG(1e21, 17)).toBe('1e+21');
		expect(gdalDouble(0.1 + 0.2)).toBe(0.3);
		expect(gdalDouble(1 / 3)).toBe(1 / 3);
	});
});
