import { describe, expect, it } from 'vitest';
import { pointInArea } from './centre';

describe('pointInArea', () => {
	it('takes the centre of a rectangle: the Marktplatz of the demo', () => {
		const markt = { type: 'Polygon', coordinates: [[[11.969, 51.4825], [11.9696, 51.4825], [11.9696, 51.48277], [11.969, 51.48277], [11.969, 51.4825]]] };
		expect(pointInArea(markt)).toEqual([11.9693, 51.482635]);
	});

	it('stays inside an L-shaped corridor whose centroid lies outside', () => {
		const l = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 1], [1, 1], [1, 10], [0, 10], [0, 0]]] };
		const [x, y] = pointInArea(l)!;
		expect(y).toBeCloseTo(54.5 / 19, 5);
		expect(x).toBeCloseTo(0.5, 6);
	});

	it('takes the largest part of a MultiPolygon, and nothing from other geometries', () => {
		const multi = { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], [[[10, 10], [14, 10], [14, 14], [10, 14], [10, 10]]]] };
		expect(pointInArea(multi)).toEqual([12, 12]);
		expect(pointInArea({ type: 'Point', coordinates: [1, 2] })).toBeNull();
		expect(pointInArea(null)).toBeNull();
	});
});
