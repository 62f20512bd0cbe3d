/**
 * @module pdf/table
 * A ruled table with wrapped cells that stops at the bottom of the page and hands back the rows that
 * did not fit, so the caller can continue on a new page (the header repeats there).
 */
import type { PDFFont } from 'pdf-lib';
import { lighten, type Canvas, type Rgb } from './canvas';
import { leading, wrap } from './text';

export interface CellText {
	text: string;
	bold?: boolean;
	color?: Rgb;
}
export type Cell = string | CellText[];

export interface Column<T> {
	header: string;
	/** mm */
	width: number;
	align?: 'left' | 'right';
	cell: (row: T) => Cell;
}

export interface TableOptions {
	/** pt */
	size?: number;
	/** mm around cell text */
	pad?: number;
	/** row background for every second row */
	zebra?: boolean;
	/** a colour band left of a row (e.g. the network colour); null for none */
	marker?: (row: unknown) => Rgb | null;
	/** draw the first row even if it overflows `bottom` (a fresh page: otherwise it would never fit) */
	forceFirst?: boolean;
}

const GRID: Rgb = [0.62, 0.62, 0.62];
const HEADER_BG: Rgb = [0.88, 0.9, 0.93];
const ZEBRA: Rgb = lighten([0.88, 0.9, 0.93], 0.55);

interface LaidCell {
	lines: { text: string; font: PDFFont; color?: Rgb }[];
}

function layCell(cv: Canvas, cell: Cell, width: number, size: number): LaidCell {
	const parts = typeof cell === 'string' ? [{ text: cell }] : cell;
	const lines: LaidCell['lines'] = [];
	for (const p of parts) {
		const font = p.bold ? cv.fonts.condBold : cv.fonts.cond;
		for (const text of wrap(cv, p.text || '', width, font, size)) lines.push({ text, font, color: p.color });
	}
	return { lines };
}

/**
 * Draws the header and as many rows as fit between `y` and `bottom` (mm, y down).
 * Returns the y below the table and the rows left over.
 */
export function drawTable<T>(
	cv: Canvas,
	x: number,
	y: number,
	bottom: number,
	columns: Column<T>[],
	rows: T[],
	opts: TableOptions = {}
): { y: number; rest: T[] } {
	const size = opts.size ?? 7.5;
	const pad = opts.pad ?? 1.2;
	const lh = leading(size, 1.2);
	const totalW = columns.reduce((s, col) => s + col.width, 0);
	const ascent = lh * 0.72;

	const drawRow = (cells: LaidCell[], top: number, height: number, bg: Rgb | null, marker: Rgb | null) => {
		if (bg) cv.fill(bg).rect(x, top, totalW, height).paint('f');
		if (marker) cv.fill(marker).rect(x, top, 1.2, height).paint('f');
		let cx = x;
		columns.forEach((col, i) => {
			let ly = top + pad + ascent;
			for (const line of cells[i]!.lines) {
				const tx = col.align === 'right' ? cx + col.width - pad : cx + pad + (i === 0 && marker ? 0.8 : 0);
				cv.text(line.text, tx, ly, { font: line.font, size, color: line.color, align: col.align === 'right' ? 'right' : 'left' });
				ly += lh;
			}
			cx += col.width;
		});
		cv.stroke({ color: GRID, width: 0.15 }).path([x, top + height, x + totalW, top + height]).paint('S');
	};

	const header = columns.map((col) => layCell(cv, [{ text: col.header, bold: true }], col.width - 2 * pad, size));
	const headerH = Math.max(...header.map((h) => h.lines.length)) * lh + 2 * pad;
	if (y + headerH + lh + 2 * pad > bottom && !opts.forceFirst) return { y, rest: rows };
	const top = y;
	drawRow(header, y, headerH, HEADER_BG, null);
	y += headerH;

	let i = 0;
	for (; i < rows.length; i++) {
		const row = rows[i]!;
		const cells = columns.map((col) => layCell(cv, col.cell(row), col.width - 2 * pad - (opts.marker ? 0.8 : 0), size));
		const h = Math.max(1, ...cells.map((cl) => cl.lines.length)) * lh + 2 * pad;
		if (y + h > bottom && !(i === 0 && opts.forceFirst)) break;
		drawRow(cells, y, h, opts.zebra && i % 2 === 1 ? ZEBRA : null, opts.marker ? opts.marker(row) : null);
		y += h;
	}
	// outer frame and column rules
	cv.stroke({ color: GRID, width: 0.25 }).rect(x, top, totalW, y - top).paint('S');
	let cx = x;
	const rules: number[] = [];
	for (const col of columns.slice(0, -1)) {
		cx += col.width;
		rules.push(cx);
	}
	cv.stroke({ color: GRID, width: 0.15 });
	for (const rx of rules) cv.path([rx, top, rx, y]);
	cv.paint('S');
	return { y, rest: rows.slice(i) };
}
