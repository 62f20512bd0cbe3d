/**
 * @module pdf/scale
 * Paper, map frame and scale. A plan is printed at its nominal scale and never shrunk to fit: if the
 * area does not fit one frame, `sheets.ts` tiles it.
 *
 * "Dense" (Bauauskunft at 1:250 instead of 1:500): the plan is cut into 10 m × 10 m ground cells
 * (2 × 2 cm of paper at 1:500) and the "ink" in each is summed — metres of line, plus 3 m per point
 * symbol (a 2.5 mm symbol covers ≈ 1.25 m at 1:500 and its surroundings). A cell is crowded from
 * 100 m of ink, i.e. lines on average closer than 1 m = 2 mm of paper, where neither the lines nor
 * their dimension labels can be told apart. The plan is dense when at least 20 % of the occupied
 * cells, and at least 3 cells, are crowded: one busy junction alone does not quadruple the sheets.
 */
import type { AuskunftType } from './model';
import type { PdfFeature } from './model';
import { parts } from './geometry';

/** mm */
export const A4 = { w: 210, h: 297 } as const;
/** mm, landscape */
export const A3_LANDSCAPE = { w: 420, h: 297 } as const;

/** The map frame on an A3 landscape plan sheet (mm, top left origin); the panel sits to its right. */
export const PLAN_FRAME = { x: 10, y: 10, w: 310, h: 277 } as const;
export const PLAN_PANEL = { x: 320, y: 10, w: 90, h: 277 } as const;

/** Sheets overlap by this much paper so a line crossing the sheet edge is found on both. */
export const SHEET_OVERLAP_MM = 10;

export const DENSITY_CELL_M = 10;
export const CROWDED_INK_M = 100;
export const POINT_INK_M = 3;
export const DENSE_SHARE = 0.2;
export const DENSE_MIN_CELLS = 3;

/** Ground metres covered by `mm` of paper at 1:`scale`. */
export function paperToGround(mm: number, scale: number): number {
	return (mm * scale) / 1000;
}

/** Ground size (m) of the plan frame at 1:`scale`. */
export function frameGround(scale: number, frame: { w: number; h: number } = PLAN_FRAME): { w: number; h: number } {
	return { w: paperToGround(frame.w, scale), h: paperToGround(frame.h, scale) };
}

/** Grid interval: one line every 10 cm of paper (50 m at 1:500). */
export function gridInterval(scale: number): number {
	return paperToGround(100, scale);
}

export interface Density {
	occupiedCells: number;
	crowdedCells: number;
	dense: boolean;
}

/** See the module comment. Features in EPSG:25832. */
export function density(features: PdfFeature[]): Density {
	const ink = new Map<string, number>();
	const add = (x: number, y: number, m: number) => {
		const key = `${Math.floor(x / DENSITY_CELL_M)}:${Math.floor(y / DENSITY_CELL_M)}`;
		ink.set(key, (ink.get(key) ?? 0) + m);
	};
	for (const f of features) {
		const g = f.geometry;
		if (g.type === 'Point' || g.type === 'MultiPoint') {
			for (const [p] of parts(g)) add(p![0]!, p![1]!, POINT_INK_M);
			continue;
		}
		for (const line of parts(g)) {
			for (let i = 1; i < line.length; i++) {
				const [ax, ay] = line[i - 1] as [number, number];
				const [bx, by] = line[i] as [number, number];
				const len = Math.hypot(bx - ax, by - ay);
				// pieces of ≤ 2 m, each counted in the cell of its midpoint
				const steps = Math.max(1, Math.ceil(len / 2));
				for (let s = 0; s < steps; s++) {
					const t = (s + 0.5) / steps;
					add(ax + (bx - ax) * t, ay + (by - ay) * t, len / steps);
				}
			}
		}
	}
	let crowded = 0;
	for (const m of ink.values()) if (m >= CROWDED_INK_M) crowded++;
	const occupied = ink.size;
	return {
		occupiedCells: occupied,
		crowdedCells: crowded,
		dense: crowded >= DENSE_MIN_CELLS && crowded >= DENSE_SHARE * occupied
	};
}

/**
 * The plan scale (the denominator). Bau and Notfall: 1:500, 1:250 where dense. Planung: 1:1000, or
 * 1:2000 when 1:1000 would need more than `maxPlanungSheets` sheets.
 */
export function chooseScale(
	type: AuskunftType,
	features: PdfFeature[],
	sheetsAt: (scale: number) => number,
	maxPlanungSheets = 4
): number {
	if (type === 'planung') return sheetsAt(1000) <= maxPlanungSheets ? 1000 : 2000;
	return density(features).dense ? 250 : 500;
}
