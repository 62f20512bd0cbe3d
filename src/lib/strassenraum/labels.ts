/**
 * @module strassenraum/labels
 * Label placement for the cross-section drawing, pure: boxes above the surface, each on a vertical
 * leader down to its markers, so that no two boxes overlap and — short of pathological crowding — no
 * leader runs through a box. Units: SVG pixels; levels count upwards from the surface.
 */

export interface LabelEntry {
	/** index into json.lines */
	line: number;
	/** the line's running number, shown in its marker and in the table */
	number: number;
	color: string;
	/** „Wasser DN 100“; empty in compact labels */
	title: string;
	/** „1,32 m tief · 2,37 m rechts“ */
	detail: string;
	depthKnown: boolean;
}

/** Where a box went: x in pixels, levels in pixels upwards from the surface. */
export interface Placement {
	width: number;
	height: number;
	/** the box sits right of its leader, like a flag (true), or left of it */
	right: boolean;
	x0: number;
	x1: number;
	lo: number;
	hi: number;
}

export const LABEL_FONT = { title: 12, detail: 11 } as const;
/** the running number's disc in front of each entry */
export const BULLET = 18;
export const LINE_H = { title: 15, detail: 14 } as const;
export const BOX_PAD = 4;
/** horizontal room kept between a leader and any box */
const LEADER_PAD = 4;
/** vertical gap between stacked boxes */
export const STACK_GAP = 4;

/**
 * Estimated width of a text in DejaVu Sans, the widest of the system fonts we meet (Chromium on
 * Debian): measured per character class in Chromium, rounded up, so that a box is never narrower than
 * its text.
 */
export function textWidth(text: string, size: number, bold = false): number {
	let em = 0;
	for (const ch of text) {
		if (' .,:;·|!\'’ijl'.includes(ch)) em += 0.32;
		else if ('ftr()-/'.includes(ch)) em += 0.42;
		else if ('mwMW×'.includes(ch)) em += 0.95;
		else if (/[0-9]/.test(ch)) em += 0.64;
		else if (ch !== ch.toLowerCase()) em += 0.74;
		else em += 0.6;
	}
	return Math.ceil(em * size * (bold ? 1.1 : 1));
}

export function entryHeight(e: LabelEntry): number {
	return (e.title ? LINE_H.title : 0) + LINE_H.detail;
}

function boxSize(entries: LabelEntry[]): { width: number; height: number } {
	const text = Math.max(...entries.map((e) => Math.max(e.title ? textWidth(e.title, LABEL_FONT.title, true) : 0, textWidth(e.detail, LABEL_FONT.detail))));
	const height = entries.reduce((sum, e) => sum + entryHeight(e), 0) + (entries.length - 1) * 2 + 2 * BOX_PAD;
	return { width: Math.ceil(BULLET + text + 2 * BOX_PAD), height };
}

type Box<T> = T & Placement & { leaderX: number };

/**
 * One arrangement. Each box sits on the preferred side of its leader unless the edge leaves no room, or
 * where `sides` puts it (true: right; then cycles are not turned, only counted).
 * "Box A covers B's leader" means A must stand above B; as long as these demands form no cycle,
 * placing every box after all boxes it covers, each at the lowest level where it fits, never runs out
 * of room — a new level on top always fits. A cycle (two boxes facing each other, each over the other's
 * leader) is broken by turning the one on the preferred side round; what cannot be broken is placed in
 * order along the axis, and counted.
 */
