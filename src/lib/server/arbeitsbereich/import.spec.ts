import { describe, expect, it } from 'vitest';
import { areasOf } from './import';

describe('work area import', () => {
	it('keeps polygons and turns closed polylines into polygons, skipping open lines and points', () => {
		const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
		const out = areasOf([
			{ geometry: { type: 'Polygon', coordinates: [square] } },
			{ geometry: { type: 'LineString', coordinates: square } },
			{ geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } },
			{ geometry: { type: 'MultiLineString', coordinates: [square, [[0, 0], [2, 2]]] } },
			{ geometry: { type: 'Point', coordinates: [0, 0] } },
			{ geometry: null }
		]);
		expect(out).toHaveLength(3);
		expect(out.every((f) => (f as { geometry: { type: string } }).geometry.type === 'Polygon')).toBe(true);
	});
});
