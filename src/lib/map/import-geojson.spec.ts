import { describe, expect, it } from 'vitest';
import { crsCode, parseAreaGeoJson } from './import-geojson';

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