function arrange<T extends { leaderX: number; entries: LabelEntry[] }>(groups: T[], bandLeft: number, bandRight: number, prefer: 'right' | 'left', sides?: boolean[]): Arrangement<T> {
	const boxes: Box<T>[] = groups.map((g) => ({ ...g, ...boxSize(g.entries), right: true, x0: 0, x1: 0, lo: 0, hi: 0 }));
	const orient = (b: Box<T>, right: boolean) => {
		b.right = right;
		// a box wider than the room on its side is pulled back inside; its leader then lies under it
		b.x0 = right ? Math.max(bandLeft, Math.min(b.leaderX, bandRight - b.width)) : Math.max(bandLeft, Math.min(b.leaderX - b.width, bandRight - b.width));
		b.x1 = b.x0 + b.width;
	};
	boxes.forEach((b, i) => orient(b, sides?.[i] ?? (prefer === 'right' ? b.leaderX + b.width <= bandRight : b.leaderX - b.width < bandLeft)));
	const under = (x: number, p: Placement) => x >= p.x0 - LEADER_PAD && x <= p.x1 + LEADER_PAD;
	const covers = (a: Box<T>, b: Box<T>) => a !== b && under(b.leaderX, a);

	let order: Box<T>[] = [];
	for (let round = 0; round <= boxes.length; round++) {
		order = [];
		const pending = new Set(boxes);
		for (;;) {
			const ready = [...pending].filter((a) => ![...pending].some((b) => covers(a, b)));
			if (!ready.length) break;
			for (const a of ready) pending.delete(a);
			order.push(...ready.sort((a, b) => a.leaderX - b.leaderX));
		}
		if (!pending.size) break;
		const preferred = prefer === 'right';
		const flip = [...pending].find((a) => a.right === preferred && [...pending].some((b) => b.right !== preferred && covers(a, b) && covers(b, a)));
		if (!flip || sides) {
			order.push(...[...pending].sort((a, b) => a.leaderX - b.leaderX));
			break;
		}
		orient(flip, !preferred);
	}

	const placed: Box<T>[] = [];
	let crossings = 0;
	for (const b of order) {
		const fits = (lo: number, strict: boolean) => {
			const hi = lo + b.height;
			return placed.every((p) => {
				const beside = b.x1 + STACK_GAP <= p.x0 || p.x1 + STACK_GAP <= b.x0;
				const apart = hi + STACK_GAP <= p.lo || p.hi + STACK_GAP <= lo;
				if (!beside && !apart) return false;
				if (!strict) return true;
				// a leader runs from the surface up to its box's `lo`, past every box lower than that
				if (p.lo < lo && under(b.leaderX, p)) return false;
				if (lo < p.lo && under(p.leaderX, b)) return false;
				return true;
			});
		};
		const candidates = [0, ...placed.map((p) => p.hi + STACK_GAP)].sort((m, n) => m - n);
		let lo = candidates.find((c) => fits(c, true));
		if (lo === undefined) {
			crossings++;
			lo = candidates.find((c) => fits(c, false))!;
		}
		b.lo = lo;
		b.hi = lo + b.height;
		placed.push(b);
	}
	return { boxes, crossings, height: Math.max(0, ...boxes.map((b) => b.hi)), sides: boxes.map((b) => b.right) };
}

interface Arrangement<T> {
	boxes: Box<T>[];
	crossings: number;
	/** of the highest box above the surface */
	height: number;
	sides: boolean[];
}

/** lower is better: no leader through a box, then a low band, then boxes near the surface */
const score = (a: Arrangement<unknown>) => a.crossings * 1e9 + a.height * 1e4 + a.boxes.reduce((sum, b) => sum + b.lo, 0);

/**
 * Places the label boxes: flags to the right of their leaders, or to the left — whichever arrangement
 * crosses fewer leaders and then stays lower; then each box alone is tried on its other side, kept
 * there while that lowers the band (a staircase of flags becomes a roof where the room allows). Boxes
 * never overlap. Returns the groups in the order given, with their placement.
 */
export function placeLabels<T extends { leaderX: number; entries: LabelEntry[] }>(groups: T[], bandLeft: number, bandRight: number): { boxes: (T & Placement)[]; crossings: number; height: number } {
	let best = (['right', 'left'] as const).map((prefer) => arrange(groups, bandLeft, bandRight, prefer)).sort((a, b) => score(a) - score(b))[0]!;
	for (let pass = 0; pass < 3; pass++) {
		let improved = false;
		for (let i = 0; i < groups.length; i++) {
			const sides = [...best.sides];
			sides[i] = !sides[i];
			const b = best.boxes[i]!;
			// only where the box has room on that side
			if (sides[i] ? b.leaderX + b.width > bandRight : b.leaderX - b.width < bandLeft) continue;
			const candidate = arrange(groups, bandLeft, bandRight, 'right', sides);
			if (score(candidate) < score(best)) {
				best = candidate;
				improved = true;
			}
		}
		if (!improved) break;
	}
	return best;
}
