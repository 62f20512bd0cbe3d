/**
 * @module auskunft/clip/area-index
 * An edge index over one (grown) work area, EPSG:25832 metres: every ring segment of a Polygon or
 * MultiPolygon (holes included) filed into horizontal bands. Two questions are answered from it:
 *
 * - `locate(x, y)`: interior / boundary / exterior, exactly (JTS's ray-crossing rules with the exact
 *   `orient`). A ray to +x only meets edges whose y-range holds y, and all of them sit in y's band.
 * - `candidates(box)`: the edges whose bounding box meets a box, for segment-against-boundary tests.
 *
 * Bands rather than an R-tree: a grown street-scale area has ~50–200 edges, built once per request;
 * filling a few Int32Arrays costs microseconds and a band holds a handful of edges. A 2-D grid would
 * help only for long horizontal edges, which buffers of drawn areas rarely have.
 */
import { orient } from './predicates';

export type Ring = number[][];

/** Location of a point relative to the closed area (same codes as JTS `Location`). */
export const INTERIOR = 0;
export const BOUNDARY = 1;
export const EXTERIOR = 2;
export type Location = typeof INTERIOR | typeof BOUNDARY | typeof EXTERIOR;

export class AreaIndex {
	readonly edgeCount: number;
	/** edge k runs from (ax[k], ay[k]) to (bx[k], by[k]) */
	readonly ax: Float64Array;
	readonly ay: Float64Array;
	readonly bx: Float64Array;
	readonly by: Float64Array;
	readonly minX: number;
	readonly minY: number;
	readonly maxX: number;
	readonly maxY: number;
	/** scratch for `candidates`: its result, valid until the next call */
	readonly found: Int32Array;

	private readonly eMinX: Float64Array;
	private readonly eMinY: Float64Array;
	private readonly eMaxX: Float64Array;
	private readonly eMaxY: Float64Array;
	private readonly bandCount: number;
	private readonly bandScale: number;
	private readonly bandStart: Int32Array;
	private readonly bandEdges: Int32Array;
	private readonly stamp: Uint32Array;
	private query = 0;

	/** `polygons`: the coordinates of a Polygon (wrap it: `[coordinates]`) or of a MultiPolygon. */
	constructor(polygons: Ring[][]) {
		const xs: number[] = [];
		for (const polygon of polygons)
			for (const ring of polygon) {
				const n = ring.length;
				for (let i = 0; i < n; i++) {
					const a = ring[i]!;
					// a ring that is not closed gets its closing edge; a closed one has it already
					const b = i + 1 < n ? ring[i + 1]! : ring[0]!;
					if (a[0] === b[0] && a[1] === b[1]) continue;
					xs.push(a[0]!, a[1]!, b[0]!, b[1]!);
				}
			}
		const m = xs.length / 4;
		this.edgeCount = m;
		this.ax = new Float64Array(m);
		this.ay = new Float64Array(m);
		this.bx = new Float64Array(m);
		this.by = new Float64Array(m);
		this.eMinX = new Float64Array(m);
		this.eMinY = new Float64Array(m);
		this.eMaxX = new Float64Array(m);
		this.eMaxY = new Float64Array(m);
		let minX = Infinity;
		let minY = Infinity;
		let maxX = -Infinity;
		let maxY = -Infinity;
		for (let k = 0; k < m; k++) {
			const x1 = xs[4 * k]!;
			const y1 = xs[4 * k + 1]!;
			const x2 = xs[4 * k + 2]!;
			const y2 = xs[4 * k + 3]!;
			this.ax[k] = x1;
			this.ay[k] = y1;
			this.bx[k] = x2;
			this.by[k] = y2;
			this.eMinX[k] = Math.min(x1, x2);
			this.eMinY[k] = Math.min(y1, y2);
			this.eMaxX[k] = Math.max(x1, x2);
			this.eMaxY[k] = Math.max(y1, y2);
			minX = Math.min(minX, this.eMinX[k]!);
			minY = Math.min(minY, this.eMinY[k]!);
			maxX = Math.max(maxX, this.eMaxX[k]!);
			maxY = Math.max(maxY, this.eMaxY[k]!);
		}
		this.minX = minX;
		this.minY = minY;
		this.maxX = maxX;
		this.maxY = maxY;

		// about two edges per band: a ring crosses a band about twice
		this.bandCount = Math.max(1, Math.min(1024, Math.round(m / 2)));
		this.bandScale = maxY > minY ? this.bandCount / (maxY - minY) : 0;
		const counts = new Int32Array(this.bandCount + 1);
		for (let k = 0; k < m; k++)
			for (let b = this.band(this.eMinY[k]!), last = this.band(this.eMaxY[k]!); b <= last; b++) counts[b + 1]!++;
		for (let b = 0; b < this.bandCount; b++) counts[b + 1]! += counts[b]!;
		this.bandStart = counts.slice();
		this.bandEdges = new Int32Array(counts[this.bandCount]!);
		const fill = counts.slice(0, this.bandCount);
		for (let k = 0; k < m; k++)
			for (let b = this.band(this.eMinY[k]!), last = this.band(this.eMaxY[k]!); b <= last; b++) this.bandEdges[fill[b]!++] = k;
		this.stamp = new Uint32Array(m);
		this.found = new Int32Array(m);
	}

