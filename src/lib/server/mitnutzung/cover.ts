/**
 * @module mitnutzung/cover
 * Which stretches of a planned route run along existing lines, pure: EPSG:25832, metres; a route is
 * measured along its parts one after the other ("along" = metres from the route's start).
 *
 * A route point is covered by a line when it lies within `corridorM` of it (the line's capsule) and the
 * route runs roughly parallel to it there. The parallel test keeps a duct that merely crosses the route
 * at a junction from counting as ~2 × corridor of reusable duct: reuse means pulling cable *along* it.
 * The capsule of one line segment is convex, so a route segment meets it in one interval: the union of
 * its meetings with the rectangle and the two end discs.
 */
import Flatbush from 'flatbush';

export type Position = number[];
/** [from, to] in metres along the route, from ≤ to */
export type Interval = [number, number];

/** Route and line directions further apart than this do not cover each other (crossings, junctions). */
export const MAX_ANGLE_DEG = 30;

export interface RouteIndex {
	parts: Position[][];
	/** along-distance at each vertex, per part */
	along: number[][];
	lengthM: number;
}

/** Along-distances of the route's vertices; parts follow each other without a gap. */
export function measureRoute(parts: Position[][]): RouteIndex {
	let total = 0;
	const along = parts.map((part) => {
		const a: number[] = [];
		part.forEach((p, i) => {
			if (i > 0) total += Math.hypot(p[0]! - part[i - 1]![0]!, p[1]! - part[i - 1]![1]!);
			a.push(total);
		});
		return a;
	});
	return { parts, along, lengthM: total };
}

/** Intervals sorted and merged where they overlap or touch. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
	const sorted = intervals.filter(([a, b]) => b >= a).sort((x, y) => x[0] - y[0]);
	const out: Interval[] = [];
	for (const [a, b] of sorted) {
		const last = out[out.length - 1];
		if (last && a <= last[1] + 1e-9) last[1] = Math.max(last[1], b);
		else out.push([a, b]);
	}
	return out;
}

/** Where both merged interval lists hold. */
export function intersectIntervals(a: Interval[], b: Interval[]): Interval[] {
	const out: Interval[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const lo = Math.max(a[i]![0], b[j]![0]);
		const hi = Math.min(a[i]![1], b[j]![1]);
		if (lo < hi) out.push([lo, hi]);
		if (a[i]![1] < b[j]![1]) i++;
		else j++;
	}
	return out;
}

export function intervalsLength(intervals: Interval[]): number {
	return intervals.reduce((s, [a, b]) => s + (b - a), 0);
}

/** The parts of [0, lengthM] no interval covers. `intervals` must be merged. */
export function gaps(intervals: Interval[], lengthM: number): Interval[] {
	const out: Interval[] = [];
	let at = 0;
	for (const [a, b] of intervals) {
		if (a > at) out.push([at, a]);
		at = Math.max(at, b);
	}
	if (at < lengthM) out.push([at, lengthM]);
	return out;
}

/** Where t ∈ [0, 1] along a→b lies within r of c: the chord of the disc, or null. */
function discInterval(ax: number, ay: number, dx: number, dy: number, cx: number, cy: number, r: number): Interval | null {
	const fx = ax - cx;
	const fy = ay - cy;
	const a = dx * dx + dy * dy;
	const b = 2 * (fx * dx + fy * dy);
	const c = fx * fx + fy * fy - r * r;
	const disc = b * b - 4 * a * c;
	if (disc < 0) return null;
	const s = Math.sqrt(disc);
	const t0 = Math.max(0, (-b - s) / (2 * a));
	const t1 = Math.min(1, (-b + s) / (2 * a));
	return t0 <= t1 ? [t0, t1] : null;
}

/**
 * Where t ∈ [0, 1] along the route segment a→b lies within r of the line segment p→q (its capsule), or
 * null. Liang–Barsky in the line segment's own frame for the rectangle, chords for the end discs.
 */
export function capsuleInterval(a: Position, b: Position, p: Position, q: Position, r: number): Interval | null {
	const [ax, ay] = [a[0]!, a[1]!];
	const dx = b[0]! - ax;
	const dy = b[1]! - ay;
	if (dx === 0 && dy === 0) return null;
	const ux0 = q[0]! - p[0]!;
	const uy0 = q[1]! - p[1]!;
	const len = Math.hypot(ux0, uy0);
	const pieces: Interval[] = [];
	const d1 = discInterval(ax, ay, dx, dy, p[0]!, p[1]!, r);
	if (d1) pieces.push(d1);
	if (len > 0) {
		const d2 = discInterval(ax, ay, dx, dy, q[0]!, q[1]!, r);
		if (d2) pieces.push(d2);
		const ux = ux0 / len;
		const uy = uy0 / len;
		// a in the frame (u along p→q, v across it), and the direction in that frame
		const pu = (ax - p[0]!) * ux + (ay - p[1]!) * uy;
		const pv = -(ax - p[0]!) * uy + (ay - p[1]!) * ux;
		const du = dx * ux + dy * uy;
		const dv = -dx * uy + dy * ux;
		let t0 = 0;
		let t1 = 1;
		let inside = true;
		for (const [k, m] of [
			[-du, pu],
			[du, len - pu],
			[-dv, pv + r],
			[dv, r - pv]
		] as const) {
			if (k === 0) {
				if (m < 0) inside = false;
				continue;
			}
			const t = m / k;
			if (k < 0) t0 = Math.max(t0, t);
			else t1 = Math.min(t1, t);
		}
		if (inside && t0 <= t1) pieces.push([t0, t1]);
	}
	if (!pieces.length) return null;
	// the capsule is convex: its meeting with the segment is one interval, the pieces' hull
	return [Math.min(...pieces.map((x) => x[0])), Math.max(...pieces.map((x) => x[1]))];
}

