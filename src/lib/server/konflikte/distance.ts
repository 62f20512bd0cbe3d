/**
 * @module konflikte/distance
 * Exact minimum distance between two polygonal geometries (Polygon / MultiPolygon, EPSG:25832), pure.
 * The same definition as PostGIS `ST_Distance` / JTS `DistanceOp`: 0 when the areas cross, touch or one
 * contains the other; otherwise the shortest segment-to-segment distance between the boundaries (a part
 * lying in another's hole is not contained: its distance is the gap to the hole's ring).
 *
 * Fast because the engine calls it for every neighbour: a bbox early-out against the caller's limit,
 * segments farther than the limit from the other's bbox skipped, containment probed with one vertex per
 * part (valid when no boundaries cross, and when they do the segment pass finds 0 anyway), and the
 * prepared rings cached per geometry object.
 */
import type { Polygonal } from '$lib/baustellen';
import type { Bbox } from './types';

export interface PreparedPolygonal {
	bbox: Bbox;
	/** each ring as flat x,y pairs, closed (last vertex = first) */
	rings: Float64Array[];
	/** the first vertex of each polygon part, flat x,y pairs: the containment probes */
	probes: Float64Array;
}

const cache = new WeakMap<Polygonal, PreparedPolygonal>();

function polygonsOf(g: Polygonal): number[][][][] {
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** The rings and bbox of a geometry, built once per geometry object. */
export function prepare(g: Polygonal): PreparedPolygonal {
	const hit = cache.get(g);
	if (hit) return hit;
	const bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
	const rings: Float64Array[] = [];
	const probes: number[] = [];
	for (const polygon of polygonsOf(g)) {
		let first = true;
		for (const ring of polygon) {
			if (ring.length === 0) continue;
			const p0 = ring[0]!;
			const pn = ring[ring.length - 1]!;
			const closed = p0[0] === pn[0] && p0[1] === pn[1];
			const n = ring.length + (closed ? 0 : 1);
			const flat = new Float64Array(2 * n);
			for (let i = 0; i < ring.length; i++) {
				const x = ring[i]![0]!;
				const y = ring[i]![1]!;
				flat[2 * i] = x;
				flat[2 * i + 1] = y;
				if (x < bbox[0]) bbox[0] = x;
				if (y < bbox[1]) bbox[1] = y;
				if (x > bbox[2]) bbox[2] = x;
				if (y > bbox[3]) bbox[3] = y;
			}
			if (!closed) {
				flat[2 * n - 2] = p0[0]!;
				flat[2 * n - 1] = p0[1]!;
			}
			rings.push(flat);
			if (first) probes.push(p0[0]!, p0[1]!);
			first = false;
		}
	}
	const prepared = { bbox, rings, probes: Float64Array.from(probes) };
	cache.set(g, prepared);
	return prepared;
}

/** The bbox of a polygonal geometry. */
export function polygonalBbox(g: Polygonal): Bbox {
	const b = prepare(g).bbox;
	return [b[0], b[1], b[2], b[3]];
}

/** Distance between two boxes (0 when they meet). */
export function bboxDistance(a: Bbox, b: Bbox): number {
	const dx = Math.max(0, a[0] - b[2], b[0] - a[2]);
	const dy = Math.max(0, a[1] - b[3], b[1] - a[3]);
	return dx === 0 ? dy : dy === 0 ? dx : Math.hypot(dx, dy);
}

/** Squared distance from point p to segment a–b. */
function pointSegment2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
	const vx = bx - ax;
	const vy = by - ay;
	const wx = px - ax;
	const wy = py - ay;
	const c1 = vx * wx + vy * wy;
	if (c1 <= 0) return wx * wx + wy * wy;
	const c2 = vx * vx + vy * vy;
	if (c2 <= c1) {
		const ux = px - bx;
		const uy = py - by;
		return ux * ux + uy * uy;
	}
	const t = c1 / c2;
	const dx = wx - t * vx;
	const dy = wy - t * vy;
	return dx * dx + dy * dy;
}

/** Sign of the turn a → b → c (cross product), in coordinates relative to a for precision. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Distance between segments a–b and c–d: 0 when they cross or touch. */
export function segmentDistance(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
	const o1 = orient(ax, ay, bx, by, cx, cy);
	const o2 = orient(ax, ay, bx, by, dx, dy);
	const o3 = orient(cx, cy, dx, dy, ax, ay);
	const o4 = orient(cx, cy, dx, dy, bx, by);
	if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return 0;
	const d2 = Math.min(
		pointSegment2(ax, ay, cx, cy, dx, dy),
		pointSegment2(bx, by, cx, cy, dx, dy),
		pointSegment2(cx, cy, ax, ay, bx, by),
		pointSegment2(dx, dy, ax, ay, bx, by)
	);
	return Math.sqrt(d2);
}

