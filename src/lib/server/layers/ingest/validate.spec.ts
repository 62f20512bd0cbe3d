import { describe, expect, it } from 'vitest';
import { EMPTY_MAPPING, applyMapping } from './mapping';
import { validateFeature, type Geometry } from './validate';

const HALLE = [706000, 5707000];
const line: Geometry = { type: 'LineString', coordinates: [HALLE, [HALLE[0]! + 50, HALLE[1]! + 10]] };
const ok = { source_id: 'W-1', network: 'wasser', kind: 'leitung', status: 'in_betrieb', depth_m: 1.4 };
const check = (geometry: Geometry | null, props: Record<string, unknown>) =>
	validateFeature(geometry, applyMapping(props, EMPTY_MAPPING), { index: 4, layerNetwork: 'wasser' });
const codes = (f: ReturnType<typeof check>) => f.map((x) => `${x.severity}:${x.code}`);

describe('feature validation', () => {
	it('passes a good Wasser line', () => {
		expect(check(line, ok)).toEqual([]);
	});

	it('names the feature by number and source_id', () => {
		const [f] = check(null, ok);
		expect(f).toMatchObject({ feature: 'Objekt 5 (source_id W-1)', code: 'empty_geometry', message: 'Geometrie fehlt oder ist leer.' });
	});

	it('wants the required attributes and known values', () => {
		expect(codes(check(line, { network: 'wasser', kind: 'rohrpost', status: 'in_betrieb' }))).toEqual([
			'error:missing_attribute',
			'error:unknown_value'
		]);
	});

	it('refuses a point for a Leitung and a line for a Schacht', () => {
		expect(codes(check({ type: 'Point', coordinates: HALLE }, ok))).toEqual(['error:geometry_kind']);
		expect(check(line, { ...ok, kind: 'schacht' })[0]!.message).toBe('Linie passt nicht zur Art „Schacht“ (erwartet: Punkt).');
	});

	it('spots coordinates outside Germany (a wrong CRS)', () => {
		const gk = { type: 'LineString', coordinates: [[4_500_000, 5_707_000], [4_500_050, 5_707_010]] };
		expect(codes(check(gk, ok))).toEqual(['error:outside_germany']);
	});

	it('refuses a self-intersecting Schutzstreifen with the place of the fault', () => {
		const [x, y] = HALLE as [number, number];
		const bowtie = { type: 'Polygon', coordinates: [[[x, y], [x + 10, y + 10], [x + 10, y], [x, y + 10], [x, y]]] };
		const [f] = check(bowtie, { ...ok, kind: 'schutzstreifen' });
		expect(f!.message).toBe(`Fläche ist ungültig: Selbstüberschneidung bei ${(x + 5).toFixed(2)} / ${(y + 5).toFixed(2)} (EPSG:25832).`);
	});

	it('warns about unreadable and implausible numbers but lets them pass', () => {
		expect(codes(check(line, { ...ok, depth_m: 'tief' }))).toEqual(['warning:unreadable_number']);
		expect(codes(check(line, { ...ok, depth_m: 42 }))).toEqual(['warning:implausible_depth']);
	});

	it('refuses a feature of another network and impossible duct counts', () => {
		expect(codes(check(line, { ...ok, network: 'gas' }))).toEqual(['error:wrong_network']);
		expect(codes(check(line, { ...ok, ducts_total: 4, ducts_free: 6 }))).toEqual(['error:ducts']);
	});

	it('refuses a line that is a single point twice', () => {
		expect(codes(check({ type: 'LineString', coordinates: [HALLE, HALLE] }, ok))).toEqual(['error:degenerate_line']);
	});
});
