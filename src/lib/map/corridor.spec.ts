import { describe, expect, it } from 'vitest';
import { utmToLonLat } from '$lib/geo/crs';
import { corridorPolygon, corridorWidthProblem } from './corridor';
import { measureArea } from './measure';
import { checkArea } from './validate';
import type { LineString } from './types';

const X = 706_400;
const Y = 5_707_300;
const axis = (...utm: [number, number][]): LineString => ({ type: 'LineString', coordinates: utm.map(utmToLonLat) });

describe('corridorPolygon', () => {
	it('buffers a straight 100 m axis to a 100 m × 10 m rectangle (flat ends)', () => {
		const polygon = corridorPolygon(axis([X, Y], [X + 100, Y]), 10)!;
		const m = measureArea(polygon);
		// output coordinates are rounded to 1e-8° (≈ 1 mm): ±0.1 m² on 1,000 m²
		expect(Math.abs(m.areaM2 - 1_000)).toBeLessThan(0.1);
		expect(Math.abs(m.perimeterM - 220)).toBeLessThan(0.01);
	});

	it('rounds the outside of a bend and stays a valid polygon', () => {
		const polygon = corridorPolygon(axis([X, Y], [X + 50, Y], [X + 50, Y + 50]), 4)!;
		const check = checkArea(polygon, { maxAreaM2: 1_000_000 });
		expect(check.valid).toBe(true);
		// 100 m of axis × 4 m, minus the inner square corner (2 × 2), plus the outer quarter circle (π·2²/4)
		expect(check.areaM2).toBeGreaterThan(400 - 4);
		expect(check.areaM2).toBeLessThan(400 + Math.PI);
	});

	it('needs two distinct points and a usable width', () => {
		expect(corridorPolygon(axis([X, Y], [X, Y]), 5)).toBeNull();
		expect(corridorPolygon(axis([X, Y], [X + 10, Y]), 0.1)).toBeNull();
		expect(corridorPolygon(axis([X, Y], [X + 10, Y]), 500)).toBeNull();
	});
});

describe('corridorWidthProblem', () => {
	it('explains bad widths in German', () => {
		expect(corridorWidthProblem(2)).toBeNull();
		expect(corridorWidthProblem(Number.NaN)).toMatch(/Breite in Metern/);
		expect(corridorWidthProblem(0.2)).toBe('Die Korridorbreite muss mindestens 0,5 m betragen.');
		expect(corridorWidthProblem(201)).toBe('Die Korridorbreite darf höchstens 200 m betragen.');
	});
});
