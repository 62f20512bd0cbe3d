import { describe, expect, it } from 'vitest';
import DistanceOp from 'jsts/org/locationtech/jts/operation/distance/DistanceOp.js';
import type { Polygonal } from '$lib/baustellen';
import { toJsts } from '$lib/server/auskunft/clip/jsts';
import { createRng } from '../demo/networks/prng';
import { bboxDistance, distanceWithin, polygonalBbox, polygonalDistance, segmentDistance } from './distance';
import { PAIR_KINDS, randomPairs } from './random-shapes';

const X = 700_000;
const Y = 5_710_000;
type Polygon = Extract<Polygonal, { type: 'Polygon' }>;
/** axis-aligned rectangle in EPSG:25832 around the test origin */
const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
	type: 'Polygon',
	coordinates: [[[X + x0, Y + y0], [X + x1, Y + y0], [X + x1, Y + y1], [X + x0, Y + y1], [X + x0, Y + y0]]]
});

describe('segmentDistance', () => {
	it('is 0 for crossing and touching segments, else the nearest endpoint-to-segment distance', () => {
		expect(segmentDistance(0, 0, 10, 10, 0, 10, 10, 0)).toBe(0);
		expect(segmentDistance(0, 0, 10, 0, 5, 0, 5, 5)).toBe(0);
		expect(segmentDistance(0, 0, 10, 0, 10, 0, 20, 3)).toBe(0);
		expect(segmentDistance(0, 0, 10, 0, 3, 4, 7, 4)).toBe(4);
		expect(segmentDistance(0, 0, 10, 0, 13, 4, 20, 4)).toBe(5);
		// collinear, apart
		expect(segmentDistance(0, 0, 10, 0, 12, 0, 20, 0)).toBe(2);
	});
});

describe('polygonalDistance', () => {
	it('measures the gap between disjoint areas, edge to edge and corner to corner', () => {
		expect(polygonalDistance(box(0, 0, 10, 10), box(20, 0, 30, 10))).toBe(10);
		expect(polygonalDistance(box(0, 0, 10, 10), box(13, 14, 20, 20))).toBe(5);
	});

	it('is 0 when areas touch at an edge or a corner, cross, or one contains the other', () => {
		expect(polygonalDistance(box(0, 0, 10, 10), box(10, 2, 20, 8))).toBe(0);
		expect(polygonalDistance(box(0, 0, 10, 10), box(10, 10, 20, 20))).toBe(0);
		expect(polygonalDistance(box(0, 4, 30, 6), box(14, -10, 16, 20))).toBe(0);
		expect(polygonalDistance(box(0, 0, 100, 100), box(40, 40, 60, 60))).toBe(0);
		expect(polygonalDistance(box(40, 40, 60, 60), box(0, 0, 100, 100))).toBe(0);
	});

	it('does not count an island in a hole as contained: its distance is the gap to the hole', () => {
		const withHole: Polygonal = {
			type: 'Polygon',
			coordinates: [box(0, 0, 100, 100).coordinates[0]!, [...box(20, 20, 80, 80).coordinates[0]!].reverse()]
		};
		expect(polygonalDistance(withHole, box(30, 40, 50, 60))).toBe(10);
		expect(polygonalDistance(box(30, 40, 50, 60), withHole)).toBe(10);
	});

	it('takes the nearest part of a MultiPolygon and accepts rings that are not closed', () => {
		const multi: Polygonal = { type: 'MultiPolygon', coordinates: [box(0, 0, 5, 5).coordinates, box(50, 0, 55, 5).coordinates] };
		expect(polygonalDistance(multi, box(60, 0, 70, 5))).toBe(5);
		const open: Polygonal = { type: 'Polygon', coordinates: [box(20, 0, 30, 5).coordinates[0]!.slice(0, 4)] };
		// the closing edge x = 20 is the near one
		expect(polygonalDistance(open, box(0, 0, 15, 5))).toBe(5);
	});

	it('answers Infinity beyond the limit, and the exact value at or under it', () => {
		const a = box(0, 0, 10, 10);
		const b = box(60, 0, 70, 10);
		expect(distanceWithin(a, b, 49.999)).toBe(Infinity);
		expect(distanceWithin(a, b, 50)).toBe(50);
		expect(distanceWithin(a, b, 0)).toBe(Infinity);
		expect(distanceWithin(a, box(10, 0, 20, 10), 0)).toBe(0);
	});

	it('has bbox helpers consistent with the geometry', () => {
		expect(polygonalBbox(box(1, 2, 3, 4))).toEqual([X + 1, Y + 2, X + 3, Y + 4]);
		expect(bboxDistance([0, 0, 1, 1], [4, 5, 6, 6])).toBe(5);
		expect(bboxDistance([0, 0, 1, 1], [1, 0, 2, 1])).toBe(0);
	});
});

describe('polygonalDistance vs jsts DistanceOp', () => {
	it(`agrees within 1e-6 m on ${PAIR_KINDS.length * 150} random pairs (touching, containing, holes, crossing, multi)`, () => {
		const pairs = randomPairs(createRng(4711), 150);
		const bad: string[] = [];
		const zeros: Record<string, number> = {};
		for (const [i, p] of pairs.entries()) {
			const mine = polygonalDistance(p.a, p.b);
			const theirs = DistanceOp.distance(toJsts(p.a) as never, toJsts(p.b) as never);
			if (!(Math.abs(mine - theirs) <= 1e-6)) bad.push(`#${i} ${p.kind}: ${mine} vs jsts ${theirs}`);
			if (theirs === 0) zeros[p.kind] = (zeros[p.kind] ?? 0) + 1;
			// the limit never changes the value, only cuts it off
			const limited = distanceWithin(p.a, p.b, theirs + 1e-6);
			if (!(Math.abs(limited - theirs) <= 1e-6)) bad.push(`#${i} ${p.kind}: limited ${limited} vs ${theirs}`);
		}
		expect(bad).toEqual([]);
		// the generators really produce the interesting cases
		expect(zeros['vertex-touch']).toBe(150);
		expect(zeros['edge-touch']).toBe(150);
		expect(zeros['contains']).toBe(150);
		expect(zeros['crossing']).toBe(150);
		expect(zeros['in-hole'] ?? 0).toBe(0);
	});
});
