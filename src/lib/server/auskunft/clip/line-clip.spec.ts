import { describe, expect, it } from 'vitest';
import { AreaIndex, BOUNDARY, EXTERIOR, INTERIOR } from './area-index';
import { clipPaths, isFallback, type LinePieces, type Position } from './line-clip';
import { hasSelfOverlap } from './self-overlap';
import { orient, orientExact } from './predicates';

const square = (x0: number, y0: number, s: number) => [
	[x0, y0],
	[x0 + s, y0],
	[x0 + s, y0 + s],
	[x0, y0 + s],
	[x0, y0]
];
/** 0..100 square with a 40..60 hole */
const holed = new AreaIndex([[square(0, 0, 100), square(40, 40, 20).reverse()]]);

const len = (runs: Position[][]) =>
	runs.reduce((s, r) => s + r.slice(1).reduce((t, p, i) => t + Math.hypot(p[0]! - r[i]![0]!, p[1]! - r[i]![1]!), 0), 0);

function pieces(index: AreaIndex, paths: Position[][]): LinePieces {
	const r = clipPaths(index, paths, true);
	if (isFallback(r)) throw new Error(`unexpected fallback: ${r.fallback}`);
	return r;
}

describe('orient', () => {
	it('agrees with the exact sign where the double determinant rounds wrong', () => {
		// points a hair off the line y = x at UTM magnitudes: the naive determinant is pure rounding noise
		const x = 706_412.37;
		const ulp = 2 ** -33; // one ulp at 706 412 (between 2^19 and 2^20)
		for (const dy of [-ulp, 0, ulp]) {
			const got = orient(x, x, x + 0.1, x + 0.1, x + 0.3, x + 0.3 + dy);
			expect(got).toBe(orientExact(x, x, x + 0.1, x + 0.1, x + 0.3, x + 0.3 + dy));
		}
		expect(orient(0.5, 0.5, 12, 12, 24, 24)).toBe(0);
		expect(orient(0, 0, 1, 0, 0.5, 1e-300)).toBe(1);
		expect(orient(0, 0, 1, 0, 0.5, -5e-324)).toBe(-1);
	});

	it('matches a rational computation on Kettner et al.’s classroom example', () => {
		// p = (0.5 + i·u, 0.5 + j·u), q = (12, 12), r = (24, 24): the naive double determinant gives
		// a chaotic sign pattern; the exact one is the sign of (j − i)
		const u = 2 ** -53;
		for (let i = 0; i < 16; i++)
			for (let j = 0; j < 16; j++) {
				const px = 0.5 + i * u;
				const py = 0.5 + j * u;
				expect(orient(px, py, 12, 12, 24, 24)).toBe(orientExact(px, py, 12, 12, 24, 24));
				// exact: q − p and r − p; orientation of (q, r, p) is the sign of (py − px)·12·… ⇒ sign(j − i)
				expect(orient(12, 12, 24, 24, px, py)).toBe(Math.sign(py - px));
			}
	});
});

describe('AreaIndex.locate', () => {
	it('tells interior, boundary and exterior exactly, holes included', () => {
		expect(holed.locate(10, 10)).toBe(INTERIOR);
		expect(holed.locate(50, 50)).toBe(EXTERIOR); // in the hole
		expect(holed.locate(40, 50)).toBe(BOUNDARY); // on the hole's edge
		expect(holed.locate(60, 60)).toBe(BOUNDARY); // hole vertex
		expect(holed.locate(0, 0)).toBe(BOUNDARY);
		expect(holed.locate(100, 37.5)).toBe(BOUNDARY);
		expect(holed.locate(100.000001, 37.5)).toBe(EXTERIOR);
		expect(holed.locate(-1, 50)).toBe(EXTERIOR);
		expect(holed.locate(99.999999, 0.000001)).toBe(INTERIOR);
	});

	it('counts a ray through a vertex once (JTS half-open rule)', () => {
		const diamond = new AreaIndex([
			[
				[
					[0, 0],
					[10, 10],
					[20, 0],
					[10, -10],
					[0, 0]
				]
			]
		]);
		expect(diamond.locate(5, 0)).toBe(INTERIOR); // ray passes through the vertex (20, 0)
		expect(diamond.locate(-5, 0)).toBe(EXTERIOR); // through both (0, 0) and (20, 0)
		expect(diamond.locate(5, 10)).toBe(EXTERIOR); // ray grazes the top vertex
	});

	it('an empty area contains nothing', () => {
		const empty = new AreaIndex([]);
		expect(empty.locate(0, 0)).toBe(EXTERIOR);
		expect(pieces(empty, [[[0, 0], [1, 1]]]).inside).toEqual([]);
	});
});

