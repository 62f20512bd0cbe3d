import { describe, expect, it } from 'vitest';
import { segmentMeetsBox, type Box } from './segment';

const box: Box = [0, 0, 10, 10];

describe('segmentMeetsBox', () => {
	it('finds segments inside, crossing, and touching the boundary', () => {
		expect(segmentMeetsBox(2, 2, 3, 3, box)).toBe(true);
		expect(segmentMeetsBox(-5, 5, 15, 5, box)).toBe(true);
		expect(segmentMeetsBox(-5, -5, 0, 0, box)).toBe(true); // ends on the corner
		expect(segmentMeetsBox(10, -3, 10, 20, box)).toBe(true); // along the right edge
		expect(segmentMeetsBox(4, 4, 4, 4, box)).toBe(true); // a point inside
	});

	it('misses segments beside the box, also when their line would cross it', () => {
		expect(segmentMeetsBox(11, 0, 11, 10, box)).toBe(false);
		expect(segmentMeetsBox(-5, 12, 20, 11, box)).toBe(false);
		expect(segmentMeetsBox(12, 12, 20, 20, box)).toBe(false); // on the diagonal's line, beyond the corner
		expect(segmentMeetsBox(-1, 5, -0.5, 5, box)).toBe(false);
	});

	it('agrees with sampling on random segments', () => {
		let seed = 7;
		const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 30 - 10;
		for (let i = 0; i < 2000; i++) {
			const [ax, ay, bx, by] = [rnd(), rnd(), rnd(), rnd()];
			let sampled = false;
			for (let k = 0; k <= 4000 && !sampled; k++) {
				const x = ax + ((bx - ax) * k) / 4000;
				const y = ay + ((by - ay) * k) / 4000;
				sampled = x >= 0 && x <= 10 && y >= 0 && y <= 10;
			}
			// sampling can only miss a grazing hit, never invent one
			if (sampled) expect(segmentMeetsBox(ax, ay, bx, by, box)).toBe(true);
		}
	});
});
