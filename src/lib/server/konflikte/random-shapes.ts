/**
 * @module konflikte/random-shapes
 * Seeded random polygon pairs for testing `distanceWithin` against jsts (spec) and PostGIS (oracle):
 * star-shaped polygons (always simple), some with a hole, multipolygons, thin corridors, and pairs
 * built to touch at a vertex, share an edge, contain one another, sit in a hole, cross, or run side by
 * side a few metres apart — the cases where a distance routine goes wrong.
 */
import type { Polygonal } from '$lib/baustellen';
import type { Rng } from '../demo/networks/prng';

export type PairKind = 'random' | 'vertex-touch' | 'edge-touch' | 'contains' | 'in-hole' | 'crossing' | 'multi' | 'parallel';
export const PAIR_KINDS: readonly PairKind[] = ['random', 'vertex-touch', 'edge-touch', 'contains', 'in-hole', 'crossing', 'multi', 'parallel'];

export interface ShapePair {
	kind: PairKind;
	a: Polygonal;
	b: Polygonal;
}

type Pt = [number, number];

function close(points: Pt[]): number[][] {
	return [...points.map((p) => [p[0], p[1]]), [points[0]![0], points[0]![1]]];
}

/** A star-shaped ring around c: n vertices at increasing angles, radii in [rMin, rMax]. */
function starRing(rng: Rng, c: Pt, rMin: number, rMax: number, n = rng.int(3, 14), clockwise = false): Pt[] {
	const angles = Array.from({ length: n }, (_, i) => ((i + rng.range(0.1, 0.9)) / n) * 2 * Math.PI).sort((x, y) => x - y);
	const pts = angles.map((t): Pt => {
		const r = rng.range(rMin, rMax);
		return [c[0] + r * Math.cos(t), c[1] + r * Math.sin(t)];
	});
	return clockwise ? pts.reverse() : pts;
}

function star(rng: Rng, c: Pt, rMin: number, rMax: number, n?: number): Polygonal {
	return { type: 'Polygon', coordinates: [close(starRing(rng, c, rMin, rMax, n))] };
}

/** A rotated rectangle: centre, half length along angle a, half width across. */
function rect(c: Pt, a: number, hl: number, hw: number): Pt[] {
	const ux = Math.cos(a);
	const uy = Math.sin(a);
	return [
		[c[0] - ux * hl + uy * hw, c[1] - uy * hl - ux * hw],
		[c[0] + ux * hl + uy * hw, c[1] + uy * hl - ux * hw],
		[c[0] + ux * hl - uy * hw, c[1] + uy * hl + ux * hw],
		[c[0] - ux * hl - uy * hw, c[1] - uy * hl + ux * hw]
	];
}

function randomCentre(rng: Rng): Pt {
	return [rng.range(695_000, 705_000), rng.range(5_705_000, 5_715_000)];
}

