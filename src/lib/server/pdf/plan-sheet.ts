/**
 * @module pdf/plan-sheet
 * One A3 landscape plan sheet: the fused vector plan of all answering operators at the sheet's scale,
 * and the panel beside it. Chrome (stamp, issuer, QR, page number) is added later by `chrome.ts`.
 */
import { MapTransform, bufferExtent } from './geometry';
import type { Canvas } from './canvas';
import { fmtNumber } from './labels';
import type { AuskunftPdfModel } from './model';
import { featuresIn, type PlanData } from './plan-data';
import { LabelSpace } from './plan-labels';
import {
	drawArea,
	drawBasemap,
	drawFeatures,
	drawGrid,
	drawStreets,
	labelFeatures,
	labelHouseNumbers,
	labelStreets,
	reserveSymbols
} from './plan-map';
import { drawLegend, drawNoMeasuring, drawSheetInfo, drawTitle, legendRows } from './plan-panel';
import { DRAWN_AREA, DRAWN_TINT, DRAWN_TINT_ALPHA, GROWN_AREA, STREET_WIDTH_M } from './plan-style';
import { gridInterval, PLAN_FRAME, PLAN_PANEL } from './scale';
import type { Sheet, SheetLayout } from './sheets';

export function bufferNote(m: AuskunftPdfModel): string {
	const maxBuffer = Math.max(m.workClassDistanceM, ...m.operators.map((o) => o.bufferM ?? 0));
	return `Suchraum (Arbeitsbereich + ${fmtNumber(maxBuffer)} m)`;
}

/** Draws the watermark: the requester's organisation, faint, across the map frame. */
function watermark(cv: Canvas, text: string): void {
	const f = PLAN_FRAME;
	const angle = (Math.atan2(f.h, f.w) * 180) / Math.PI;
	let size = 54;
	while (size > 16 && cv.width(text, cv.fonts.bold, size) > Math.hypot(f.w, f.h) * 0.75) size -= 2;
	cv.text(text, f.x + f.w / 2, f.y + f.h / 2 + (size * 0.3528) / 3, {
		font: cv.fonts.bold,
		size,
		color: [0.55, 0.55, 0.55],
		angle,
		align: 'center',
		opacity: 0.12
	});
}

export function drawPlanSheet(cv: Canvas, m: AuskunftPdfModel, data: PlanData, layout: SheetLayout, sheet: Sheet): void {
	const t = new MapTransform(sheet.extent, PLAN_FRAME, layout.scale);
	const f = PLAN_FRAME;
	// a little beyond the frame so lines do not stop short of the edge
	const features = featuresIn(data, bufferExtent(sheet.extent, 2));

	cv.save().rect(f.x, f.y, f.w, f.h).paint('W n');
	drawStreets(cv, t, data.streets, STREET_WIDTH_M);
	drawBasemap(cv, t, m.basemap);
	drawArea(cv, t, m.drawnArea, DRAWN_TINT, null, DRAWN_TINT_ALPHA);
	watermark(cv, m.requester.org);
	drawArea(cv, t, m.grownArea, null, GROWN_AREA);
	drawArea(cv, t, m.drawnArea, null, DRAWN_AREA);
	drawFeatures(cv, t, features);

	const space = new LabelSpace(f);
	drawGrid(cv, t, gridInterval(layout.scale), space);
	reserveSymbols(space, t, features);
	labelStreets(cv, t, data.streets, space, 8.5);
	labelHouseNumbers(cv, t, m.basemap?.houseNumbers, space);
	labelFeatures(cv, t, features, space);
	cv.restore();

	// frame and panel border
	cv.stroke({ color: [0, 0, 0], width: 0.5 }).rect(f.x, f.y, f.w, f.h).paint('S');
	cv.stroke({ color: [0, 0, 0], width: 0.5 }).rect(PLAN_PANEL.x, PLAN_PANEL.y, PLAN_PANEL.w, PLAN_PANEL.h).paint('S');
	if (layout.sheets.length > 1) neighbourHints(cv, layout, sheet);

	drawTitle(cv, m, 'Lageplan');
	const sheetLabel = `Blatt ${sheet.number} von ${layout.sheets.length}`;
	const y = drawSheetInfo(cv, sheetLabel, layout.scale, layout.scale === 250 ? 'vergrößert: dichte Leitungslage' : undefined);
	const note =
		'Beschriftung: Netz, Dimension · Überdeckung (Tiefe bis Scheitel); ≈ = Regelwert, nicht gemessen. ' +
		'Koordinaten ETRS89 / UTM 32N (EPSG:25832).';
	drawLegend(cv, y + 2, legendRows(cv, features, bufferNote(m)), note);
	drawNoMeasuring(cv);
}

/** "Anschlussblätter: ↑ Blatt 1 · → Blatt 3" in the bottom margin: where the plan continues. */
function neighbourHints(cv: Canvas, layout: SheetLayout, sheet: Sheet): void {
	const dirs: [number, number, string][] = [
		[0, -1, '↑ Norden'],
		[1, 0, '→ Osten'],
		[0, 1, '↓ Süden'],
		[-1, 0, '← Westen']
	];
	const hints: string[] = [];
	for (const [dc, dr, label] of dirs) {
		const n = layout.sheets.find((s) => s.col === sheet.col + dc && s.row === sheet.row + dr);
		if (n) hints.push(`${label}: Blatt ${n.number}`);
	}
	if (hints.length === 0) return;
	const f = PLAN_FRAME;
	cv.text(`Anschlussblätter – ${hints.join(' · ')}`, f.x, f.y + f.h + 5, { font: cv.fonts.cond, size: 7.5 });
}
