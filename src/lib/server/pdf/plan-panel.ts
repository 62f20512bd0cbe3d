/**
 * @module pdf/plan-panel
 * The side panel of a plan sheet above the chrome: title block, sheet number and scale, north arrow,
 * scale bar, legend of what this sheet shows, and "Maße nicht abgreifen".
 */
import { NETWORK_INFO, type Network } from '$lib/layers/catalogue';
import { BLACK, hexColor, WHITE, type Canvas, type Rgb } from './canvas';
import { PANEL_ZONES, RED } from './chrome';
import { fmtNumber, fmtScale, networkLabel, TYPE_LABELS } from './labels';
import type { AuskunftPdfModel } from './model';
import type { PlanFeature } from './plan-data';
import {
	DRAWN_AREA,
	drawSymbol,
	GROWN_AREA,
	lineStyle,
	pattern,
	PATTERN_LABELS,
	symbolKind,
	SYMBOL_LABELS,
	type Pattern,
	type SymbolKind
} from './plan-style';
import { PLAN_PANEL } from './scale';
import { fit, paragraph } from './text';

const GREY: Rgb = [0.35, 0.35, 0.35];
export const PANEL_X = PLAN_PANEL.x + 4;
export const PANEL_W = PLAN_PANEL.w - 8;

/** Title block: what this is, for whom, where. `subtitle` e.g. "Lageplan" or "Blattübersicht". */
export function drawTitle(cv: Canvas, m: AuskunftPdfModel, subtitle: string): void {
	const { bold, cond, condBold } = cv.fonts;
	const x = PANEL_X;
	let y = PANEL_ZONES.titleTop + 4;
	cv.text('LEITUNGSAUSKUNFT', x, y, { font: bold, size: 11 });
	y += 5.5;
	cv.text(fit(cv, `${subtitle} · ${TYPE_LABELS[m.type]}`, PANEL_W, condBold, 9), x, y, { font: condBold, size: 9 });
	y += 4.5;
	cv.text(`Nr. ${m.number} · Fassung ${m.documentVersion}`, x, y, { font: cond, size: 8 });
	y += 4;
	const site = [m.site.strasse, m.site.hausnummer].filter(Boolean).join(' ');
	if (site) {
		cv.text(fit(cv, `Baustelle: ${site}`, PANEL_W, cond, 8), x, y, { font: cond, size: 8 });
		y += 4;
	}
	cv.text(fit(cv, `Anfragender: ${m.requester.org}`, PANEL_W, cond, 8), x, y, { font: cond, size: 8 });
	y += 4;
	if (m.type === 'planung') cv.text('NICHT ZUR BAUAUSFÜHRUNG', x, y + 0.5, { font: bold, size: 8.5, color: RED });
}

/** "Blatt 2 von 4 · Maßstab 1:500" with north arrow and scale bar; returns the y below. */
export function drawSheetInfo(cv: Canvas, sheetLabel: string, scale: number | null, scaleNote?: string): number {
	const { bold, cond } = cv.fonts;
	const x = PANEL_X;
	let y = PANEL_ZONES.bodyTop + 5;
	cv.text(sheetLabel, x, y, { font: bold, size: 13 });
	cv.text(scale ? `Maßstab ${fmtScale(scale)}` : (scaleNote ?? ''), x + PANEL_W, y, { font: bold, size: 13, align: 'right' });
	y += 4;
	if (scaleNote && scale) {
		cv.text(scaleNote, x + PANEL_W, y, { font: cond, size: 6.5, color: GREY, align: 'right' });
	}
	y += 3;
	drawNorthArrow(cv, x + 6, y + 9);
	if (scale) drawScaleBar(cv, x + 18, y + 9, scale);
	return y + 20;
}

function drawNorthArrow(cv: Canvas, cx: number, cy: number): void {
	const h = 8;
	cv.fill(BLACK).path([cx, cy - h, cx + 2.6, cy + h * 0.55, cx, cy + h * 0.25], true).paint('f');
	cv.fill(WHITE).stroke({ color: BLACK, width: 0.25 }).path([cx, cy - h, cx - 2.6, cy + h * 0.55, cx, cy + h * 0.25], true).paint('B');
	cv.text('N', cx, cy - h - 1.2, { font: cv.fonts.bold, size: 8, align: 'center' });
}

/** Alternating bar of about 50 mm with metre labels. */
function drawScaleBar(cv: Canvas, x: number, y: number, scale: number): void {
	const steps = [1, 2, 2.5, 5];
	const targetM = (50 * scale) / 1000;
	let unit = 1;
	outer: for (let p = 0.1; p < 1e5; p *= 10) {
		for (const s of steps) {
			if (s * p * 4 >= targetM * 0.8) {
				unit = s * p;
				break outer;
			}
		}
	}
	const segMm = (unit * 1000) / scale;
	for (let i = 0; i < 4; i++) {
		cv.fill(i % 2 === 0 ? BLACK : WHITE)
			.stroke({ color: BLACK, width: 0.2 })
			.rect(x + i * segMm, y, segMm, 1.6)
			.paint('B');
	}
	const { cond } = cv.fonts;
	for (let i = 0; i <= 4; i++) {
		const v = unit * i;
		const label = fmtNumber(v, Number.isInteger(v) ? 0 : 1) + (i === 4 ? ' m' : '');
		cv.text(label, x + i * segMm, y - 1.2, { font: cond, size: 6.5, align: i === 4 ? 'left' : 'center' });
	}
}