export function randomPair(rng: Rng, kind: PairKind): ShapePair {
	const c = randomCentre(rng);
	switch (kind) {
		case 'random': {
			const d = rng.range(0, 250);
			const t = rng.range(0, 2 * Math.PI);
			return { kind, a: star(rng, c, 5, 80), b: star(rng, [c[0] + d * Math.cos(t), c[1] + d * Math.sin(t)], 2, 60) };
		}
		case 'vertex-touch': {
			const ringA = starRing(rng, c, 20, 60);
			const v = rng.pick(ringA);
			// B's centre outside A along the direction of v, one of B's vertices exactly v
			const dx = v[0] - c[0];
			const dy = v[1] - c[1];
			const len = Math.hypot(dx, dy);
			const r = rng.range(5, 30);
			const cb: Pt = [v[0] + (dx / len) * r, v[1] + (dy / len) * r];
			const ringB = starRing(rng, cb, r * 0.5, r * 0.9);
			ringB.splice(rng.int(0, ringB.length - 1), 1, [v[0], v[1]]);
			return { kind, a: { type: 'Polygon', coordinates: [close(ringA)] }, b: { type: 'Polygon', coordinates: [close(starRingSafe(ringB, cb))] } };
		}
		case 'edge-touch': {
			const a = rng.range(0, Math.PI);
			const hl = rng.range(3, 150);
			const hw = rng.range(1, 4);
			const ra = rect(c, a, hl, hw);
			// B continues A along its axis and shares A's end edge exactly (same two vertices)
			const ux = Math.cos(a);
			const uy = Math.sin(a);
			const l2 = rng.range(2, 100);
			const p1 = ra[1]!;
			const p2 = ra[2]!;
			const rb: Pt[] = [p1, [p1[0] + ux * l2, p1[1] + uy * l2], [p2[0] + ux * l2, p2[1] + uy * l2], p2];
			return { kind, a: { type: 'Polygon', coordinates: [close(ra)] }, b: { type: 'Polygon', coordinates: [close(rb)] } };
		}
		case 'contains': {
			// ≥ 10 vertices keep every chord of the outer star ≥ 33 m from c; the inner one reaches ≤ 22 m
			const outer = star(rng, c, 40, 90, rng.int(10, 16));
			const inner = star(rng, [c[0] + rng.range(-5, 5), c[1] + rng.range(-5, 5)], 2, 15);
			return rng.chance(0.5) ? { kind, a: outer, b: inner } : { kind, a: inner, b: outer };
		}
		case 'in-hole': {
			// chords: outer ≥ 67 m from c, hole ring ≤ 50 m and its chords ≥ 29 m, island ≤ 22 m — valid and apart
			const outer = starRing(rng, c, 80, 100, rng.int(10, 16));
			const hole = starRing(rng, c, 35, 50, rng.int(10, 14), true);
			const island = star(rng, [c[0] + rng.range(-5, 5), c[1] + rng.range(-5, 5)], 3, 15);
			const withHole: Polygonal = { type: 'Polygon', coordinates: [close(outer), close(hole)] };
			return rng.chance(0.5) ? { kind, a: withHole, b: island } : { kind, a: island, b: withHole };
		}
		case 'crossing': {
			const a1 = rng.range(0, Math.PI);
			const a2 = a1 + rng.range(0.3, Math.PI - 0.3);
			const ra = rect(c, a1, rng.range(30, 150), rng.range(0.5, 3));
			const rb = rect([c[0] + rng.range(-5, 5), c[1] + rng.range(-5, 5)], a2, rng.range(30, 150), rng.range(0.5, 3));
			return { kind, a: { type: 'Polygon', coordinates: [close(ra)] }, b: { type: 'Polygon', coordinates: [close(rb)] } };
		}
		case 'multi': {
			const parts = (n: number, spread: number) =>
				Array.from({ length: n }, (_, i) => [close(starRing(rng, [c[0] + i * spread * 2.5 + rng.range(-3, 3), c[1] + rng.range(-spread, spread) * 4], 2, spread))]);
			const a: Polygonal = { type: 'MultiPolygon', coordinates: parts(rng.int(1, 3), rng.range(5, 20)) };
			const shift: Pt = [rng.range(-80, 80), rng.range(-80, 80)];
			const b: Polygonal = {
				type: 'MultiPolygon',
				coordinates: parts(rng.int(1, 3), rng.range(5, 20)).map((poly) => poly.map((r) => r.map((p) => [p[0]! + shift[0], p[1]! + shift[1]])))
			};
			return { kind, a, b };
		}
		case 'parallel': {
			const a = rng.range(0, Math.PI);
			const hw = rng.range(0.5, 3);
			const gap = rng.chance(0.2) ? 0 : rng.range(0, 6);
			const off = 2 * hw + gap;
			const cb: Pt = [c[0] - Math.sin(a) * off + Math.cos(a) * rng.range(-40, 40), c[1] + Math.cos(a) * off + Math.sin(a) * rng.range(-40, 40)];
			return { kind, a: { type: 'Polygon', coordinates: [close(rect(c, a, rng.range(10, 120), hw))] }, b: { type: 'Polygon', coordinates: [close(rect(cb, a + rng.range(-0.02, 0.02), rng.range(10, 120), hw))] } };
		}
	}
}

/** Keeps a ring whose one vertex was replaced star-shaped around cb (sorts by angle again). */
function starRingSafe(ring: Pt[], cb: Pt): Pt[] {
	return [...ring].sort((p, q) => Math.atan2(p[1] - cb[1], p[0] - cb[0]) - Math.atan2(q[1] - cb[1], q[0] - cb[0]));
}

/** `perKind` pairs of every kind. */
export function randomPairs(rng: Rng, perKind: number): ShapePair[] {
	return PAIR_KINDS.flatMap((kind) => Array.from({ length: perKind }, () => randomPair(rng, kind)));
}
