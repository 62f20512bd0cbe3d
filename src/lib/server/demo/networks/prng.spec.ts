import { describe, expect, it } from 'vitest';
import { createRng, rngFor } from './prng';

describe('prng', () => {
	it('repeats a stream for the same seed and labels', () => {
		const a = rngFor(7, 'wasser', 'way/1');
		const b = rngFor(7, 'wasser', 'way/1');
		const draws = (r: ReturnType<typeof createRng>) => Array.from({ length: 20 }, () => r.next());
		expect(draws(a)).toEqual(draws(b));
		expect(draws(rngFor(7, 'wasser', 'way/2'))).not.toEqual(draws(rngFor(7, 'wasser', 'way/1')));
		expect(draws(rngFor(8, 'wasser', 'way/1'))).not.toEqual(draws(rngFor(7, 'wasser', 'way/1')));
	});

	it('stays in range', () => {
		const r = createRng(1);
		let outside = 0;
		for (let i = 0; i < 10_000; i++) {
			const x = r.next();
			const n = r.int(4, 24);
			if (!(x >= 0 && x < 1) || !Number.isInteger(n) || n < 4 || n > 24) outside++;
		}
		expect(outside).toBe(0);
	});

	it('draws weighted choices near their weights', () => {
		const r = createRng(2);
		let a = 0;
		for (let i = 0; i < 10_000; i++) if (r.weighted([['a', 3], ['b', 1]] as const) === 'a') a++;
		expect(a / 10_000).toBeGreaterThan(0.72);
		expect(a / 10_000).toBeLessThan(0.78);
	});
});
