import { describe, expect, it } from 'vitest';
import { utmToLonLat } from '$lib/geo/crs';
import { closeRing, countVertices, measureArea } from './measure';
import type { Polygon } from './types';

/** an axis-parallel rectangle in EPSG:25832 (near the Marktplatz in Halle), as EPSG:4326 GeoJSON */
function utmRect(x: number, y: number, w: number, h: number): number[][] {
	return [
		[x, y],
		[x + w, y],
		[x + w, y + h],
		[x, y + h],
		[x, y]
	].map(utmToLonLat);
}

const X = 706_400;
const Y = 5_707_300;

describe('measureArea', () => {
	it('measures a 100 m × 100 m square in EPSG:25832', () => {
		const m = measureArea({ type: 'Polygon', coordinates: [utmRect(X, Y, 100, 100)] });
		expect(m.areaM2).toBeCloseTo(10_000, 3);
		expect(m.perimeterM).toBeCloseTo(400, 4);
	});

	it('subtracts holes and counts their boundary in the perimeter', () => {
		const m = measureArea({ type: 'Polygon', coordinates: [utmRect(X, Y, 100, 100), utmRect(X + 10, Y + 10, 20, 20)] });
		expect(m.areaM2).toBeCloseTo(10_000 - 400, 3);
		expect(m.perimeterM).toBeCloseTo(480, 4);
	});

	it('adds the parts of a MultiPolygon', () => {
		const m = measureArea({ type: 'MultiPolygon', coordinates: [[utmRect(X, Y, 10, 10)], [utmRect(X + 50, Y, 20, 5)]] });
		expect(m.areaM2).toBeCloseTo(200, 4);
		expect(m.perimeterM).toBeCloseTo(90, 4);
	});

	it('is not web-mercator: a 0.001° box in Halle is about 69.6 m × 111.3 m', () => {
		const [lon, lat] = [11.969, 51.482];
		const box: Polygon = {
			type: 'Polygon',
			coordinates: [[[lon, lat], [lon + 0.001, lat], [lon + 0.001, lat + 0.001], [lon, lat + 0.001], [lon, lat]]]
		};
		// web-mercator metres would give ≈ 111.3 × 179 m ≈ 19,900 m²
		expect(measureArea(box).areaM2).toBeGreaterThan(7_700);
		expect(measureArea(box).areaM2).toBeLessThan(7_800);
	});

	it('accepts open rings', () => {
		const open = utmRect(X, Y, 10, 10).slice(0, 4);
		expect(measureArea({ type: 'Polygon', coordinates: [open] }).perimeterM).toBeCloseTo(40, 4);
	});
});

describe('closeRing / countVertices', () => {
	it('closes an open ring once', () => {
		expect(closeRing([[0, 0], [1, 0], [1, 1]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
		expect(closeRing([[0, 0], [1, 0], [1, 1], [0, 0]])).toHaveLength(4);
	});

	it('counts vertices without the closing position', () => {
		expect(countVertices({ type: 'Polygon', coordinates: [utmRect(X, Y, 1, 1)] })).toBe(4);
		expect(countVertices({ type: 'MultiPolygon', coordinates: [[utmRect(X, Y, 1, 1)], [utmRect(X, Y, 1, 1)]] })).toBe(8);
	});
});