	get isEmpty(): boolean {
		return this.edgeCount === 0;
	}

	/**
	 * Band of a y value. Monotonic in y (every step rounds monotonically), so an edge and a box whose
	 * y-ranges overlap always share a band.
	 */
	private band(y: number): number {
		const b = Math.floor((y - this.minY) * this.bandScale);
		return b < 0 ? 0 : b >= this.bandCount ? this.bandCount - 1 : b;
	}

	/** Exact location of (x, y) relative to the closed area: INTERIOR, BOUNDARY or EXTERIOR. */
	locate(x: number, y: number): Location {
		if (this.edgeCount === 0 || x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return EXTERIOR;
		const b = this.band(y);
		let crossings = 0;
		for (let i = this.bandStart[b]!, end = this.bandStart[b + 1]!; i < end; i++) {
			const k = this.bandEdges[i]!;
			const x1 = this.ax[k]!;
			const y1 = this.ay[k]!;
			const x2 = this.bx[k]!;
			const y2 = this.by[k]!;
			// RayCrossingCounter (JTS): a ray from the point to +x; upward edges include their start,
			// downward edges their end, horizontal edges never count
			if (x1 < x && x2 < x) continue;
			if ((x === x1 && y === y1) || (x === x2 && y === y2)) return BOUNDARY;
			if (y1 === y && y2 === y) {
				if (Math.min(x1, x2) <= x && x <= Math.max(x1, x2)) return BOUNDARY;
				continue;
			}
			if ((y1 > y && y2 <= y) || (y2 > y && y1 <= y)) {
				let o = orient(x1, y1, x2, y2, x, y);
				if (o === 0) return BOUNDARY;
				if (y2 < y1) o = -o;
				if (o > 0) crossings++;
			}
		}
		return crossings % 2 === 1 ? INTERIOR : EXTERIOR;
	}

	/**
	 * Edges whose bounding box meets the closed box, each once, into `this.found`; returns how many.
	 * The list is overwritten by the next call.
	 */
	candidates(minX: number, minY: number, maxX: number, maxY: number): number {
		if (this.edgeCount === 0 || maxX < this.minX || minX > this.maxX || maxY < this.minY || minY > this.maxY) return 0;
		let q = ++this.query;
		if (q === 0xffffffff) {
			this.stamp.fill(0);
			q = this.query = 1;
		}
		let n = 0;
		for (let b = this.band(minY), last = this.band(maxY); b <= last; b++)
			for (let i = this.bandStart[b]!, end = this.bandStart[b + 1]!; i < end; i++) {
				const k = this.bandEdges[i]!;
				if (this.stamp[k] === q) continue;
				this.stamp[k] = q;
				if (this.eMaxX[k]! < minX || this.eMinX[k]! > maxX || this.eMaxY[k]! < minY || this.eMinY[k]! > maxY) continue;
				this.found[n++] = k;
			}
		return n;
	}

	/** Whether any edge's bounding box meets the closed box (conservative: may say yes for a near miss). */
	boxMeetsBoundary(minX: number, minY: number, maxX: number, maxY: number): boolean {
		if (this.edgeCount === 0 || maxX < this.minX || minX > this.maxX || maxY < this.minY || minY > this.maxY) return false;
		for (let b = this.band(minY), last = this.band(maxY); b <= last; b++)
			for (let i = this.bandStart[b]!, end = this.bandStart[b + 1]!; i < end; i++) {
				const k = this.bandEdges[i]!;
				if (this.eMaxX[k]! < minX || this.eMinX[k]! > maxX || this.eMaxY[k]! < minY || this.eMinY[k]! > maxY) continue;
				return true;
			}
		return false;
	}

	/** Distance from (x, y) to edge k, metres. */
	edgeDistance(k: number, x: number, y: number): number {
		const x1 = this.ax[k]!;
		const y1 = this.ay[k]!;
		const dx = this.bx[k]! - x1;
		const dy = this.by[k]! - y1;
		let t = ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy);
		t = t < 0 ? 0 : t > 1 ? 1 : t;
		return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
	}
}
