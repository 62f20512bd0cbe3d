/**
 * @module pdf/plan-labels
 * Labels along lines (street names, "W DN 150 · 1,2 m"): find a nearly straight stretch long enough for
 * the text, keep the text upright, put it beside the line (or on it, for streets), and never on top of
 * another label or symbol. A label that finds no place is left out — the attribute table has it all.
 *
 * Everything here is in paper millimetres (y down).
 */
import type { PDFFont } from 'pdf-lib';
import type { Canvas, Rgb } from './canvas';

const PT = 25.4 / 72;

/** An oriented rectangle: centre, half sizes, direction (unit vector of the text's baseline). */
export interface Box {
	cx: number;
	cy: number;
	hw: number;
	hh: number;
	ux: number;
	uy: number;
}

function corners(b: Box): number[] {
	const vx = -b.uy;
	const vy = b.ux;
	const out: number[] = [];
	for (const [s, t] of [
		[-1, -1],
		[1, -1],
		[1, 1],
		[-1, 1]
	] as const) {
		out.push(b.cx + s * b.hw * b.ux + t * b.hh * vx, b.cy + s * b.hw * b.uy + t * b.hh * vy);
	}
	return out;
}

function overlaps(a: Box, b: Box): boolean {
	if (Math.abs(a.cx - b.cx) > a.hw + a.hh + b.hw + b.hh) return false;
	if (Math.abs(a.cy - b.cy) > a.hw + a.hh + b.hw + b.hh) return false;
	// separating axis test on the two boxes' own axes
	const ca = corners(a);
	const cb = corners(b);
	for (const [ax, ay] of [
		[a.ux, a.uy],
		[-a.uy, a.ux],
		[b.ux, b.uy],
		[-b.uy, b.ux]
	] as const) {
		let minA = Infinity;
		let maxA = -Infinity;
		let minB = Infinity;
		let maxB = -Infinity;
		for (let i = 0; i < 8; i += 2) {
			const pa = ca[i]! * ax + ca[i + 1]! * ay;
			const pb = cb[i]! * ax + cb[i + 1]! * ay;
			minA = Math.min(minA, pa);
			maxA = Math.max(maxA, pa);
			minB = Math.min(minB, pb);
			maxB = Math.max(maxB, pb);
		}
		if (maxA < minB || maxB < minA) return false;
	}
	return true;
}

/** Does segment (ax, ay)–(bx, by) cross the box? Liang–Barsky in the box's own axes. */
function segmentHitsBox(ax: number, ay: number, bx: number, by: number, b: Box): boolean {
	const vx = -b.uy;
	const vy = b.ux;
	const pu = (ax - b.cx) * b.ux + (ay - b.cy) * b.uy;
	const pv = (ax - b.cx) * vx + (ay - b.cy) * vy;
	const du = (bx - ax) * b.ux + (by - ay) * b.uy;
	const dv = (bx - ax) * vx + (by - ay) * vy;
	let t0 = 0;
	let t1 = 1;
	for (const [p, q] of [
		[-du, pu + b.hw],
		[du, b.hw - pu],
		[-dv, pv + b.hh],
		[dv, b.hh - pv]
	] as const) {
		if (p === 0) {
			if (q < 0) return false;
			continue;
		}
		const t = q / p;
		if (p < 0) t0 = Math.max(t0, t);
		else t1 = Math.min(t1, t);
		if (t0 > t1) return false;
	}
	return true;
}

/**
 * Occupied label space, bucketed on a 20 mm grid: labels and symbols (hard: never overlapped) and the
 * drawn line segments (soft: a label may cross lines, but the place crossing the fewest wins).
 */
export class LabelSpace {
	private buckets = new Map<string, Box[]>();
	private segments = new Map<string, { xy: number[]; owner: unknown }[]>();
	constructor(readonly frame: { x: number; y: number; w: number; h: number }) {}