describe('clipPaths', () => {
	it('clips a line crossing the area and its hole', () => {
		const r = pieces(holed, [[[-10, 50], [110, 50]]]);
		expect(r.inside).toEqual([
			[[0, 50], [40, 50]],
			[[60, 50], [100, 50]]
		]);
		expect(len(r.outside)).toBeCloseTo(40, 12);
		expect(r.touches).toEqual([]);
	});

	it('keeps a line along the boundary (the boundary belongs to the area)', () => {
		const r = pieces(holed, [[[-10, 0], [50, 0], [50, -5]]]);
		expect(r.inside).toEqual([[[0, 0], [50, 0]]]);
		expect(len(r.outside)).toBeCloseTo(15, 12);
	});

	it('keeps a line along a hole edge', () => {
		const r = pieces(holed, [[[40, 30], [40, 70]]]);
		expect(len(r.inside)).toBeCloseTo(40, 12);
		expect(r.outside).toEqual([]);
	});

	it('returns a touch point for a line that only grazes a corner', () => {
		const r = pieces(holed, [[[-10, 10], [0, 0], [10, -10]]]);
		expect(r.inside).toEqual([]);
		expect(r.touches).toEqual([[0, 0]]);
	});

	it('returns a touch point where a line ends on the boundary from outside', () => {
		const r = pieces(holed, [[[-10, 50], [0, 50]]]);
		expect(r.inside).toEqual([]);
		expect(r.touches).toEqual([[0, 50]]);
	});

	it('passes through a vertex into the interior without a touch point', () => {
		const r = pieces(holed, [[[-10, -10], [50, 50]]]);
		// enters at the corner (0, 0), leaves into the hole at (40, 40)
		expect(r.inside).toEqual([[[0, 0], [40, 40]]]);
		expect(r.touches).toEqual([]);
	});

	it('touches a hole corner from inside: one run, no break', () => {
		const r = pieces(holed, [[[20, 80], [40, 60], [20, 40]]]);
		expect(r.inside).toEqual([[[20, 80], [40, 60], [20, 40]]]);
	});

	it('interpolates Z at computed points and keeps input vertices as given', () => {
		const r = pieces(holed, [[[-10, 50, 1], [10, 50, 3]]]);
		expect(r.inside).toEqual([[[0, 50, 2], [10, 50, 3]]]);
	});

	it('hands self-overlapping lines to jsts', () => {
		expect(
			clipPaths(holed, [
				[
					[10, 10],
					[20, 10],
					[15, 10]
				]
			])
		).toEqual({ fallback: 'self-overlap' });
		expect(clipPaths(holed, [[[10, 10]]])).toEqual({ fallback: 'degenerate-line' });
		expect(
			clipPaths(holed, [
				[
					[1, 1],
					[NaN, 2]
				]
			])
		).toEqual({ fallback: 'non-finite' });
	});
});

describe('hasSelfOverlap', () => {
	it('finds fold-backs and overlapping parts, not crossings', () => {
		expect(hasSelfOverlap([[[0, 0], [10, 0], [5, 0]]])).toBe(true);
		expect(hasSelfOverlap([[[0, 0], [10, 0]], [[5, 0], [20, 0]]])).toBe(true);
		expect(hasSelfOverlap([[[0, 0], [10, 0], [10, 10], [5, -5]]])).toBe(false);
		expect(hasSelfOverlap([[[0, 0], [10, 0], [20, 0]]])).toBe(false);
		expect(hasSelfOverlap([[[0, 0], [10, 0]], [[10, 0], [20, 0]]])).toBe(false);
		// the sweep branch (> 24 segments)
		const zigzag: Position[] = Array.from({ length: 40 }, (_, i) => [i, i % 2]);
		expect(hasSelfOverlap([zigzag])).toBe(false);
		expect(hasSelfOverlap([zigzag, [[3, 1], [5, 1], [4.5, 0.5], [3.5, 0.5]]])).toBe(true);
	});
});
