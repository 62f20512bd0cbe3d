/**
 * @module pdf/plan-map
 * The map layers of a plan frame, each a function of (canvas, transform, data): basemap, streets, areas,
 * network features, coordinate grid, labels. The caller clips to the frame.
 */
import { darken, type Canvas, type Rgb } from './canvas';
import { fmtCoordinate } from './labels';
import { polygons, type MapTransform } from './geometry';
import type { AreaGeometry, PdfBasemap, PdfHouseNumber } from './model';
import type { PlanFeature, PlanStreet } from './plan-data';
import { placeAlong, pointBox, type LabelSpace } from './plan-labels';
import { drawSymbol, lineStyle, networkColor, pattern, STREET_FILL, symbolKind, SYMBOL_MM } from './plan-style';

const BUILDING_FILL: Rgb = [0.89, 0.88, 0.85];
const BUILDING_LINE: Rgb = [0.6, 0.58, 0.55];
const PARCEL_LINE: Rgb = [0.7, 0.7, 0.7];

function areaPath(cv: Canvas, t: MapTransform, area: AreaGeometry): void {
	for (const poly of polygons(area)) for (const ring of poly) cv.path(t.line(ring), true);
}

export function drawBasemap(cv: Canvas, t: MapTransform, basemap: PdfBasemap | undefined): void {
	if (!basemap) return;
	if (basemap.parcels?.length) {
		cv.stroke({ color: PARCEL_LINE, width: 0.12 });
		for (const p of basemap.parcels) areaPath(cv, t, p);
		cv.paint('S');
	}
	if (basemap.buildings?.length) {
		cv.fill(BUILDING_FILL).stroke({ color: BUILDING_LINE, width: 0.18 });
		for (const b of basemap.buildings) areaPath(cv, t, b);
		cv.paint('B*');
	}
}

/** Streets as light bands of `widthM` ground metres (min. 1.5 mm), so the networks read against them. */
export function drawStreets(cv: Canvas, t: MapTransform, streets: PlanStreet[], widthM: number): void {
	cv.stroke({ color: STREET_FILL, width: Math.max(1.5, widthM * t.k), cap: 'round', join: 'round' });
	for (const s of streets) for (const part of s.parts) cv.path(t.line(part));
	cv.paint('S');
}

export function drawArea(
	cv: Canvas,
	t: MapTransform,
	area: AreaGeometry,
	fill: Rgb | null,
	stroke: Parameters<Canvas['stroke']>[0] | null,
	fillAlpha = 1
): void {
	if (fill) {
		cv.save();
		if (fillAlpha < 1) cv.opacity(fillAlpha);
		cv.fill(fill);
		areaPath(cv, t, area);
		cv.paint('f*').restore();
	}
	if (stroke) {
		cv.stroke(stroke);
		areaPath(cv, t, area);
		cv.paint('S');
	}
}

/** Network features in draw order; `thin` draws every line hairline-thin (overview). */
export function drawFeatures(cv: Canvas, t: MapTransform, features: PlanFeature[], thin = false): void {
	for (const f of features) {
		const style = lineStyle(f.props);
		if (f.shape === 'area') {
			cv.save().opacity(0.15).fill(style.color);
			for (const ring of f.parts) cv.path(t.line(ring), true);
			cv.paint('f*').restore();
			cv.stroke({ ...style, width: 0.2 });
			for (const ring of f.parts) cv.path(t.line(ring), true);
			cv.paint('S');
		} else if (f.shape === 'line') {
			cv.stroke(thin ? { ...style, width: Math.min(style.width, 0.25), dash: [] } : style);
			for (const part of f.parts) cv.path(t.line(part));
			cv.paint('S');
		}
	}
	if (thin) return;
	for (const f of features) {
		if (f.shape !== 'point') continue;
		const kind = symbolKind(f.props);
		const unsure = pattern(f.props) !== 'solid';
		for (const [p] of f.parts) drawSymbol(cv, kind, t.x(p![0]!), t.y(p![1]!), networkColor(f.props), unsure);
	}
}

/** Reserves the symbols' space so labels keep off them, and registers the lines labels should avoid. */
export function reserveSymbols(space: LabelSpace, t: MapTransform, features: PlanFeature[]): void {
	const r = SYMBOL_MM / 2 + 0.2;
	for (const f of features) {
		if (f.shape === 'point') for (const [p] of f.parts) space.add(pointBox(t.x(p![0]!), t.y(p![1]!), r, r));
		else for (const part of f.parts) space.addLine(t.line(part), f);
	}
}

/**
 * Grid crosses every `interval` m inside the frame, ticks on the frame edge and EPSG:25832 labels
 * (easting along top and bottom, northing along the left and right edges).
 */
