/**
 * @module pdf/overview
 * The Blattübersicht (A3 landscape, before the sheets when there is more than one): the whole grown area
 * at a smaller scale with the sheet rectangles and their numbers, so the plan can be laid out on site.
 * This page may be reduced — it is not for reading positions — and says so.
 */
import { hexColor, type Canvas } from './canvas';
import { emptyExtent, extendExtent, MapTransform, type Extent } from './geometry';
import { fmtScale } from './labels';
import type { AuskunftPdfModel } from './model';
import { featuresIn, type PlanData } from './plan-data';
import { LabelSpace, pointBox } from './plan-labels';
import { drawArea, drawFeatures, drawGrid, drawStreets, labelStreets } from './plan-map';
import { drawLegend, drawSheetInfo, drawTitle, PANEL_W, PANEL_X } from './plan-panel';
import { DRAWN_AREA, DRAWN_TINT, DRAWN_TINT_ALPHA, GROWN_AREA, STREET_WIDTH_M } from './plan-style';
import { bufferNote } from './plan-sheet';
import { gridInterval, PLAN_FRAME, PLAN_PANEL } from './scale';
import type { SheetLayout } from './sheets';
import { paragraph } from './text';

const SHEET_BLUE = hexColor('#1d3f8f');
const NICE_SCALES = [500, 1000, 1500, 2000, 2500, 5000, 7500, 10000, 15000, 20000, 25000, 50000, 100000];

/** The smallest nice scale at which `ext` (plus a margin) fits the plan frame. */
export function overviewScale(ext: Extent): number {
	const w = (ext[2] - ext[0]) * 1.06;
	const h = (ext[3] - ext[1]) * 1.06;
	for (const s of NICE_SCALES) if ((w * 1000) / s <= PLAN_FRAME.w && (h * 1000) / s <= PLAN_FRAME.h) return s;
	return NICE_SCALES[NICE_SCALES.length - 1]!;
}

export function drawOverview(cv: Canvas, m: AuskunftPdfModel, data: PlanData, layout: SheetLayout): void {
	const union = emptyExtent();
	for (const s of layout.sheets) {
		extendExtent(union, [s.extent[0], s.extent[1]]);
		extendExtent(union, [s.extent[2], s.extent[3]]);
	}
	const scale = overviewScale(union);
	const gw = (PLAN_FRAME.w * scale) / 1000;
	const gh = (PLAN_FRAME.h * scale) / 1000;
	const cx = (union[0] + union[2]) / 2;
	const cy = (union[1] + union[3]) / 2;
	const ground: Extent = [cx - gw / 2, cy - gh / 2, cx + gw / 2, cy + gh / 2];
	const t = new MapTransform(ground, PLAN_FRAME, scale);
	const f = PLAN_FRAME;

	cv.save().rect(f.x, f.y, f.w, f.h).paint('W n');
	drawStreets(cv, t, data.streets, STREET_WIDTH_M);
	drawArea(cv, t, m.drawnArea, DRAWN_TINT, null, DRAWN_TINT_ALPHA);
	drawFeatures(cv, t, featuresIn(data, ground), true);
	drawArea(cv, t, m.grownArea, null, GROWN_AREA);
	drawArea(cv, t, m.drawnArea, null, { ...DRAWN_AREA, width: 0.6 });

	const space = new LabelSpace(f);
	drawGrid(cv, t, gridInterval(scale), space);
	cv.stroke({ color: SHEET_BLUE, width: 0.6 });
	for (const s of layout.sheets) cv.rect(t.x(s.extent[0]), t.y(s.extent[3]), (s.extent[2] - s.extent[0]) * t.k, (s.extent[3] - s.extent[1]) * t.k);
	cv.paint('S');
	for (const s of layout.sheets) {
		const x = t.x((s.extent[0] + s.extent[2]) / 2);
		const y = t.y((s.extent[1] + s.extent[3]) / 2);
		const label = `Blatt ${s.number}`;
		cv.text(label, x, y + 2, { font: cv.fonts.bold, size: 16, color: SHEET_BLUE, align: 'center', halo: 0.8 });
		space.add(pointBox(x, y, cv.width(label, cv.fonts.bold, 16) / 2 + 1, 4));
	}
	labelStreets(cv, t, data.streets, space, 7);
	cv.restore();

	cv.stroke({ color: [0, 0, 0], width: 0.5 }).rect(f.x, f.y, f.w, f.h).paint('S');
	cv.stroke({ color: [0, 0, 0], width: 0.5 }).rect(PLAN_PANEL.x, PLAN_PANEL.y, PLAN_PANEL.w, PLAN_PANEL.h).paint('S');

	drawTitle(cv, m, 'Blattübersicht');
	let y = drawSheetInfo(cv, 'Übersicht', scale, 'nicht zum Ablesen von Lagen');
	y = paragraph(
		cv,
		`Die Lagepläne: ${layout.sheets.length} Blatt A3 quer im Maßstab ${fmtScale(layout.scale)}, ` +
			'nicht verkleinert. Benachbarte Blätter überlappen sich um 1 cm.',
		PANEL_X,
		y + 1,
		PANEL_W,
		{ font: cv.fonts.cond, size: 7.5 },
		1.25
	);
	drawLegend(cv, y + 3, {
		left: [
			{
				label: 'Blattschnitt mit Blattnummer',
				draw: (x, yy) => cv.stroke({ color: SHEET_BLUE, width: 0.6 }).rect(x + 1, yy - 1.5, 6, 3).paint('S')
			},
			{ label: 'Leitungen (vereinfacht)', draw: (x, yy) => cv.line(x, yy, x + 8, yy, { color: [0.5, 0.5, 0.5], width: 0.25 }) }
		],
		right: [
			{ label: 'Arbeitsbereich (angefragt)', draw: (x, yy) => cv.line(x, yy, x + 8, yy, DRAWN_AREA) },
			{ label: bufferNote(m), draw: (x, yy) => cv.line(x, yy, x + 8, yy, GROWN_AREA) }
		]
	});
}
