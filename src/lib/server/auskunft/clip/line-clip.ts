/**
 * @module auskunft/clip/line-clip
 * The fast path: lines (EPSG:25832, metres) cut by a closed area, segment by segment, with the same
 * answer as JTS's overlay — the parts inside (interior and boundary), optionally the parts outside,
 * and the isolated points where a line only touches the area.
 *
 * How it stays exact. Whether a segment meets an edge of the area, and how (proper crossing, a vertex
 * on the other segment, collinear overlap), is decided with the exact `orient` predicate only, so the
 * set of contacts is exactly JTS's. Between two contacts a line does not change sides:
 * - a segment with proper crossings only (the normal case): the side flips at each crossing, starting
 *   from the exactly located first vertex — no further test, nothing numerical but where the crossing
 *   point is (as in JTS, a rounded double);
 * - a segment with any other contact (a vertex on the boundary, a line along an edge): each piece
 *   between contacts is located by its midpoint. A rounded midpoint could land on the wrong side only
 *   if an edge passes within rounding of it; we require `CLEARANCE_M` to every nearby edge and hand
 *   the feature to jsts otherwise (a real case needs two contacts < 2 µm apart).
 *
 * Also handed to jsts: lines that overlap themselves (JTS dissolves overlapping segments, so its
 * length counts them once — we would count them twice) and lines with fewer than two distinct points.
 * The caller decides what the fallback is; here it is just `{ fallback: reason }`.
 *
 * Positions: a line's own vertices are returned as given (a Z stays); computed points get x, y and,
 * when both segment ends have one, a linearly interpolated Z.
 */
import { BOUNDARY, INTERIOR, type AreaIndex, type Location } from './area-index';
import { orient } from './predicates';
import { hasSelfOverlap } from './self-overlap';

export type Position = number[];

/**
 * Minimum distance, metres, between a midpoint used to classify a piece of a segment and any edge of
 * the area it is not collinear with. Rounding moves a midpoint by < 1e-9 m at UTM magnitudes.
 */
export const CLEARANCE_M = 1e-6;

export interface LinePieces {
	/** maximal runs of the lines inside the closed area (interior or along the boundary) */
	inside: Position[][];
	/** runs outside; filled only when asked for */
	outside: Position[][];
	/** points where a line meets the boundary without any run inside there (touches) */
	touches: Position[];
}

export interface Fallback {
	fallback: 'degenerate-line' | 'self-overlap' | 'near-boundary' | 'non-finite';
}

export type LineClipResult = LinePieces | Fallback;

export function isFallback(r: LineClipResult): r is Fallback {
	return 'fallback' in r;
}

const IN = 0;
const ON = 1;
const OUT = 2;
type Side = typeof IN | typeof ON | typeof OUT;

const sideOf = (loc: Location): Side => (loc === INTERIOR ? IN : loc === BOUNDARY ? ON : OUT);

/** A contact or crossing on the current segment. */
interface Event {
	t: number;
	x: number;
	y: number;
}

/** Accumulates runs along one path as pieces of known side arrive. */
class Runs {
	inRun: Position[] | null = null;
	outRun: Position[] | null = null;
	pendingTouch: Position | null = null;
	cur: Position;

	constructor(
		readonly out: LinePieces,
		readonly wantOutside: boolean,
		start: Position,
		startSide: Side
	) {
		this.cur = start;
		if (startSide === ON) this.pendingTouch = start;
	}

	/** The piece from the current point to `to` lies on `side` (ON counts as inside). */
	step(side: Side, to: Position, toOnBoundary: boolean): void {
		if (side !== OUT) {
			if (this.inRun === null) this.inRun = [this.cur];
			this.inRun.push(to);
			this.pendingTouch = null;
			if (this.outRun !== null) {
				this.out.outside.push(this.outRun);
				this.outRun = null;
			}
		} else {
			if (this.pendingTouch !== null) {
				this.out.touches.push(this.pendingTouch);
				this.pendingTouch = null;
			}
			if (this.inRun !== null) {
				this.out.inside.push(this.inRun);
				this.inRun = null;
			}
			if (this.wantOutside) {
				if (this.outRun === null) this.outRun = [this.cur];
				this.outRun.push(to);
			}
			if (toOnBoundary) this.pendingTouch = to;
		}
		this.cur = to;
	}

