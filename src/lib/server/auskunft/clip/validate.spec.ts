import { describe, expect, it } from 'vitest';
import { lonLatToUtm, utmToLonLat } from '$lib/geo/crs';
import { MAX_WORK_AREA_VERTICES, validateWorkArea } from './validate';

/** Halle, Marktplatz */
const O = lonLatToUtm([11.9697, 51.4826]);
/** a ring given in metres relative to the Marktplatz, as EPSG:4326 */
const ring = (pts: [number, number][]) => pts.map(([dx, dy]) => utmToLonLat([O[0] + dx, O[1] + dy]));
const polygon = (...rings: [number, number][][]) => ({ type: 'Polygon', coordinates: rings.map(ring) });
const sq = (x: number, y: number, s: number): [number, number][] => [
	[x, y],
	[x + s, y],
	[x + s, y + s],
	[x, y + s],
	[x, y]
];

describe('validateWorkArea', () => {
	it('accepts a square and measures it in EPSG:25832', () => {
		const r = validateWorkArea(polygon(sq(0, 0, 100)));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.areaM2).toBeCloseTo(10_000, 3);
		expect(r.perimeterM).toBeCloseTo(400, 5);
		expect(r.area25832.type).toBe('Polygon');
		const [x, y] = (r.area25832.coordinates as number[][][])[0]![2]!;
		expect(x).toBeCloseTo(O[0] + 100, 6);
		expect(y).toBeCloseTo(O[1] + 100, 6);
	});

	it('accepts a MultiPolygon and a hole', () => {
		const multi = { type: 'MultiPolygon', coordinates: [[ring(sq(0, 0, 50))], [ring(sq(100, 0, 50)), ring(sq(110, 10, 10)).reverse()]] };
		const r = validateWorkArea(multi);
		expect(r.ok && r.areaM2).toBeCloseTo(2 * 2500 - 100, 3);
	});

	it('rejects a self-intersecting drawing and says where it crosses', () => {
		const r = validateWorkArea(polygon([[0, 0], [100, 100], [100, 0], [0, 100], [0, 0]]));
		expect(r).toMatchObject({ ok: false, code: 'self_intersection' });
		if (r.ok) return;
		expect(r.message).toMatch(/überschneidet sich selbst \(bei 51,48\d+° N, 11,97\d+° O\)/);
		const [x, y] = lonLatToUtm(r.location!);
		expect(x - O[0]).toBeCloseTo(50, 3);
		expect(y - O[1]).toBeCloseTo(50, 3);
	});

	it('rejects a ring that touches itself', () => {
		// the shared vertex is one coordinate pair, so it stays shared through the transformation
		const r = validateWorkArea(polygon([[0, 0], [100, 0], [50, 50], [100, 100], [0, 100], [50, 50], [0, 0]]));
		expect(r).toMatchObject({ ok: false, code: 'self_intersection' });
	});

	it.each([
		['hole_outside_shell', polygon(sq(0, 0, 50), sq(100, 100, 10).reverse())],
		['nested_holes', polygon(sq(0, 0, 100), sq(10, 10, 80).reverse(), sq(20, 20, 10).reverse())],
		[
			'disconnected_interior',
			polygon(
				[[0, 0], [50, 0], [100, 0], [100, 50], [100, 100], [50, 100], [0, 100], [0, 50], [0, 0]],
				[[0, 50], [50, 100], [100, 50], [50, 0], [0, 50]]
			)
		],
		['nested_shells', { type: 'MultiPolygon', coordinates: [[ring(sq(0, 0, 100))], [ring(sq(10, 10, 10))]] }]
	])('rejects %s with a German message', (code, g) => {
		const r = validateWorkArea(g);
		expect(r).toMatchObject({ ok: false, code });
		if (!r.ok) expect(r.message).toMatch(/[äöüß]|Aussparung|Teilfläche|Fläche/);
	});

	it.each([
		['not_polygon', { type: 'LineString', coordinates: [[11.9, 51.4], [11.91, 51.41]] }],
		['not_polygon', null],
		['not_polygon', 'POLYGON((0 0, 1 0, 1 1, 0 0))'],
		['empty', { type: 'Polygon', coordinates: [] }],
		['empty', { type: 'MultiPolygon', coordinates: [] }],
		['invalid_coordinates', { type: 'Polygon', coordinates: [[[11.9, 51.4], [11.91, 'x'], [11.9, 51.41], [11.9, 51.4]]] }],
		['invalid_coordinates', { type: 'Polygon', coordinates: [[[706_400, 5_707_300], [706_500, 5_707_300], [706_500, 5_707_400], [706_400, 5_707_300]]] }],
		['invalid_coordinates', { type: 'Polygon', coordinates: 'nope' }],
		['too_few_points', { type: 'Polygon', coordinates: [[[11.9, 51.4], [11.91, 51.4], [11.9, 51.4]]] }],
		['too_few_points', polygon([[0, 0], [100, 0], [100, 0], [0, 0]])],
		['ring_not_closed', { type: 'Polygon', coordinates: [[[11.9, 51.4], [11.91, 51.4], [11.91, 51.41], [11.9, 51.41]]] }]
	])('rejects %s', (code, g) => {
		const r = validateWorkArea(g);
		expect(r).toMatchObject({ ok: false, code });
		if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
	});

	it(`allows ${MAX_WORK_AREA_VERTICES} vertices, not one more`, () => {
		const circle = (n: number): [number, number][] => {
			const pts = Array.from({ length: n }, (_, i): [number, number] => [
				200 * Math.cos((2 * Math.PI * i) / n),
				200 * Math.sin((2 * Math.PI * i) / n)
			]);
			return [...pts, pts[0]!];
		};
		expect(validateWorkArea(polygon(circle(MAX_WORK_AREA_VERTICES))).ok).toBe(true);
		const r = validateWorkArea(polygon(circle(MAX_WORK_AREA_VERTICES + 1)));
		expect(r).toMatchObject({ ok: false, code: 'too_many_vertices' });
		if (!r.ok) expect(r.message).toContain('2.001 Eckpunkte, erlaubt sind höchstens 2.000');
	});
});
