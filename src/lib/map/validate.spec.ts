import { describe, expect, it } from 'vitest';
import { utmToLonLat } from '$lib/geo/crs';
import { AREA_LIMITS_M2, MAX_VERTICES, checkArea, limitContext } from './validate';
import type { Polygon } from './types';

const X = 706_400;
const Y = 5_707_300;
const polygon = (...utm: [number, number][]): Polygon => ({ type: 'Polygon', coordinates: [[...utm, utm[0]!].map(utmToLonLat)] });
const square = (x: number, y: number, size: number) => polygon([x, y], [x + size, y], [x + size, y + size], [x, y + size]);

const bau = { maxAreaM2: AREA_LIMITS_M2.bau, limitContext: limitContext('bau') };

describe('checkArea', () => {
	it('accepts a plain square and measures it', () => {
		const check = checkArea(square(X, Y, 50), bau);
		expect(check).toMatchObject({ valid: true, measurable: true, problems: [], vertices: 4 });
		expect(check.areaM2).toBeCloseTo(2_500, 2);
		expect(check.perimeterM).toBeCloseTo(200, 3);
	});

	it('finds a self-intersection (bow tie), says so in German and where', () => {
		const check = checkArea(polygon([X, Y], [X + 100, Y + 100], [X + 100, Y], [X, Y + 100]), bau);
		expect(check).toMatchObject({ valid: false, measurable: false });
		expect(check.problems).toHaveLength(1);
		const [p] = check.problems;
		expect(p!.code).toBe('self_intersection');
		expect(p!.message).toMatch(/^Die Fläche überschneidet sich selbst/);
		const [cx, cy] = utmToLonLat([X + 50, Y + 50]);
		expect(p!.at![0]).toBeCloseTo(cx, 6);
		expect(p!.at![1]).toBeCloseTo(cy, 6);
	});

	it('applies the area limit of the type on the drawn area', () => {
		const big = square(X, Y, 1_050); // 1.1025 km²
		const forBau = checkArea(big, bau);
		expect(forBau.valid).toBe(false);
		expect(forBau.problems[0]!.code).toBe('too_large');
		expect(forBau.problems[0]!.message).toContain('höchstens 1 km² für eine Bauauskunft');
		expect(checkArea(big, { maxAreaM2: AREA_LIMITS_M2.planung }).valid).toBe(true);
		expect(checkArea(square(X, Y, 510), { maxAreaM2: AREA_LIMITS_M2.notfall }).valid).toBe(false);
		expect(checkArea(square(X, Y, 490), { maxAreaM2: AREA_LIMITS_M2.notfall }).valid).toBe(true);
	});

	it('checks the service area: inside fine, across its edge a warning, outside an error', () => {
		const serviceArea = square(X, Y, 1_000);
		expect(checkArea(square(X + 100, Y + 100, 50), { ...bau, serviceArea }).problems).toEqual([]);
		const across = checkArea(square(X + 980, Y + 100, 50), { ...bau, serviceArea });
		expect(across.valid).toBe(true);
		expect(across.problems.map((p) => [p.code, p.severity])).toEqual([['partly_outside_service_area', 'warning']]);
		const outside = checkArea(square(X + 5_000, Y, 50), { ...bau, serviceArea });
		expect(outside.valid).toBe(false);
		expect(outside.problems[0]!.message).toBe('Die Fläche liegt außerhalb des Auskunftsgebiets von Tiefblick.');
	});

	it('refuses too few points, slivers and too many vertices', () => {
		expect(checkArea(polygon([X, Y], [X + 10, Y]), bau).problems[0]!.code).toBe('too_few_points');
		expect(checkArea(polygon([X, Y], [X + 10, Y], [X + 10, Y + 0.01]), bau).problems[0]!.code).toBe('too_small');
		const n = MAX_VERTICES + 10;
		const circle = polygon(...Array.from({ length: n }, (_, i): [number, number] => [X + 100 * Math.cos((2 * Math.PI * i) / n), Y + 100 * Math.sin((2 * Math.PI * i) / n)]));
		const check = checkArea(circle, bau);
		expect(check.problems.map((p) => p.code)).toEqual(['too_many_vertices']);
		expect(check.problems[0]!.message).toContain('höchstens 2.000');
	});

	it('reports overlapping parts of a MultiPolygon', () => {
		const a = square(X, Y, 50).coordinates;
		const b = square(X + 25, Y + 25, 50).coordinates;
		const check = checkArea({ type: 'MultiPolygon', coordinates: [a, b] }, bau);
		expect(check.valid).toBe(false);
		expect(check.problems[0]!.message).toMatch(/überschneidet sich selbst|überlappen/);
	});
});