	/** Registers a drawn polyline (paper mm) that labels should rather not cover. */
	addLine(xy: number[], owner: unknown): void {
		for (let i = 2; i < xy.length; i += 2) {
			const seg = { xy: [xy[i - 2]!, xy[i - 1]!, xy[i]!, xy[i + 1]!], owner };
			const x0 = Math.floor(Math.min(seg.xy[0]!, seg.xy[2]!) / 20);
			const x1 = Math.floor(Math.max(seg.xy[0]!, seg.xy[2]!) / 20);
			const y0 = Math.floor(Math.min(seg.xy[1]!, seg.xy[3]!) / 20);
			const y1 = Math.floor(Math.max(seg.xy[1]!, seg.xy[3]!) / 20);
			if ((x1 - x0 + 1) * (y1 - y0 + 1) > 400) continue; // far off the frame: never near a label
			for (let a = x0; a <= x1; a++) {
				for (let b = y0; b <= y1; b++) {
					const k = `${a}:${b}`;
					const list = this.segments.get(k);
					if (list) list.push(seg);
					else this.segments.set(k, [seg]);
				}
			}
		}
	}

	/** How many foreign line segments the box covers. */
	crossings(b: Box, owner: unknown): number {
		const seen = new Set<object>();
		let n = 0;
		for (const k of this.keys(b)) {
			for (const seg of this.segments.get(k) ?? []) {
				if (seg.owner === owner || seen.has(seg)) continue;
				seen.add(seg);
				if (segmentHitsBox(seg.xy[0]!, seg.xy[1]!, seg.xy[2]!, seg.xy[3]!, b)) n++;
			}
		}
		return n;
	}

	private keys(b: Box): string[] {
		const r = b.hw + b.hh;
		const keys: string[] = [];
		for (let i = Math.floor((b.cx - r) / 20); i <= Math.floor((b.cx + r) / 20); i++)
			for (let j = Math.floor((b.cy - r) / 20); j <= Math.floor((b.cy + r) / 20); j++) keys.push(`${i}:${j}`);
		return keys;
	}

	add(b: Box): void {
		for (const k of this.keys(b)) {
			const list = this.buckets.get(k);
			if (list) list.push(b);
			else this.buckets.set(k, [b]);
		}
	}

	free(b: Box, margin = 1): boolean {
		const c = corners(b);
		const f = this.frame;
		for (let i = 0; i < 8; i += 2) {
			if (c[i]! < f.x + margin || c[i]! > f.x + f.w - margin || c[i + 1]! < f.y + margin || c[i + 1]! > f.y + f.h - margin) return false;
		}
		for (const k of this.keys(b)) for (const o of this.buckets.get(k) ?? []) if (overlaps(b, o)) return false;
		return true;
	}
}

export interface LabelStyle {
	font: PDFFont;
	/** pt */
	size: number;
	color: Rgb;
	/** distance of the text box from the line, mm; 0 = centred on the line */
	offset: number;
	halo: number;
}

interface Candidate {
	cx: number;
	cy: number;
	ux: number;
	uy: number;
	/** preference, lower first */
	rank: number;
}

/**
 * Straight-enough stretches of a paper polyline at least `need` mm long: from each vertex the chord is
 * extended while no vertex in between strays more than `tol` mm from it.
 */
