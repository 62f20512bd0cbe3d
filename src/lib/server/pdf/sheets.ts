/**
 * @module pdf/sheets
 * Sheet layout: the grown area is tiled by map frames of fixed ground size (the scale is never
 * changed to make it fit). Tiles overlap a little; tiles that miss the grown area are dropped, so a long
 * diagonal corridor gets a staircase of sheets, not the whole rectangle. Of a few grid offsets the one
 * with the fewest sheets wins. Sheets are numbered in reading order, north-west first.
 */
import { areaMeetsExtent, geometryExtent, type Extent } from './geometry';
import type { AreaGeometry } from './model';
import { frameGround, paperToGround, PLAN_FRAME, SHEET_OVERLAP_MM } from './scale';

export interface Sheet {
	/** 1-based, reading order */
	number: number;
	row: number;
	col: number;
	/** ground rectangle shown, EPSG:25832 */
	extent: Extent;
}

export interface SheetLayout {
	scale: number;
	/** ground size of one frame, m */
	groundW: number;
	groundH: number;
	sheets: Sheet[];
}

/** Where in its slack the grid may sit: centred first, so ties keep even margins. */
const PLACEMENTS = [0.5, 0, 1, 0.25, 0.75];

export function layoutSheets(area: AreaGeometry, scale: number, frame: { w: number; h: number } = PLAN_FRAME): SheetLayout {
	const { w, h } = frameGround(scale, frame);
	const overlap = paperToGround(SHEET_OVERLAP_MM, scale);
	const stepX = w - overlap;
	const stepY = h - overlap;
	const [minE, minN, maxE, maxN] = geometryExtent(area);
	if (![minE, minN, maxE, maxN].every(Number.isFinite)) return { scale, groundW: w, groundH: h, sheets: [] };
	const spanE = maxE - minE;
	const spanN = maxN - minN;
	// fewest columns/rows whose grid (n steps + one overlap) spans the area
	const minCols = Math.max(1, Math.ceil((spanE - overlap) / stepX));
	const minRows = Math.max(1, Math.ceil((spanN - overlap) / stepY));

	let best: Sheet[] | null = null;
	// one spare column or row gives the grid room to slide along a diagonal corridor
	for (const cols of [minCols, minCols + 1]) {
		for (const rows of [minRows, minRows + 1]) {
			const slackE = cols * stepX + overlap - spanE;
			const slackN = rows * stepY + overlap - spanN;
			for (const tx of PLACEMENTS) {
				for (const ty of PLACEMENTS) {
					const left = minE - slackE * tx;
					const top = maxN + slackN * ty;
					const sheets: Sheet[] = [];
					for (let r = 0; r < rows; r++) {
						for (let c = 0; c < cols; c++) {
							const e0 = left + c * stepX;
							const n1 = top - r * stepY;
							const extent: Extent = [e0, n1 - h, e0 + w, n1];
							if (areaMeetsExtent(area, extent)) sheets.push({ number: 0, row: r, col: c, extent });
						}
					}
					if (!best || sheets.length < best.length) best = sheets;
				}
			}
		}
	}
	const sheets = best ?? [];
	sheets.forEach((sh, i) => (sh.number = i + 1));
	return { scale, groundW: w, groundH: h, sheets };
}
