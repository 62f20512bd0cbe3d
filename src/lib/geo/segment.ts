/**
 * @module geo/segment
 * Does a straight segment meet an axis-aligned box? Liang–Barsky clipping, boundary included, in any
 * planar coordinates (the PDF's metres in EPSG:25832, the atlas's degrees in EPSG:4326 for a bbox filter).
 */

/** [minX, minY, maxX, maxY] */
export type Box = readonly [number, number, number, number];

/** True when some point of the segment (ax, ay)–(bx, by) lies in the box or on its boundary. */
export function segmentMeetsBox(ax: number, ay: number, bx: number, by: number, box: Box): boolean {
	let t0 = 0;
	let t1 = 1;
	const dx = bx - ax;
	const dy = by - ay;
	const edges: [number, number][] = [
		[-dx, ax - box[0]],
		[dx, box[2] - ax],
		[-dy, ay - box[1]],
		[dy, box[3] - ay]
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q < 0) return false; // parallel to this edge and outside it
			continue;
		}
		const t = q / p;
		if (p < 0) {
			if (t > t1) return false;
			if (t > t0) t0 = t;
		} else {
			if (t < t0) return false;
			if (t < t1) t1 = t;
		}
	}
	return t0 <= t1;
}
