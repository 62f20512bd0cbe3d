import { describe, expect, it } from 'vitest';
import BufferOp from 'jsts/org/locationtech/jts/operation/buffer/BufferOp.js';
import BufferParameters from 'jsts/org/locationtech/jts/operation/buffer/BufferParameters.js';
import { intersection, toJsts, type JstsGeometry } from '$lib/server/auskunft/clip/jsts';
import { createRng } from '../demo/networks/prng';
import { boxesAlong, capsuleInterval, coverByLines, gaps, intersectIntervals, intervalsLength, measureRoute, mergeIntervals, nearArea, pointAt, substring, type Position } from './cover';

const X = 700_000;
const Y = 5_710_000;
const at = (x: number, y: number): Position => [X + x, Y + y];

/** jsts's buffer with many segments per quarter circle: an inscribed polygon ~1e-4 of r inside the capsule. */
function jstsCapsule(p: Position, q: Position, r: number): JstsGeometry {
	const params = new BufferParameters(64);
	return BufferOp.bufferOp(toJsts({ type: 'LineString', coordinates: [p, q] }) as never, r, params) as unknown as JstsGeometry;
}

describe('capsuleInterval', () => {
	it('finds the stretch of a parallel segment inside the corridor, end discs included', () => {
		// route along y = 0 from x = 0 to 100; line at y = 3 from x = 20 to 70; corridor 5 m
		const t = capsuleInterval(at(0, 0), at(100, 0), at(20, 3), at(70, 3), 5)!;
		expect(t[0] * 100).toBeCloseTo(20 - 4, 9);
		expect(t[1] * 100).toBeCloseTo(70 + 4, 9);
		expect(capsuleInterval(at(0, 0), at(100, 0), at(20, 6), at(70, 6), 5)).toBeNull();
		// a point-like line is a disc
		const d = capsuleInterval(at(0, 0), at(100, 0), at(50, 3), at(50, 3), 5)!;
		expect([d[0] * 100, d[1] * 100]).toEqual([46, 54]);
	});

	it('agrees with jsts (segment ∩ buffer) on random segment pairs', () => {
		const rng = createRng(11);
		let met = 0;
		for (let i = 0; i < 2_000; i++) {
			const a = at(rng.range(0, 60), rng.range(0, 60));
			const b = at(rng.range(0, 60), rng.range(0, 60));
			const p = at(rng.range(0, 60), rng.range(0, 60));
			const q = i % 10 === 0 ? p : at(rng.range(0, 60), rng.range(0, 60));
			const r = rng.range(0.5, 12);
			const len = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!);
			const t = capsuleInterval(a, b, p, q, r);
			const ours = t ? (t[1] - t[0]) * len : 0;
			const theirs = intersection(toJsts({ type: 'LineString', coordinates: [a, b] }), jstsCapsule(p, q, r)).getLength();
			if (theirs > 0) met++;
			expect(Math.abs(ours - theirs)).toBeLessThan(2e-3 * r + 1e-6);
		}
		expect(met).toBeGreaterThan(300);
	});
});

describe('coverByLines', () => {
	const route = measureRoute([[at(0, 0), at(100, 0)], [at(100, 10), at(100, 110)]]);

	it('measures along the route across its parts', () => {
		expect(route.lengthM).toBe(200);
		expect(route.along).toEqual([[0, 100], [100, 200]]);
	});

	it('counts lines along the route, not lines crossing it', () => {
		const along = [[at(20, 2), at(60, 2)]];
		const across = [[at(50, -20), at(50, 20)]];
		const secondPart = [[at(98, 40), at(98, 60)]];
		const [a, c, s] = coverByLines(route, [along, across, secondPart], 3);
		// the end discs reach sqrt(3² − 2²) beyond the line's ends
		expect(a![0]![0]).toBeCloseTo(20 - Math.sqrt(5), 9);
		expect(a![0]![1]).toBeCloseTo(60 + Math.sqrt(5), 9);
		expect(c).toEqual([]);
		// the second part starts 100 m along the route, at y = 10
		expect(s![0]![0]).toBeCloseTo(100 + 30 - Math.sqrt(5), 9);
		expect(s![0]![1]).toBeCloseTo(100 + 50 + Math.sqrt(5), 9);
	});

	it('merges the stretches of all segments of one line', () => {
		const bent = [[at(10, 1), at(40, 2), at(80, 1)]];
		const [cover] = coverByLines(route, [bent], 3);
		expect(cover).toHaveLength(1);
		expect(intervalsLength(cover!)).toBeGreaterThan(70);
	});
});

