import { describe, expect, it } from 'vitest';
import { seededRandom } from '../reader/synthetic';
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

	it('encloses every cell corner of random point sets, with nothing but corners as vertices (jsts’s ConvexHull missed corners in some)', () => {
		const rnd = seededRandom(1);
		for (let t = 0; t < 300; t++) {
			const h = new HullCollector();
			const corners = new Set<string>();
			const count = [1, 2, 5, 50, 500, 5000][Math.floor(rnd() * 6)]!;
			for (let i = 0; i < count; i++) {
				const x = 700_000 + rnd() * 20_000;
				const y = 5_700_000 + rnd() * (t % 2 ? 20_000 : 500);
				h.add(x, y);
				const cx = Math.floor(x / 25) * 25;
				const cy = Math.floor(y / 25) * 25;
				for (const [dx, dy] of [[0, 0], [25, 0], [0, 25], [25, 25]] as const) corners.add(`${cx + dx},${cy + dy}`);
			}
			const ring = h.hull()!.coordinates[0]!;
			expect(ring[0]).toEqual(ring.at(-1));
			expect(ring.filter(([x, y]) => !corners.has(`${x},${y}`))).toEqual([]);
			// clockwise and convex: every corner on the right of (or on) every edge
			let outside = 0;
			for (const key of corners) {
				const [x, y] = key.split(',').map(Number) as [number, number];
				for (let i = 1; i < ring.length; i++) {
					const [ax, ay] = ring[i - 1]!;
					const [bx, by] = ring[i]!;
					if ((bx! - ax!) * (y - ay!) - (by! - ay!) * (x - ax!) > 0) outside++;
				}
			}
			expect(outside, `set ${t}`).toBe(0);
		}
	});
});
