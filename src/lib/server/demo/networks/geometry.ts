/**
 * @module demo/networks/geometry
 * Planar geometry for the demo generator. All coordinates are EPSG:25832 (ETRS89 / UTM 32N), metres.
 * Pure functions on plain arrays: the generator needs offsets, lengths and distances, not topology.
 */

export type Pt = [number, number];
export type Line = Pt[];

export function dist(a: Pt, b: Pt): number {
	return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

export function lineLength(line: Line): number {
	let length = 0;
	for (let i = 1; i < line.length; i++) length += dist(line[i - 1]!, line[i]!);
	return length;
}

/** Drops vertices closer than `eps` to their predecessor (OSM ways repeat nodes now and then). */
export function dedupe(line: Line, eps = 0.01): Line {
	const out: Line = [];
	for (const p of line) if (out.length === 0 || dist(out[out.length - 1]!, p) > eps) out.push(p);
	return out;
}

/** Distance from p to the segment a–b. */
export function pointSegmentDistance(p: Pt, a: Pt, b: Pt): number {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const len2 = dx * dx + dy * dy;
	const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
	return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Distance from p to the nearest point of a polyline. */
export function distanceToLine(p: Pt, line: Line): number {
	let best = Infinity;
	for (let i = 1; i < line.length; i++) best = Math.min(best, pointSegmentDistance(p, line[i - 1]!, line[i]!));
	return best;
}

/** Douglas–Peucker; keeps both ends. Removes the sub-decimetre zigzag of mapped ways before offsetting. */
export function simplify(line: Line, tolerance: number): Line {
	if (line.length <= 2) return line.slice();
	const keep = new Array<boolean>(line.length).fill(false);
	keep[0] = keep[line.length - 1] = true;
	const stack: [number, number][] = [[0, line.length - 1]];
	while (stack.length > 0) {
		const [from, to] = stack.pop()!;
		let worst = -1;
		let worstDist = tolerance;
		for (let i = from + 1; i < to; i++) {
			const d = pointSegmentDistance(line[i]!, line[from]!, line[to]!);
			if (d > worstDist) {
				worst = i;
				worstDist = d;
			}
		}
		if (worst > 0) {
			keep[worst] = true;
			stack.push([from, worst], [worst, to]);
		}
	}
	return line.filter((_, i) => keep[i]);
}

function unitNormal(a: Pt, b: Pt): Pt {
	const len = dist(a, b);
	return [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
}

/**
 * The line moved sideways by `offset` metres, positive to the left of its direction. Convex corners
 * get a miter while it overshoots by at most `maxMiterExcess` metres, else a round join with
 * chords that sag less than 5 cm; concave corners get the miter. Concave corners tighter than the
 * offset still fold the result: `keepWithinOffset` cuts those parts away.
 */
export function offsetLine(line: Line, offset: number, maxMiterExcess = 0.2): Line {
	const pts = dedupe(line);
	if (pts.length < 2 || offset === 0) return pts.slice();
	const d = Math.abs(offset);
	const out: Line = [];
	const move = (p: Pt, n: Pt, k = offset): Pt => [p[0] + n[0] * k, p[1] + n[1] * k];
	out.push(move(pts[0]!, unitNormal(pts[0]!, pts[1]!)));
	for (let i = 1; i < pts.length - 1; i++) {
		const p = pts[i]!;
		const n1 = unitNormal(pts[i - 1]!, p);
		const n2 = unitNormal(p, pts[i + 1]!);
		const cosHalf = Math.sqrt(Math.max(0, (1 + n1[0] * n2[0] + n1[1] * n2[1]) / 2));
		const turn = n1[0] * n2[1] - n1[1] * n2[0]; // > 0: the line turns left
		const convex = turn * offset < 0;
		if (!convex || d / Math.max(cosHalf, 1e-9) - d <= maxMiterExcess) {
			const m: Pt = [n1[0] + n2[0], n1[1] + n2[1]];
			const mLen = Math.hypot(m[0], m[1]);
			if (mLen < 1e-9) continue; // a full reversal: no sensible corner point
			out.push(move(p, [m[0] / mLen, m[1] / mLen], offset / cosHalf));
			continue;
		}
		// round join: from n1 to n2 around p in steps whose chord sags < 5 cm
		const a1 = Math.atan2(n1[1] * Math.sign(offset), n1[0] * Math.sign(offset));
		let sweep = Math.atan2(n2[1] * Math.sign(offset), n2[0] * Math.sign(offset)) - a1;
		if (sweep > Math.PI) sweep -= 2 * Math.PI;
		if (sweep < -Math.PI) sweep += 2 * Math.PI;
		const maxStep = 2 * Math.acos(Math.max(-1, 1 - 0.05 / d));
		const steps = Math.max(1, Math.ceil(Math.abs(sweep) / maxStep));
		for (let s = 0; s <= steps; s++) {
			const a = a1 + (sweep * s) / steps;
			out.push([p[0] + Math.cos(a) * d, p[1] + Math.sin(a) * d]);
		}
	}
	out.push(move(pts[pts.length - 1]!, unitNormal(pts[pts.length - 2]!, pts[pts.length - 1]!)));
	return dedupe(out);
}

/**
 * The parts of `line` whose points (sampled every `step` metres) all lie `target` ± `tolerance`
 * metres from `axis`; parts shorter than `minLength` are dropped. Folded offsets at tight concave
 * corners and stretches that come near another part of the axis fall out, so every returned part
 * keeps the distance the generator promises.
 */
export function keepWithinOffset(
	line: Line,
	axis: Line,
	target: number,
	tolerance: number,
	minLength: number,
	step = 1
): Line[] {
	const ok = (p: Pt): boolean => Math.abs(distanceToLine(p, axis) - target) <= tolerance;
	const parts: Line[] = [];
	let current: Line = [];
	const flush = (): void => {
		if (current.length >= 2 && lineLength(current) >= minLength) parts.push(current);
		current = [];
	};
	for (let i = 0; i < line.length; i++) {
		const p = line[i]!;
		if (!ok(p)) {
			flush();
			continue;
		}
		if (current.length > 0) {
			const prev = current[current.length - 1]!;
			const n = Math.ceil(dist(prev, p) / step);
			let segmentOk = true;
			for (let k = 1; k < n && segmentOk; k++) segmentOk = ok(lerp(prev, p, k / n));
			if (!segmentOk) flush();
		}
		current.push(p);
	}
	flush();
	return parts;
}

export function lerp(a: Pt, b: Pt, t: number): Pt {
	return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** The point `s` metres along the line (clamped) and the unit direction there. */
export function pointAlong(line: Line, s: number): { point: Pt; dir: Pt } {
	let walked = 0;
	for (let i = 1; i < line.length; i++) {
		const a = line[i - 1]!;
		const b = line[i]!;
		const len = dist(a, b);
		if (len === 0) continue;
		if (walked + len >= s || i === line.length - 1) {
			const t = Math.max(0, Math.min(1, (s - walked) / len));
			return { point: lerp(a, b, t), dir: [(b[0] - a[0]) / len, (b[1] - a[1]) / len] };
		}
		walked += len;
	}
	throw new Error('pointAlong needs a line of two distinct points');
}

/** The piece of the line between `from` and `to` metres along it. */
export function substring(line: Line, from: number, to: number): Line {
	const out: Line = [pointAlong(line, from).point];
	let walked = 0;
	for (let i = 1; i < line.length; i++) {
		walked += dist(line[i - 1]!, line[i]!);
		if (walked > from && walked < to) out.push(line[i]!);
	}
	out.push(pointAlong(line, to).point);
	return dedupe(out);
}

/** The point of the line nearest to p and how far along the line it lies (metres). */
export function projectOnLine(p: Pt, line: Line): { point: Pt; s: number; distance: number } {
	let best = { point: line[0]!, s: 0, distance: Infinity };
	let walked = 0;
	for (let i = 1; i < line.length; i++) {
		const a = line[i - 1]!;
		const b = line[i]!;
		const dx = b[0] - a[0];
		const dy = b[1] - a[1];
		const len2 = dx * dx + dy * dy;
		const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
		const q: Pt = [a[0] + t * dx, a[1] + t * dy];
		const d = dist(p, q);
		if (d < best.distance) best = { point: q, s: walked + t * Math.sqrt(len2), distance: d };
		walked += Math.sqrt(len2);
	}
	return best;
}

/** Ray casting; points on the boundary may land either way. */
export function pointInRing(p: Pt, ring: Line): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i]!;
		const [xj, yj] = ring[j]!;
		if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}