/** The angle between two directions, ignoring orientation: 0–90°. */
function angleDeg(dx1: number, dy1: number, dx2: number, dy2: number): number {
	const cos = Math.abs(dx1 * dx2 + dy1 * dy2) / (Math.hypot(dx1, dy1) * Math.hypot(dx2, dy2));
	return (Math.acos(Math.min(1, cos)) * 180) / Math.PI;
}

interface Segment {
	p: Position;
	q: Position;
	/** which line (index into `lines`) it belongs to */
	line: number;
}

/**
 * For each line, the route stretches it covers (merged, metres along the route): within `corridorM` of
 * the line and running within `maxAngleDeg` of its direction (90: any direction).
 * @param lines each line as its parts (LineString → one part), EPSG:25832
 */
export function coverByLines(route: RouteIndex, lines: Position[][][], corridorM: number, maxAngleDeg = MAX_ANGLE_DEG): Interval[][] {
	const segments: Segment[] = [];
	lines.forEach((parts, line) => {
		for (const part of parts) for (let i = 1; i < part.length; i++) segments.push({ p: part[i - 1]!, q: part[i]!, line });
	});
	const result: Interval[][] = lines.map(() => []);
	if (!segments.length) return result;
	const index = new Flatbush(segments.length);
	for (const s of segments) index.add(Math.min(s.p[0]!, s.q[0]!), Math.min(s.p[1]!, s.q[1]!), Math.max(s.p[0]!, s.q[0]!), Math.max(s.p[1]!, s.q[1]!));
	index.finish();

	route.parts.forEach((part, k) => {
		for (let i = 1; i < part.length; i++) {
			const a = part[i - 1]!;
			const b = part[i]!;
			const segLen = route.along[k]![i]! - route.along[k]![i - 1]!;
			if (segLen === 0) continue;
			const hits = index.search(
				Math.min(a[0]!, b[0]!) - corridorM,
				Math.min(a[1]!, b[1]!) - corridorM,
				Math.max(a[0]!, b[0]!) + corridorM,
				Math.max(a[1]!, b[1]!) + corridorM
			);
			for (const h of hits) {
				const s = segments[h]!;
				const sdx = s.q[0]! - s.p[0]!;
				const sdy = s.q[1]! - s.p[1]!;
				if (maxAngleDeg < 90 && (sdx !== 0 || sdy !== 0) && angleDeg(b[0]! - a[0]!, b[1]! - a[1]!, sdx, sdy) > maxAngleDeg) continue;
				const t = capsuleInterval(a, b, s.p, s.q, corridorM);
				if (!t) continue;
				const start = route.along[k]![i - 1]!;
				result[s.line]!.push([start + t[0] * segLen, start + t[1] * segLen]);
			}
		}
	});
	return result.map(mergeIntervals);
}

/**
 * Boxes along the route, each around a run of consecutive segments no wider or taller than `sizeM`, grown
 * by `growM`: what to search the layers with. One box around a long diagonal route would read every
 * feature of a whole district; boxes along it read only the corridor (a feature in two boxes comes twice).
 */
export function boxesAlong(route: RouteIndex, sizeM: number, growM: number): [number, number, number, number][] {
	const out: [number, number, number, number][] = [];
	let box: [number, number, number, number] | null = null;
	const add = (a: Position, b: Position) => {
		const piece: [number, number, number, number] = [Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!)];
		if (box) {
			const joined: [number, number, number, number] = [Math.min(box[0], piece[0]), Math.min(box[1], piece[1]), Math.max(box[2], piece[2]), Math.max(box[3], piece[3])];
			if (joined[2] - joined[0] <= sizeM && joined[3] - joined[1] <= sizeM) {
				box = joined;
				return;
			}
			out.push(box);
		}
		box = piece;
	};
	for (const part of route.parts) {
		for (let i = 1; i < part.length; i++) {
			const [a, b] = [part[i - 1]!, part[i]!];
			// a segment longer than a box goes in pieces
			const n = Math.max(1, Math.ceil(Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!) / sizeM));
			for (let k = 0; k < n; k++) {
				const p = [a[0]! + ((b[0]! - a[0]!) * k) / n, a[1]! + ((b[1]! - a[1]!) * k) / n];
				const q = [a[0]! + ((b[0]! - a[0]!) * (k + 1)) / n, a[1]! + ((b[1]! - a[1]!) * (k + 1)) / n];
				add(p, q);
			}
		}
	}
	if (box) out.push(box);
	return out.map((b) => [b[0] - growM, b[1] - growM, b[2] + growM, b[3] + growM]);
}