/** Even-odd point in polygon over all rings of all parts (holes flip it back to outside). */
export function pointInPrepared(px: number, py: number, p: PreparedPolygonal): boolean {
	if (px < p.bbox[0] || px > p.bbox[2] || py < p.bbox[1] || py > p.bbox[3]) return false;
	let inside = false;
	for (const ring of p.rings) {
		for (let i = 0; i + 3 < ring.length; i += 2) {
			const y0 = ring[i + 1]!;
			const y1 = ring[i + 3]!;
			if (y0 > py !== y1 > py) {
				const x0 = ring[i]!;
				const x1 = ring[i + 2]!;
				if (px < x0 + ((py - y0) * (x1 - x0)) / (y1 - y0)) inside = !inside;
			}
		}
	}
	return inside;
}

function anyProbeInside(probes: Float64Array, p: PreparedPolygonal): boolean {
	for (let i = 0; i < probes.length; i += 2) if (pointInPrepared(probes[i]!, probes[i + 1]!, p)) return true;
	return false;
}

/** Is the segment's box farther than `limit` from the box? (cheap rejection) */
function segmentFar(x0: number, y0: number, x1: number, y1: number, b: Bbox, limit: number): boolean {
	const minX = x0 < x1 ? x0 : x1;
	const maxX = x0 < x1 ? x1 : x0;
	const minY = y0 < y1 ? y0 : y1;
	const maxY = y0 < y1 ? y1 : y0;
	const dx = Math.max(0, minX - b[2], b[0] - maxX);
	const dy = Math.max(0, minY - b[3], b[1] - maxY);
	return dx * dx + dy * dy > limit * limit;
}

/**
 * The exact distance between a and b when it is at most `limit`, else Infinity. `limit = Infinity`
 * gives the plain distance; `limit = 0` asks "do they intersect (or touch)?".
 */
export function distanceWithin(a: Polygonal | PreparedPolygonal, b: Polygonal | PreparedPolygonal, limit = Infinity): number {
	const pa = 'rings' in a ? a : prepare(a);
	const pb = 'rings' in b ? b : prepare(b);
	if (pa.rings.length === 0 || pb.rings.length === 0) return Infinity;
	const boxes = bboxDistance(pa.bbox, pb.bbox);
	if (boxes > limit) return Infinity;
	// overlapping boxes: one area may hold the other without any boundary contact
	if (boxes === 0 && (anyProbeInside(pa.probes, pb) || anyProbeInside(pb.probes, pa))) return 0;
	let best = Infinity;
	for (const ra of pa.rings) {
		for (let i = 0; i + 3 < ra.length; i += 2) {
			const ax = ra[i]!;
			const ay = ra[i + 1]!;
			const bx = ra[i + 2]!;
			const by = ra[i + 3]!;
			const reach = best < limit ? best : limit;
			if (segmentFar(ax, ay, bx, by, pb.bbox, reach)) continue;
			for (const rb of pb.rings) {
				for (let j = 0; j + 3 < rb.length; j += 2) {
					const cx = rb[j]!;
					const cy = rb[j + 1]!;
					const dx = rb[j + 2]!;
					const dy = rb[j + 3]!;
					// segment boxes farther apart than the best so far cannot improve it
					const gx = Math.max(0, (cx < dx ? cx : dx) - (ax > bx ? ax : bx), (ax < bx ? ax : bx) - (cx > dx ? cx : dx));
					const gy = Math.max(0, (cy < dy ? cy : dy) - (ay > by ? ay : by), (ay < by ? ay : by) - (cy > dy ? cy : dy));
					if (gx * gx + gy * gy > best * best) continue;
					const d = segmentDistance(ax, ay, bx, by, cx, cy, dx, dy);
					if (d < best) {
						best = d;
						if (best === 0) return 0;
					}
				}
			}
		}
	}
	return best <= limit ? best : Infinity;
}

/** The exact minimum distance between two polygonal geometries (metres in EPSG:25832). */
export function polygonalDistance(a: Polygonal, b: Polygonal): number {
	return distanceWithin(a, b, Infinity);
}
