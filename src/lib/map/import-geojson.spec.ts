import { describe, expect, it } from 'vitest';
import { beyondLonLat, crsCode, gatherParts, importSizeProblem, lonLatTransform, MAX_IMPORT_BYTES, parseAreaGeoJson } from './import-geojson';

const square = (lon: number, lat: number, d = 0.001) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];

describe('parseAreaGeoJson', () => {
	it('takes the polygon of a FeatureCollection and counts what it ignored', () => {
		const text = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(11.97, 51.48) } },
				{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [11.97, 51.48] } }
			]
		});
		const result = parseAreaGeoJson(text);
		expect(result).toEqual({ ok: true, geometry: { type: 'Polygon', coordinates: square(11.97, 51.48) }, ignored: 1 });
	});

	it('gathers several polygons into a MultiPolygon and drops heights', () => {
		const withZ = square(11.96, 51.48).map((ring) => ring.map(([x, y]) => [x!, y!, 87.5]));
		const text = JSON.stringify({
			type: 'GeometryCollection',
			geometries: [
				{ type: 'Polygon', coordinates: withZ },
				{ type: 'MultiPolygon', coordinates: [square(11.97, 51.48)] }
			]
		});
		const result = parseAreaGeoJson(text);
		expect(result.ok && result.geometry.type).toBe('MultiPolygon');
		expect(result.ok && result.geometry.coordinates[0]![0]![0]).toEqual([11.96, 51.48]);
	});

	it('transforms an EPSG:25832 file with a crs member', () => {
		const text = JSON.stringify({
			type: 'Feature',
			crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
			geometry: { type: 'Polygon', coordinates: [[[706400, 5707300], [706500, 5707300], [706500, 5707400], [706400, 5707300]]] }
		});
		const result = parseAreaGeoJson(text);
		if (!result.ok) throw new Error(result.message);
		const [lon, lat] = result.geometry.coordinates[0]![0] as number[];
		expect(lon).toBeCloseTo(11.969, 2);
		expect(lat).toBeCloseTo(51.482, 2);
	});

	it('explains in German what it cannot use', () => {
		const fail = (text: string) => {
			const r = parseAreaGeoJson(text);
			return r.ok ? null : r.message;
		};
		expect(fail('{ nope')).toMatch(/kein gültiges GeoJSON/);
		expect(fail(JSON.stringify({ type: 'LineString', coordinates: [[11.9, 51.4], [12, 51.5]] }))).toMatch(/keine Fläche/);
		expect(fail(JSON.stringify({ type: 'Polygon', coordinates: [[[706400, 5707300], [706500, 5707300], [706500, 5707400], [706400, 5707300]]] }))).toMatch(
			/keine geographischen Koordinaten/
		);
		expect(fail(JSON.stringify({ type: 'Polygon', crs: { properties: { name: 'EPSG:31468' } }, coordinates: square(4500000, 5700000, 100) }))).toMatch(/EPSG:31468/);
		expect(fail(JSON.stringify({ type: 'Polygon', coordinates: [[['a', 'b']]] }))).toMatch(/keine Zahlen/);
	});
});

describe('crsCode', () => {
	it('reads the usual spellings', () => {
		expect(crsCode({ properties: { name: 'EPSG:25833' } })).toBe('25833');
		expect(crsCode({ properties: { name: 'urn:ogc:def:crs:EPSG::25832' } })).toBe('25832');
		expect(crsCode({ properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toBe('4326');
		expect(crsCode(undefined)).toBeNull();
	});
});

describe('gatherParts', () => {
	const line = [[11.97, 51.48], [11.98, 51.49]];

	it('counts a Multi* without a coordinate array as ignored instead of throwing', () => {
		expect(gatherParts({ type: 'MultiLineString', coordinates: null }, 'LineString', 'MultiLineString')).toEqual({ parts: [], ignored: 1 });
	});

	it('takes the parts of the asked types from features, collections and bare geometries', () => {
		const json = {
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', geometry: { type: 'LineString', coordinates: line } },
				{ type: 'Feature', geometry: { type: 'GeometryCollection', geometries: [{ type: 'MultiLineString', coordinates: [line, line] }] } },
				{ type: 'Feature', geometry: null },
				{ type: 'Feature', geometry: { type: 'Polygon', coordinates: square(11.97, 51.48) } }
			]
		};
		expect(gatherParts(json, 'LineString', 'MultiLineString')).toEqual({ parts: [line, line, line], ignored: 2 });
		expect(gatherParts(json, 'Polygon', 'MultiPolygon')).toEqual({ parts: [square(11.97, 51.48)], ignored: 3 });
	});

	it('counts what is no GeoJSON object as ignored and leaves the coordinates unchecked', () => {
		expect(gatherParts(null, 'LineString', 'MultiLineString')).toEqual({ parts: [], ignored: 1 });
		expect(gatherParts(42, 'LineString', 'MultiLineString')).toEqual({ parts: [], ignored: 1 });
		expect(gatherParts({ type: 'LineString' }, 'LineString', 'MultiLineString')).toEqual({ parts: [undefined], ignored: 0 });
	});
});

describe('lonLatTransform and beyondLonLat', () => {
	it('keeps EPSG:4326 as given, without heights', () => {
		for (const crs of [undefined, { properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, { properties: { name: 'EPSG:4326' } }]) {
			const t = lonLatTransform(crs, 2);
			expect(t.ok && t.toLonLat([11.123456789, 51.987654321, 87.5])).toEqual([11.123456789, 51.987654321]);
		}
	});

	it('transforms EPSG:25832 and 25833, rounded when asked', () => {
		const t32 = lonLatTransform({ properties: { name: 'EPSG:25832' } });
		if (!t32.ok) throw new Error(t32.code);
		const [lon, lat] = t32.toLonLat([706400, 5707300]);
		expect(lon).toBeCloseTo(11.969, 2);
		expect(lat).toBeCloseTo(51.482, 2);
		const t33 = lonLatTransform({ properties: { name: 'urn:ogc:def:crs:EPSG::25833' } }, 3);
		const p = t33.ok ? t33.toLonLat([280000, 5710000]) : [];
		expect(p).toHaveLength(2);
		for (const c of p) expect(Math.round(c * 1000) / 1000).toBe(c);
	});

	it('names a code it does not know', () => {
		expect(lonLatTransform({ properties: { name: 'EPSG:31468' } })).toEqual({ ok: false, code: '31468' });
	});

	it('tells projected coordinates from lon/lat', () => {
		expect(beyondLonLat([[11.97, 51.48], [-180, 90]])).toBe(false);
		expect(beyondLonLat([[11.97, 51.48], [706400, 5707300]])).toBe(true);
		expect(beyondLonLat([[11.97, -90.5]])).toBe(true);
	});
});

describe('importSizeProblem', () => {
	it('refuses files over the limit, in German', () => {
		expect(importSizeProblem({ size: MAX_IMPORT_BYTES })).toBeNull();
		expect(importSizeProblem({ size: MAX_IMPORT_BYTES + 1 })).toBe('Die Datei ist zu groß (höchstens 5 MB).');
	});
});