function stretches(xy: number[], need: number, tol: number, centre: [number, number]): Candidate[] {
	const n = xy.length / 2;
	const out: Candidate[] = [];
	for (let i = 0; i < n - 1; i++) {
		let best = -1;
		for (let j = i + 1; j < n; j++) {
			const ax = xy[2 * i]!;
			const ay = xy[2 * i + 1]!;
			const dx = xy[2 * j]! - ax;
			const dy = xy[2 * j + 1]! - ay;
			const len = Math.hypot(dx, dy);
			let straight = true;
			for (let k = i + 1; k < j && straight; k++) {
				const d = Math.abs((xy[2 * k]! - ax) * dy - (xy[2 * k + 1]! - ay) * dx) / (len || 1);
				if (d > tol) straight = false;
			}
			if (!straight) break;
			if (len >= need) best = j;
		}
		if (best < 0) continue;
		const ax = xy[2 * i]!;
		const ay = xy[2 * i + 1]!;
		const dx = xy[2 * best]! - ax;
		const dy = xy[2 * best + 1]! - ay;
		const len = Math.hypot(dx, dy);
		let ux = dx / len;
		let uy = dy / len;
		if (ux < -1e-9 || (Math.abs(ux) < 1e-9 && uy > 0)) {
			// keep text upright: read left to right (or bottom to top on vertical lines)
			ux = -ux;
			uy = -uy;
		}
		// positions along the stretch: middle first, then towards both ends
		const free = len - need;
		for (const t of [0.5, 0.25, 0.75, 0.1, 0.9]) {
			const s = need / 2 + free * t;
			const cx = ax + (dx / len) * s;
			const cy = ay + (dy / len) * s;
			const far = Math.hypot(cx - centre[0], cy - centre[1]);
			out.push({ cx, cy, ux, uy, rank: far / 50 - len / 40 + Math.abs(t - 0.5) });
		}
		if (best === n - 1) break;
	}
	return out.sort((a, b) => a.rank - b.rank);
}

/**
 * Places `text` along one of the paper polylines; returns the label centre, or null when no free place
 * exists. Tries the offset on both sides of the line. `away`: earlier labels of the same text, which
 * this one keeps at least `gap` mm from.
 */
export function placeAlong(
	cv: Canvas,
	space: LabelSpace,
	lines: number[][],
	text: string,
	style: LabelStyle,
	away: [number, number][] = [],
	gap = 90,
	owner: unknown = null
): [number, number] | null {
	const w = cv.width(text, style.font, style.size);
	const h = style.size * PT * 0.95;
	const f = space.frame;
	const centre: [number, number] = [f.x + f.w / 2, f.y + f.h / 2];
	const cands = lines.flatMap((xy) => stretches(xy, w + 2, 0.5, centre));
	const farEnough = (c: Candidate) => away.every(([ax, ay]) => Math.hypot(c.cx - ax, c.cy - ay) >= gap);
	// of the free places, the one covering the fewest other lines; ties go to the better-ranked place
	let best: { box: Box; c: Candidate; nx: number; ny: number; cost: number } | null = null;
	for (const c of cands.filter(farEnough).slice(0, 40)) {
		// the side normal pointing "up" for upright text (paper y is down)
		const nx = c.uy;
		const ny = -c.ux;
		const sides = style.offset === 0 ? [0] : [1, -1];
		for (const side of sides) {
			const d = side * (style.offset + h / 2);
			const box: Box = { cx: c.cx + nx * d, cy: c.cy + ny * d, hw: w / 2 + 0.3, hh: h / 2, ux: c.ux, uy: c.uy };
			if (!space.free(box)) continue;
			const cost = space.crossings(box, owner);
			if (!best || cost < best.cost) best = { box, c, nx, ny, cost };
			if (cost === 0) break;
		}
		if (best?.cost === 0) break;
	}
	if (!best) return null;
	const { box, c, nx, ny } = best;
	space.add(box);
	// baseline: from the box centre down by ~0.3 of the text height
	const bx = box.cx - nx * (h * 0.3);
	const by = box.cy - ny * (h * 0.3);
	const angle = (Math.atan2(-c.uy, c.ux) * 180) / Math.PI;
	cv.text(text, bx, by, { font: style.font, size: style.size, color: style.color, angle, align: 'center', halo: style.halo });
	return [c.cx, c.cy];
}

/** A horizontal box reserved around a point (symbols, grid labels). */
export function pointBox(cx: number, cy: number, hw: number, hh: number): Box {
	return { cx, cy, hw, hh, ux: 1, uy: 0 };
}