	finish(): void {
		if (this.pendingTouch !== null) this.out.touches.push(this.pendingTouch);
		if (this.inRun !== null) this.out.inside.push(this.inRun);
		if (this.outRun !== null) this.out.outside.push(this.outRun);
	}
}

/** A point at parameter t on p→q with exact x, y; Z interpolated when both ends have one. */
function pointAt(p: Position, q: Position, t: number, x: number, y: number): Position {
	const pz = p[2];
	const qz = q[2];
	return pz !== undefined && qz !== undefined ? [x, y, pz + t * (qz - pz)] : [x, y];
}

/**
 * Cuts `paths` (the coordinate arrays of a LineString or MultiLineString) by the closed area of
 * `index`. Returns `{ fallback }` for inputs the fast path does not decide itself (see module doc).
 */
export function clipPaths(index: AreaIndex, paths: Position[][], wantOutside = false): LineClipResult {
	for (const path of paths)
		for (const p of path) if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return { fallback: 'non-finite' };
	if (hasSelfOverlap(paths)) return { fallback: 'self-overlap' };
	const out: LinePieces = { inside: [], outside: [], touches: [] };
	for (const path of paths) {
		const r = clipPath(index, path, out, wantOutside);
		if (r !== null) return r;
	}
	return out;
}

function clipPath(index: AreaIndex, path: Position[], out: LinePieces, wantOutside: boolean): Fallback | null {
	// drop repeated points: zero-length segments carry nothing and break the parametrisation
	const pts: Position[] = [];
	for (const p of path) {
		const last = pts[pts.length - 1];
		if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
	}
	if (pts.length < 2) return { fallback: 'degenerate-line' };

	const first = pts[0]!;
	let side = sideOf(index.locate(first[0]!, first[1]!));
	const runs = new Runs(out, wantOutside, first, side);
	for (let i = 1; i < pts.length; i++) {
		const next = clipSegment(index, pts[i - 1]!, pts[i]!, side, runs);
		if (typeof next !== 'number') return next;
		side = next;
	}
	runs.finish();
	return null;
}

const events: Event[] = [];
/** collinear overlaps of the current segment with edges, as [t0, t1] pairs */
const collinear: number[] = [];

/**
 * One segment p→q entered on `side` (the exact side of p). Feeds `runs`; returns the side of q, or a
 * fallback.
 */