describe('intervals', () => {
	it('merges overlapping and touching intervals and finds the gaps', () => {
		const merged = mergeIntervals([[50, 60], [0, 10], [5, 20], [20, 30]]);
		expect(merged).toEqual([[0, 30], [50, 60]]);
		expect(intervalsLength(merged)).toBe(40);
		expect(gaps(merged, 100)).toEqual([[30, 50], [60, 100]]);
		expect(gaps([], 100)).toEqual([[0, 100]]);
	});

	it('intersects two merged lists', () => {
		expect(intersectIntervals([[0, 10], [20, 30]], [[5, 25]])).toEqual([[5, 10], [20, 25]]);
		expect(intersectIntervals([[0, 10]], [[10, 20]])).toEqual([]);
		expect(intersectIntervals([], [[0, 1]])).toEqual([]);
	});
});

describe('pointAt', () => {
	it('walks the route across its parts and stops at its ends', () => {
		const route = measureRoute([[at(0, 0), at(100, 0)], [at(100, 10), at(100, 110)]]);
		expect(pointAt(route, 40)).toEqual(at(40, 0));
		expect(pointAt(route, 150)).toEqual(at(100, 60));
		expect(pointAt(route, 500)).toEqual(at(100, 110));
	});
});

describe('substring', () => {
	it('cuts the route between two along-distances, vertices kept, across parts', () => {
		const route = measureRoute([[at(0, 0), at(50, 0), at(100, 0)], [at(100, 10), at(100, 110)]]);
		expect(substring(route, 25, 75)).toEqual([[at(25, 0), at(50, 0), at(75, 0)]]);
		expect(substring(route, 90, 120)).toEqual([
			[at(90, 0), at(100, 0)],
			[at(100, 10), at(100, 30)]
		]);
	});
});

describe('nearArea', () => {
	const square = (x0: number, y0: number, x1: number, y1: number): Position[][] => [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]];

	it('takes the stretch inside an area and the approach within the distance', () => {
		const route = measureRoute([[at(0, 50), at(200, 50)]]);
		const [[a, b]] = nearArea(route, [square(80, 0, 120, 100)], 5) as [[number, number]];
		expect(a).toBeCloseTo(75, 9);
		expect(b).toBeCloseTo(125, 9);
	});

	it('takes a route alongside within the distance and leaves one further away', () => {
		const route = measureRoute([[at(0, 104), at(200, 104)]]);
		expect(nearArea(route, [square(80, 0, 120, 100)], 5)).toHaveLength(1);
		expect(nearArea(route, [square(80, 0, 120, 100)], 3)).toEqual([]);
	});

	it('agrees with jsts (route ∩ buffer of the area) on random routes through a wide area', () => {
		const rng = createRng(5);
		const area = square(20, 20, 60, 45);
		const areaJsts = toJsts({ type: 'Polygon', coordinates: area });
		for (let i = 0; i < 300; i++) {
			const route = [at(rng.range(0, 80), rng.range(0, 80)), at(rng.range(0, 80), rng.range(0, 80)), at(rng.range(0, 80), rng.range(0, 80))];
			const d = rng.range(0.5, 8);
			const ours = intervalsLength(nearArea(measureRoute([route]), [area], d));
			const grown = BufferOp.bufferOp(areaJsts as never, d, new BufferParameters(64)) as unknown as JstsGeometry;
			const theirs = intersection(toJsts({ type: 'LineString', coordinates: route }), grown).getLength();
			expect(Math.abs(ours - theirs)).toBeLessThan(5e-3 * d + 1e-6);
		}
	});
});

describe('boxesAlong', () => {
	it('splits a long route into boxes of limited size that together hold every segment', () => {
		const route = measureRoute([[at(0, 0), at(100, 0), at(300, 0), at(300, 500), at(320, 510)]]);
		const boxes = boxesAlong(route, 250, 5);
		expect(boxes.length).toBeGreaterThan(2);
		for (const b of boxes) {
			expect(b[2] - b[0]).toBeLessThanOrEqual(250 + 10 + 1e-9);
			expect(b[3] - b[1]).toBeLessThanOrEqual(250 + 10 + 1e-9);
		}
		// every point of the route lies in some box
		const inside = (p: number[], b: number[]) => p[0]! >= b[0]! && p[0]! <= b[2]! && p[1]! >= b[1]! && p[1]! <= b[3]!;
		for (let d = 0; d <= route.lengthM; d += 0.5) {
			const [[p]] = substring(route, d, Math.min(route.lengthM, d + 0.01)) as [[number[]]];
			expect(boxes.some((b) => inside(p, b)), `at ${d} m`).toBe(true);
		}
	});
});
