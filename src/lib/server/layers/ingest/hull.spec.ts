import { describe, expect, it } from 'vitest';
import { HullCollector } from './hull';

describe('hull collector', () => {
	it('encloses every vertex, within one grid cell', () => {
		const h = new HullCollector();
		h.addCoordinates([[706010, 5707010], [706490, 5707020]]);
		h.addCoordinates([706200, 5707480]);
		const hull = h.hull()!;
		const xs = hull.coordinates[0]!.map((c) => c[0]!);
		const ys = hull.coordinates[0]!.map((c) => c[1]!);
		expect(Math.min(...xs)).toBe(706000);
		expect(Math.max(...xs)).toBe(706500);
		expect(Math.min(...ys)).toBe(5707000);
		expect(Math.max(...ys)).toBe(5707500);
	});

	it('is null without points', () => {
		expect(new HullCollector().hull()).toBeNull();
	});
});