interface LegendRow {
	draw: (x: number, y: number) => void;
	label: string;
}

/** Legend rows for what the given features actually contain (networks, symbols, line patterns, areas). */
export function legendRows(cv: Canvas, features: PlanFeature[], bufferNote: string): { left: LegendRow[]; right: LegendRow[] } {
	const networks = new Set<Network>();
	const symbols = new Set<SymbolKind>();
	const patterns = new Set<Pattern>();
	let hausanschluss = false;
	let schutzrohr = false;
	for (const f of features) {
		networks.add(f.props.network);
		if (f.shape === 'point') symbols.add(symbolKind(f.props));
		else patterns.add(pattern(f.props));
		if (f.props.kind === 'hausanschluss') hausanschluss = true;
		if (f.props.kind === 'schutzrohr') schutzrohr = true;
	}
	const left: LegendRow[] = [...networks]
		.sort((a, b) => Object.keys(NETWORK_INFO).indexOf(a) - Object.keys(NETWORK_INFO).indexOf(b))
		.map((n) => ({
			label: networkLabel(n),
			draw: (x, y) => cv.line(x, y, x + 8, y, { color: hexColor(NETWORK_INFO[n].color), width: 0.9, cap: 'butt' })
		}));
	const sample = (p: Pattern, kind = 'leitung'): ReturnType<typeof lineStyle> =>
		lineStyle({
			network: 'lsa',
			kind: kind as 'leitung',
			status: p === 'geplant' ? 'geplant' : p.startsWith('stillgelegt') ? 'stillgelegt' : 'in_betrieb',
			accuracy_cm: p.endsWith('unsicher') ? 999 : 0
		} as PlanFeature['props']);
	const right: LegendRow[] = [];
	right.push({ label: 'in Betrieb / außer Betrieb', draw: (x, y) => cv.line(x, y, x + 8, y, sample('solid')) });
	for (const p of ['stillgelegt', 'unsicher', 'stillgelegt_unsicher', 'geplant'] as const) {
		if (patterns.has(p)) right.push({ label: PATTERN_LABELS[p], draw: (x, y) => cv.line(x, y, x + 8, y, sample(p)) });
	}
	if (hausanschluss) right.push({ label: 'Hausanschluss', draw: (x, y) => cv.line(x, y, x + 8, y, sample('solid', 'hausanschluss')) });
	if (schutzrohr) right.push({ label: 'Schutz-/Leerrohr', draw: (x, y) => cv.line(x, y, x + 8, y, sample('solid', 'schutzrohr')) });
	for (const s of ['schacht', 'armatur', 'mast', 'punkt'] as const) {
		if (symbols.has(s)) right.push({ label: SYMBOL_LABELS[s], draw: (x, y) => drawSymbol(cv, s, x + 4, y, GREY) });
	}
	right.push({ label: 'Arbeitsbereich (angefragt)', draw: (x, y) => cv.line(x, y, x + 8, y, DRAWN_AREA) });
	right.push({ label: bufferNote, draw: (x, y) => cv.line(x, y, x + 8, y, GROWN_AREA) });
	return { left, right };
}

/** Two-column legend from `top`; returns the y below. */
export function drawLegend(cv: Canvas, top: number, rows: { left: LegendRow[]; right: LegendRow[] }, note?: string): number {
	const { condBold, cond } = cv.fonts;
	const x = PANEL_X;
	cv.text('Zeichenerklärung', x, top, { font: condBold, size: 8 });
	const colW = PANEL_W / 2;
	const rowH = 3.9;
	const size = 6.3;
	let yl = top + 4.5;
	let yr = top + 4.5;
	for (const r of rows.left) {
		r.draw(x, yl - 0.8);
		yl = paragraph(cv, r.label, x + 10, yl, colW - 11, { font: cond, size }, 1.15) + (rowH - 2.6);
	}
	for (const r of rows.right) {
		r.draw(x + colW, yr - 0.8);
		yr = paragraph(cv, r.label, x + colW + 10, yr, colW - 10, { font: cond, size }, 1.15) + (rowH - 2.6);
	}
	let y = Math.max(yl, yr);
	if (note) y = paragraph(cv, note, x, y + 0.5, PANEL_W, { font: cond, size, color: GREY }, 1.2);
	return y;
}

/** The boxed warning at the bottom of the panel body. */
export function drawNoMeasuring(cv: Canvas): void {
	const y = PANEL_ZONES.bodyBottom - 8;
	cv.stroke({ color: RED, width: 0.5 }).rect(PANEL_X, y, PANEL_W, 7).paint('S');
	cv.text('Maße nicht abgreifen', PANEL_X + PANEL_W / 2, y + 4.9, { font: cv.fonts.bold, size: 10, color: RED, align: 'center' });
}
