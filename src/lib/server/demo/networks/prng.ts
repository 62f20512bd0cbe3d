/**
 * @module demo/networks/prng
 * Seeded pseudo-random numbers for the demo generator. Never Math.random: the committed demo data
 * must come out byte-identical on every run.
 *
 * Every street and layer draws from its own stream (`rngFor(seed, layer, street)`), so adding a
 * network or a street changes only that part of the output instead of shifting every later draw.
 */

export interface Rng {
	/** uniform in [0, 1) */
	next(): number;
	/** uniform in [min, max) */
	range(min: number, max: number): number;
	/** integer in [min, max], both inclusive */
	int(min: number, max: number): number;
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** one value, chosen with the given relative weights */
	weighted<T>(entries: readonly (readonly [T, number])[]): T;
	/** approximately normal (sum of uniforms), mean and standard deviation */
	normal(mean: number, sd: number): number;
}

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain, bryc). */
export function hashString(text: string, seed = 0): number {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** mulberry32: 32-bit state, passes gjrand's tests at this size; plenty for demo data. */
export function createRng(seed: number): Rng {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const rng: Rng = {
		next,
		range: (min, max) => min + (max - min) * next(),
		int: (min, max) => min + Math.floor((max - min + 1) * next()),
		chance: (p) => next() < p,
		pick: (items) => {
			if (items.length === 0) throw new Error('pick from an empty list');
			return items[Math.floor(items.length * next())] as (typeof items)[number];
		},
		weighted: (entries) => {
			const total = entries.reduce((sum, [, w]) => sum + w, 0);
			let r = next() * total;
			for (const [value, w] of entries) {
				r -= w;
				if (r < 0) return value;
			}
			const last = entries[entries.length - 1];
			if (!last) throw new Error('weighted pick from an empty list');
			return last[0];
		},
		normal: (mean, sd) => mean + sd * (next() + next() + next() + next() - 2) * Math.sqrt(3)
	};
	return rng;
}

/** An independent stream for one part of the output, e.g. `rngFor(seed, 'wasser', streetId)`. */
export function rngFor(seed: number, ...labels: (string | number)[]): Rng {
	return createRng(hashString(labels.join('\u0000'), seed));
}