/** The point `d` metres along one part (clamped to its ends); `along` are its vertices' along-distances. */
function pointOnPart(part: Position[], along: number[], d: number): Position {
	for (let i = 1; i < part.length; i++) {
		if (d <= along[i]! || i === part.length - 1) {
			const l = along[i]! - along[i - 1]!;
			const t = l === 0 ? 0 : Math.min(1, Math.max(0, (d - along[i - 1]!) / l));
			return [part[i - 1]![0]! + t * (part[i]![0]! - part[i - 1]![0]!), part[i - 1]![1]! + t * (part[i]![1]! - part[i - 1]![1]!)];
		}
	}
	return part[0]!;
}

/** The point `d` metres along the route (clamped to its ends). */
export function pointAt(route: RouteIndex, d: number): Position {
	const found = route.along.findIndex((a) => a[a.length - 1]! >= d);
	const k = found === -1 ? route.parts.length - 1 : found;
	return pointOnPart(route.parts[k]!, route.along[k]!, d);
}

/** The pieces of the route between `from` and `to` metres along it, one LineString part per route part met. */
export function substring(route: RouteIndex, from: number, to: number): Position[][] {
	const out: Position[][] = [];
	route.parts.forEach((part, k) => {
		const along = route.along[k]!;
		if (part.length < 2 || along[along.length - 1]! < from || along[0]! > to) return;
		const at = (d: number) => pointOnPart(part, along, d);
		const a = Math.max(from, along[0]!);
		const b = Math.min(to, along[along.length - 1]!);
		if (b - a <= 0) return;
		const piece: Position[] = [at(a)];
		for (let i = 0; i < part.length; i++) if (along[i]! > a && along[i]! < b) piece.push(part[i]!);
		piece.push(at(b));
		out.push(piece);
	});
	return out;
}

/** Is the point inside the ring (even–odd; a point on the boundary may go either way)? */
function inRing(x: number, y: number, ring: Position[]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = [ring[i]![0]!, ring[i]![1]!];
		const [xj, yj] = [ring[j]![0]!, ring[j]![1]!];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** Is the point inside one of the polygons (rings: shell first, then holes)? */
export function inPolygons(x: number, y: number, polygons: Position[][][]): boolean {
	return polygons.some((poly) => inRing(x, y, poly[0]!) && !poly.slice(1).some((h) => inRing(x, y, h)));
}

/** Where t ∈ (0, 1) the segment a→b crosses the line through p→q's segment. */
function crossingT(a: Position, b: Position, p: Position, q: Position): number | null {
	const rx = b[0]! - a[0]!;
	const ry = b[1]! - a[1]!;
	const sx = q[0]! - p[0]!;
	const sy = q[1]! - p[1]!;
	const den = rx * sy - ry * sx;
	if (den === 0) return null;
	const t = ((p[0]! - a[0]!) * sy - (p[1]! - a[1]!) * sx) / den;
	const u = ((p[0]! - a[0]!) * ry - (p[1]! - a[1]!) * rx) / den;
	return t > 0 && t < 1 && u >= 0 && u <= 1 ? t : null;
}

/**
 * The route stretches within `distanceM` of an area (a Baustelle's footprint: polygons as rings, holes
 * included): inside it, or near its boundary in any direction. Merged, metres along the route.
 */
export function nearArea(route: RouteIndex, polygons: Position[][][], distanceM: number): Interval[] {
	const rings = polygons.flat();
	const inside: Interval[] = [];
	route.parts.forEach((part, k) => {
		for (let i = 1; i < part.length; i++) {
			const a = part[i - 1]!;
			const b = part[i]!;
			const start = route.along[k]![i - 1]!;
			const len = route.along[k]![i]! - start;
			if (len === 0) continue;
			// cut the segment where it crosses a ring; each piece is wholly inside or outside
			const ts = [0, 1];
			for (const ring of rings) for (let j = 1; j < ring.length; j++) {
				const t = crossingT(a, b, ring[j - 1]!, ring[j]!);
				if (t !== null) ts.push(t);
			}
			ts.sort((x, y) => x - y);
			for (let j = 1; j < ts.length; j++) {
				const m = (ts[j - 1]! + ts[j]!) / 2;
				if (ts[j]! > ts[j - 1]! && inPolygons(a[0]! + m * (b[0]! - a[0]!), a[1]! + m * (b[1]! - a[1]!), polygons)) inside.push([start + ts[j - 1]! * len, start + ts[j]! * len]);
			}
		}
	});
	const boundary = coverByLines(route, [rings], distanceM, 90)[0]!;
	return mergeIntervals([...inside, ...boundary]);
}
