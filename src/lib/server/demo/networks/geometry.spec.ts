import { describe, expect, it } from 'vitest';
import {
	distanceToLine,
	keepWithinOffset,
	lineLength,
	offsetLine,
	pointInRing,
	projectOnLine,
	simplify,
	substring,
	type Line
} from './geometry';

/** Every point of `line`, sampled every 0.25 m, must lie `d` ± `tol` from `axis`. */
function expectOffset(line: Line, axis: Line, d: number, tol: number): void {
	for (let i = 1; i < line.length; i++) {
		const [a, b] = [line[i - 1]!, line[i]!];
		const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 0.25));
		for (let k = 0; k <= n; k++) {
			const p: [number, number] = [a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n];
			expect(Math.abs(distanceToLine(p, axis) - d)).toBeLessThanOrEqual(tol);
		}
	}
}

describe('offsetLine', () => {
	const straight: Line = [
		[0, 0],
		[100, 0]
	];
	it('moves a straight line sideways, left for positive offsets', () => {
		expect(offsetLine(straight, 2)).toEqual([
			[0, 2],
			[100, 2]
		]);
		expect(offsetLine(straight, -3)).toEqual([
			[0, -3],
			[100, -3]
		]);
	});

	it('keeps the distance around a right angle on both sides', () => {
		const corner: Line = [
			[0, 0],
			[50, 0],
			[50, 50]
		];
		for (const d of [2.5, -2.5, 5, -5]) {
			const line = offsetLine(corner, d);
			// convex side: round join, at most 5 cm sag; concave side: the miter, exact
			expectOffset(line, corner, Math.abs(d), 0.06);
		}
	});

	it('folds at a jog shorter than the offset, and keepWithinOffset cuts the fold away', () => {
		const jog: Line = [
			[0, 0],
			[50, 0],
			[50, 2],
			[100, 2]
		];
		const parts = keepWithinOffset(offsetLine(jog, 4), jog, 4, 0.3, 5);
		expect(parts.length).toBe(2);
		for (const part of parts) expectOffset(part, jog, 4, 0.3);
		expect(parts[0]![0]).toEqual([0, 4]);
		expect(parts[1]![parts[1]!.length - 1]).toEqual([100, 6]);
	});
});

describe('line helpers', () => {
	const line: Line = [
		[0, 0],
		[10, 0],
		[10, 10]
	];
	it('measures, cuts and projects along a line', () => {
		expect(lineLength(line)).toBe(20);
		expect(substring(line, 5, 15)).toEqual([
			[5, 0],
			[10, 0],
			[10, 5]
		]);
		expect(projectOnLine([12, 4], line)).toEqual({ point: [10, 4], s: 14, distance: 2 });
	});

	it('simplifies within its tolerance and keeps the ends', () => {
		const wiggly: Line = [
			[0, 0],
			[1, 0.05],
			[2, -0.05],
			[3, 0]
		];
		expect(simplify(wiggly, 0.1)).toEqual([
			[0, 0],
			[3, 0]
		]);
	});

	it('tells inside from outside of a ring', () => {
		const ring: Line = [
			[0, 0],
			[10, 0],
			[10, 10],
			[0, 10],
			[0, 0]
		];
		expect(pointInRing([5, 5], ring)).toBe(true);
		expect(pointInRing([15, 5], ring)).toBe(false);
	});
});