function clipSegment(index: AreaIndex, p: Position, q: Position, side: Side, runs: Runs): Side | Fallback {
	const px = p[0]!;
	const py = p[1]!;
	const qx = q[0]!;
	const qy = q[1]!;
	const dx = qx - px;
	const dy = qy - py;
	const len2 = dx * dx + dy * dy;
	const tOf = (x: number, y: number) => ((x - px) * dx + (y - py) * dy) / len2;

	// candidates within the clearance too: the midpoint test below needs the near misses
	const n = index.candidates(
		Math.min(px, qx) - CLEARANCE_M,
		Math.min(py, qy) - CLEARANCE_M,
		Math.max(px, qx) + CLEARANCE_M,
		Math.max(py, qy) + CLEARANCE_M
	);
	if (n === 0) {
		// no edge anywhere near: the whole segment is on p's side (p is not on the boundary here)
		runs.step(side, q, false);
		return side;
	}
	const found = index.found;
	events.length = 0;
	collinear.length = 0;
	let degenerate = false;
	for (let c = 0; c < n; c++) {
		const k = found[c]!;
		const ax = index.ax[k]!;
		const ay = index.ay[k]!;
		const bx = index.bx[k]!;
		const by = index.by[k]!;
		const o1 = orient(ax, ay, bx, by, px, py);
		const o2 = orient(ax, ay, bx, by, qx, qy);
		if (o1 !== 0 && o1 === o2) continue;
		const o3 = orient(px, py, qx, qy, ax, ay);
		const o4 = orient(px, py, qx, qy, bx, by);
		if (o3 !== 0 && o3 === o4) continue;
		if (o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) {
			// proper crossing: t along p→q where it meets the line through a, b
			const ex = bx - ax;
			const ey = by - ay;
			const t = ((ax - px) * ey - (ay - py) * ex) / (dx * ey - dy * ex);
			events.push({ t, x: px + t * dx, y: py + t * dy });
			continue;
		}
		degenerate = true;
		if (o1 === 0 && o2 === 0) {
			// collinear: overlap measured along the dominant axis of p→q, ends are exact input points
			const useX = Math.abs(dx) >= Math.abs(dy);
			const u = (x: number, y: number) => (useX ? x : y);
			const up = u(px, py);
			const uq = u(qx, qy);
			const ua = u(ax, ay);
			const ub = u(bx, by);
			const lo = Math.max(Math.min(up, uq), Math.min(ua, ub));
			const hi = Math.min(Math.max(up, uq), Math.max(ua, ub));
			if (lo > hi) continue;
			const pick = (v: number): [number, number] =>
				v === up ? [px, py] : v === uq ? [qx, qy] : v === ua ? [ax, ay] : [bx, by];
			const [x0, y0] = pick(lo);
			const t0 = tOf(x0, y0);
			events.push({ t: t0, x: x0, y: y0 });
			if (hi > lo) {
				const [x1, y1] = pick(hi);
				const t1 = tOf(x1, y1);
				events.push({ t: t1, x: x1, y: y1 });
				collinear.push(Math.min(t0, t1), Math.max(t0, t1));
			}
			continue;
		}
		// one point contact, at an input point (see the case analysis in the module tests)
		if (o1 === 0) events.push({ t: 0, x: px, y: py });
		if (o2 === 0) events.push({ t: 1, x: qx, y: qy });
		if (o3 === 0) events.push({ t: tOf(ax, ay), x: ax, y: ay });
		if (o4 === 0) events.push({ t: tOf(bx, by), x: bx, y: by });
	}

	if (!degenerate) {
		if (side === ON) return { fallback: 'near-boundary' }; // cannot happen: p on an edge is a contact
		if (events.length > 1) events.sort((a, b) => a.t - b.t);
		for (const e of events) {
			runs.step(side, pointAt(p, q, e.t, e.x, e.y), true);
			side = side === IN ? OUT : IN;
		}
		runs.step(side, q, false);
		return side;
	}

	// degenerate: distinct contact points in order, p and q included; classify the pieces between
	events.sort((a, b) => a.t - b.t || a.x - b.x || a.y - b.y);
	const stops: Event[] = [];
	for (const e of events) {
		const last = stops[stops.length - 1];
		if (last === undefined || last.x !== e.x || last.y !== e.y) stops.push(e);
	}
	const pOnBoundary = stops[0]!.x === px && stops[0]!.y === py;
	const qOnBoundary = stops[stops.length - 1]!.x === qx && stops[stops.length - 1]!.y === qy;
	if (!pOnBoundary) stops.unshift({ t: 0, x: px, y: py });
	if (!qOnBoundary) stops.push({ t: 1, x: qx, y: qy });
	let pieceSide: Side = OUT;
	for (let s = 0; s + 1 < stops.length; s++) {
		const a = stops[s]!;
		const b = stops[s + 1]!;
		pieceSide = OUT;
		let along = false;
		for (let c = 0; c < collinear.length; c += 2)
			if (collinear[c]! <= a.t && b.t <= collinear[c + 1]!) {
				along = true;
				break;
			}
		if (along) pieceSide = ON;
		else {
			const mx = (a.x + b.x) / 2;
			const my = (a.y + b.y) / 2;
			for (let c = 0; c < n; c++) if (index.edgeDistance(found[c]!, mx, my) < CLEARANCE_M) return { fallback: 'near-boundary' };
			const loc = index.locate(mx, my);
			if (loc === BOUNDARY) return { fallback: 'near-boundary' };
			pieceSide = loc === INTERIOR ? IN : OUT;
			// the first piece starts at p: if p is off the boundary it must agree with p's side
			if (s === 0 && !pOnBoundary && pieceSide !== side) return { fallback: 'near-boundary' };
		}
		const last = s + 2 === stops.length;
		runs.step(pieceSide, last ? q : pointAt(p, q, b.t, b.x, b.y), !last || qOnBoundary);
	}
	return qOnBoundary ? ON : pieceSide;
}
