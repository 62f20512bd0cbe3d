import { describe, expect, it } from 'vitest';
import { lonLatToUtm } from '$lib/geo/crs';
import { countRouteVertices, parseRouteGeoJson, routeLengthM, routeProblem } from './route-geojson';

/** Along the Glasfaser Fiktiv's duct bank in Halle (demo networks). */
const ROUTE = [[11.97288, 51.4889], [11.97278, 51.4882], [11.97265, 51.48712], [11.9723, 51.48688], [11.97213, 51.4866], [11.9718, 51.4855]];

describe('parseRouteGeoJson', () => {
	it('takes a bare LineString and drops heights', () => {
		const withZ = ROUTE.map(([x, y]) => [x!, y!, 87.5]);
		expect(parseRouteGeoJson(JSON.stringify({ type: 'LineString', coordinates: withZ }))).toEqual({ ok: true, route: { type: 'LineString', coordinates: ROUTE }, ignored: 0 });
	});

	it('gathers the lines of a FeatureCollection into a MultiLineString and counts what it ignored', () => {
		const text = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: ROUTE.slice(0, 3) } },
				{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [ROUTE.slice(3)] } },
				{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ROUTE[0] } }
			]
		});
		const result = parseRouteGeoJson(text);
		expect(result).toEqual({ ok: true, route: { type: 'MultiLineString', coordinates: [ROUTE.slice(0, 3), ROUTE.slice(3)] }, ignored: 1 });
	});

	it('transforms a legacy EPSG:25832 export', () => {
		const utm = ROUTE.map(lonLatToUtm);
		const text = JSON.stringify({ type: 'Feature', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } }, geometry: { type: 'LineString', coordinates: utm } });
		const result = parseRouteGeoJson(text);
		expect(result.ok).toBe(true);
		const back = result.ok && result.route.type === 'LineString' ? result.route.coordinates : [];
		back.forEach((p, i) => {
			expect(p[0]).toBeCloseTo(ROUTE[i]![0]!, 7);
			expect(p[1]).toBeCloseTo(ROUTE[i]![1]!, 7);
		});
	});

	it('explains what is not a route, in German', () => {
		expect(parseRouteGeoJson('{"type":')).toMatchObject({ ok: false, message: expect.stringContaining('kein gültiges GeoJSON') });
		expect(parseRouteGeoJson('null')).toMatchObject({ ok: false, message: expect.stringContaining('keine Linie') });
		const polygon = { type: 'Polygon', coordinates: [[[11.97, 51.48], [11.98, 51.48], [11.98, 51.49], [11.97, 51.48]]] };
		expect(parseRouteGeoJson(JSON.stringify(polygon))).toMatchObject({ ok: false, message: expect.stringContaining('keine Linie') });
		expect(parseRouteGeoJson('{"type":"LineString","coordinates":[[11.97,"x"]]}')).toMatchObject({ ok: false, message: expect.stringContaining('keine Zahlen') });
		const foreign = { type: 'LineString', crs: { properties: { name: 'EPSG:31468' } }, coordinates: [[4500000, 5700000], [4500100, 5700000]] };
		expect(parseRouteGeoJson(JSON.stringify(foreign))).toMatchObject({ ok: false, message: expect.stringContaining('EPSG:31468') });
		expect(parseRouteGeoJson('{"type":"LineString","coordinates":[[700000,5700000],[700100,5700000]]}')).toMatchObject({ ok: false, message: expect.stringContaining('keine geographischen') });
	});
});

describe('routeLengthM and routeProblem', () => {
	it('measures in EPSG:25832 like the server (the demo route is about 393 m)', () => {
		const route = { type: 'LineString' as const, coordinates: ROUTE };
		expect(routeLengthM(route)).toBeGreaterThan(390);
		expect(routeLengthM(route)).toBeLessThan(396);
		expect(countRouteVertices(route)).toBe(6);
		expect(routeProblem(route)).toBeNull();
	});

	it('names what the service would refuse', () => {
		expect(routeProblem({ type: 'LineString', coordinates: [ROUTE[0]!] })).toContain('mindestens zwei Punkte');
		expect(routeProblem({ type: 'LineString', coordinates: [ROUTE[0]!, ROUTE[0]!] })).toContain('kürzer als 1 m');
		expect(routeProblem({ type: 'LineString', coordinates: ROUTE.map(([x, y]) => [y!, x!]) })).toContain('außerhalb');
		expect(routeProblem({ type: 'LineString', coordinates: [[11.0, 51.0], [12.0, 52.0]] })).toContain('höchstens 50.000 m');
	});
});
