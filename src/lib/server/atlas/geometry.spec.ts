import { describe, expect, it } from 'vitest';
import { lonLatToUtm } from '$lib/geo/crs';
import type { Polygonal } from '$lib/baustellen';
import { centroid, envelope, meetsBox, unionBoxes, utmEnvelope, type BBox } from './geometry';

const square = (x0: number, y0: number, x1: number, y1: number, clockwise = false): number[][] =>
	clockwise
		? [[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]]
		: [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const polygon = (...rings: number[][][]): Polygonal => ({ type: 'Polygon', coordinates: rings });

describe('meetsBox', () => {
	const box: BBox = [0, 0, 10, 10];
	it('finds footprints inside, crossing and touching the box', () => {
		expect(meetsBox(polygon(square(2, 2, 3, 3)), box)).toBe(true);
		expect(meetsBox(polygon(square(8, 8, 12, 12)), box)).toBe(true);
		expect(meetsBox(polygon(square(10, 2, 12, 3)), box)).toBe(true); // shares an edge
		expect(meetsBox(polygon(square(-5, 4, 15, 6)), box)).toBe(true); // a band through it, no vertex inside
	});
	it('finds the box lying wholly inside a footprint, but not inside its hole', () => {
		expect(meetsBox(polygon(square(-10, -10, 20, 20)), box)).toBe(true);
		expect(meetsBox(polygon(square(-10, -10, 20, 20), square(-1, -1, 11, 11, true)), box)).toBe(false);
	});
	it('rejects footprints beside the box, also when their envelope overlaps it', () => {
		expect(meetsBox(polygon(square(11, 11, 12, 12)), box)).toBe(false);
		// a triangle whose envelope covers the box corner but whose hypotenuse passes beside it
		expect(meetsBox(polygon([[-5, -20], [30, -20], [30, 15], [-5, -20]]), box)).toBe(false);
		expect(meetsBox(polygon([[-5, -10], [30, -20], [30, 25], [-5, -10]]), box)).toBe(true);
	});
	it('tests lines by their segments', () => {
		expect(meetsBox({ type: 'LineString', coordinates: [[-5, 5], [15, 5]] }, box)).toBe(true);
		expect(meetsBox({ type: 'LineString', coordinates: [[-5, 11], [15, 11]] }, box)).toBe(false);
		expect(meetsBox({ type: 'MultiLineString', coordinates: [[[-5, 11], [15, 11]], [[5, 5], [6, 6]]] }, box)).toBe(true);
	});
});

describe('centroid', () => {
	it('is the middle of a rectangle, whatever its winding', () => {
		expect(centroid(polygon(square(11.96, 51.48, 11.98, 51.49)))).toEqual([expect.closeTo(11.97, 9), expect.closeTo(51.485, 9)]);
		expect(centroid(polygon(square(11.96, 51.48, 11.98, 51.49, true)))).toEqual([expect.closeTo(11.97, 9), expect.closeTo(51.485, 9)]);
	});
	it('weighs by area and subtracts holes', () => {
		// 4×2 block plus a 2×2 block on its right → centroid x = (8·2 + 4·5)/12 = 3
		const l = polygon([[0, 0], [6, 0], [6, 2], [4, 2], [4, 0.000001], [4, 2], [0, 2], [0, 0]]);
		expect(centroid(l)[1]).toBeCloseTo(1, 5);
		const withHole = polygon(square(0, 0, 10, 10), square(0, 0, 5, 10, true));
		expect(centroid(withHole)).toEqual([expect.closeTo(7.5, 9), expect.closeTo(5, 9)]);
		const two: Polygonal = { type: 'MultiPolygon', coordinates: [[square(0, 0, 2, 2)], [square(10, 0, 12, 2)]] };
		expect(centroid(two)).toEqual([expect.closeTo(6, 9), expect.closeTo(1, 9)]);
	});
	it('falls back to the envelope centre for a degenerate footprint', () => {
		expect(centroid(polygon([[1, 1], [3, 3], [1, 1]]))).toEqual([2, 2]);
	});
});

describe('utmEnvelope', () => {
	it('covers every point of the lon/lat box in EPSG:25832', () => {
		const box: BBox = [11.9, 51.4, 12.1, 51.55];
		const utm = utmEnvelope(box);
		for (let i = 0; i <= 20; i++) {
			for (const [lon, lat] of [
				[box[0] + (i / 20) * (box[2] - box[0]), box[1]],
				[box[0] + (i / 20) * (box[2] - box[0]), box[3]],
				[box[0], box[1] + (i / 20) * (box[3] - box[1])],
				[box[2], box[1] + (i / 20) * (box[3] - box[1])]
			]) {
				const [x, y] = lonLatToUtm([lon!, lat!]);
				expect(x).toBeGreaterThanOrEqual(utm[0]);
				expect(x).toBeLessThanOrEqual(utm[2]);
				expect(y).toBeGreaterThanOrEqual(utm[1]);
				expect(y).toBeLessThanOrEqual(utm[3]);
			}
		}
	});
});

describe('envelope and unionBoxes', () => {
	it('span all positions', () => {
		expect(envelope({ type: 'MultiLineString', coordinates: [[[1, 5], [2, 6]], [[-1, 0], [0, 9]]] })).toEqual([-1, 0, 2, 9]);
		expect(unionBoxes([[0, 0, 1, 1], [-1, 0.5, 0.5, 3]])).toEqual([-1, 0, 1, 3]);
		expect(unionBoxes([])).toBeNull();
	});
});