export function drawGrid(cv: Canvas, t: MapTransform, interval: number, space: LabelSpace): void {
	const [e0, n0, e1, n1] = t.ground;
	const f = t.frame;
	const es: number[] = [];
	const ns: number[] = [];
	for (let e = Math.ceil(e0 / interval) * interval; e <= e1; e += interval) es.push(e);
	for (let n = Math.ceil(n0 / interval) * interval; n <= n1; n += interval) ns.push(n);
	const ink: Rgb = [0.25, 0.25, 0.25];
	cv.stroke({ color: ink, width: 0.2 });
	for (const e of es) {
		for (const n of ns) {
			const x = t.x(e);
			const y = t.y(n);
			cv.path([x - 2.5, y, x + 2.5, y]).path([x, y - 2.5, x, y + 2.5]);
		}
	}
	for (const e of es) cv.path([t.x(e), f.y, t.x(e), f.y + 2]).path([t.x(e), f.y + f.h - 2, t.x(e), f.y + f.h]);
	for (const n of ns) cv.path([f.x, t.y(n), f.x + 2, t.y(n)]).path([f.x + f.w - 2, t.y(n), f.x + f.w, t.y(n)]);
	cv.paint('S');

	const { cond } = cv.fonts;
	const size = 6.5;
	const style = { font: cond, size, color: ink, halo: 0.5 };
	for (const e of es) {
		const label = `E ${fmtCoordinate(e)}`;
		const w = cv.width(label, cond, size);
		const x = t.x(e);
		if (x - w / 2 < f.x + 12 || x + w / 2 > f.x + f.w - 12) continue;
		for (const y of [f.y + 5, f.y + f.h - 3]) {
			cv.text(label, x, y, { ...style, align: 'center' });
			space.add(pointBox(x, y - 1, w / 2 + 0.5, 1.8));
		}
	}
	for (const n of ns) {
		const label = `N ${fmtCoordinate(n)}`;
		const w = cv.width(label, cond, size);
		const y = t.y(n);
		if (y - w / 2 < f.y + 12 || y + w / 2 > f.y + f.h - 12) continue;
		for (const x of [f.x + 5, f.x + f.w - 3]) {
			cv.text(label, x, y, { ...style, angle: 90, align: 'center' });
			space.add({ cx: x - 1, cy: y, hw: w / 2 + 0.5, hh: 1.8, ux: 0, uy: -1 });
		}
	}
}

const STREET_LABEL_COLOR: Rgb = [0.2, 0.2, 0.2];

/** One label per street name in the frame (two on long streets). */
export function labelStreets(cv: Canvas, t: MapTransform, streets: PlanStreet[], space: LabelSpace, size: number): void {
	const [e0, n0, e1, n1] = t.ground;
	const style = { font: cv.fonts.cond, size, color: STREET_LABEL_COLOR, offset: 0, halo: 0.45 };
	for (const s of streets) {
		if (!s.name || s.extent[0] > e1 || s.extent[2] < e0 || s.extent[1] > n1 || s.extent[3] < n0) continue;
		const lines = s.parts.map((p) => t.line(p));
		const first = placeAlong(cv, space, lines, s.name, style);
		if (first && lines.reduce((sum, xy) => sum + polyLength(xy), 0) > 220) placeAlong(cv, space, lines, s.name, style, [first], 120);
	}
}

/** Dimension and depth labels beside the network lines. */
export function labelFeatures(cv: Canvas, t: MapTransform, features: PlanFeature[], space: LabelSpace): void {
	const { cond } = cv.fonts;
	// long lines first: they carry the main pipes and have the most room
	const lines = features
		.filter((f) => f.label)
		.map((f) => ({ f, xy: f.parts.map((p) => t.line(p)) }))
		.map((o) => ({ ...o, len: o.xy.reduce((s, xy) => s + polyLength(xy), 0) }))
		.sort((a, b) => b.len - a.len);
	for (const { f, xy, len } of lines) {
		// darker than the line: yellow gas text on white would not read
		const color = darken(lineStyle(f.props).color, 0.3);
		const style = { font: cond, size: 6, color, offset: 0.4, halo: 0.4 };
		const first = placeAlong(cv, space, xy, f.label!, style, [], 0, f);
		if (first && len > 160) placeAlong(cv, space, xy, f.label!, style, [first], 90, f);
	}
}

/** House numbers where the basemap has them, small and grey, never over other labels. */
export function labelHouseNumbers(cv: Canvas, t: MapTransform, numbers: PdfHouseNumber[] | undefined, space: LabelSpace): void {
	if (!numbers?.length) return;
	const { cond } = cv.fonts;
	const size = 5.5;
	const [e0, n0, e1, n1] = t.ground;
	for (const h of numbers) {
		const [e, n] = h.geometry.coordinates as [number, number];
		if (e < e0 || e > e1 || n < n0 || n > n1) continue;
		const x = t.x(e);
		const y = t.y(n);
		const w = cv.width(h.text, cond, size);
		const box = pointBox(x, y - 0.7, w / 2 + 0.2, 1.1);
		if (!space.free(box, 0.5)) continue;
		space.add(box);
		cv.text(h.text, x, y, { font: cond, size, color: [0.35, 0.35, 0.35], align: 'center', halo: 0.3 });
	}
}

function polyLength(xy: number[]): number {
	let s = 0;
	for (let i = 2; i < xy.length; i += 2) s += Math.hypot(xy[i]! - xy[i - 2]!, xy[i + 1]! - xy[i - 1]!);
	return s;
}
