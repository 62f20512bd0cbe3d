/**
 * @module pdf/plan-style
 * How a feature looks on a plan, and the legend that explains it. Widths are paper millimetres, so a
 * 1:250 and a 1:1000 plan read alike. Colours come from the catalogue (NETWORK_INFO).
 *
 * Line patterns: solid = in Betrieb (also "außer Betrieb", which is treated as live); long dashes =
 * stillgelegt; short dashes = Lage unsicher (accuracy_cm > UNCERTAIN_ACCURACY_CM); dash-dot, lighter =
 * geplant (Planungsauskunft only).
 */
import { NETWORK_INFO, UNCERTAIN_ACCURACY_CM, type NetworkFeatureProperties } from '$lib/layers/catalogue';
import { hexColor, lighten, WHITE, type Canvas, type Rgb, type StrokeStyle } from './canvas';

export type Pattern = 'solid' | 'stillgelegt' | 'unsicher' | 'stillgelegt_unsicher' | 'geplant';

const DASH: Record<Pattern, number[]> = {
	solid: [],
	stillgelegt: [3.5, 1.5],
	unsicher: [1.1, 0.9],
	stillgelegt_unsicher: [3.5, 1.2, 1.1, 1.2],
	geplant: [4, 1.2, 0.8, 1.2]
};

export const PATTERN_LABELS: Record<Exclude<Pattern, 'solid'>, string> = {
	stillgelegt: 'stillgelegt (kann noch in Betrieb sein)',
	unsicher: `Lage unsicher (Genauigkeit > ${UNCERTAIN_ACCURACY_CM} cm)`,
	stillgelegt_unsicher: 'stillgelegt, Lage unsicher',
	geplant: 'geplant (nur Planungsauskunft)'
};

export function networkColor(p: NetworkFeatureProperties): Rgb {
	return hexColor(NETWORK_INFO[p.network]?.color ?? '#444444');
}

export function pattern(p: NetworkFeatureProperties): Pattern {
	if (p.status === 'geplant') return 'geplant';
	const unsure = p.accuracy_cm != null && p.accuracy_cm > UNCERTAIN_ACCURACY_CM;
	if (p.status === 'stillgelegt') return unsure ? 'stillgelegt_unsicher' : 'stillgelegt';
	return unsure ? 'unsicher' : 'solid';
}

const HIGH = /^(HD|HS|MS|MD)$/i;

/** Stroke for a line feature; width grows a little with pressure/voltage level. */
export function lineStyle(p: NetworkFeatureProperties): StrokeStyle {
	const pat = pattern(p);
	let color = networkColor(p);
	if (pat === 'geplant') color = lighten(color, 0.3);
	let width = 0.45;
	if (p.kind === 'hausanschluss') width = 0.22;
	else if (p.kind === 'schutzrohr') width = 0.38;
	else if (HIGH.test(p.pressure_level ?? '') || HIGH.test(p.voltage_level ?? '')) width = 0.7;
	return { color, width, dash: DASH[pat], cap: pat === 'solid' ? 'round' : 'butt', join: 'round' };
}

export type SymbolKind = 'schacht' | 'armatur' | 'mast' | 'punkt';

export function symbolKind(p: NetworkFeatureProperties): SymbolKind {
	return p.kind === 'schacht' || p.kind === 'armatur' || p.kind === 'mast' ? p.kind : 'punkt';
}

/** Symbol size on paper, mm (diameter / width). */
export const SYMBOL_MM = 2.2;

/** Draws a point symbol centred at (x, y) mm. */
export function drawSymbol(cv: Canvas, kind: SymbolKind, x: number, y: number, color: Rgb, unsure = false): void {
	const r = SYMBOL_MM / 2;
	const dash = unsure ? [0.5, 0.4] : [];
	switch (kind) {
		case 'schacht':
			cv.fill(WHITE).stroke({ color, width: 0.35, dash }).circle(x, y, r).paint('B');
			cv.fill(color).circle(x, y, 0.3).paint('f');
			break;
		case 'armatur':
			// two touching triangles: the plan sign for a valve
			cv.fill(color).path([x - r, y - r * 0.7, x + r, y + r * 0.7, x + r, y - r * 0.7, x - r, y + r * 0.7], true).paint('f');
			break;
		case 'mast':
			cv.fill(color).stroke({ color: WHITE, width: 0.2 }).circle(x, y, r * 0.75).paint('B');
			cv.fill(WHITE).circle(x, y, 0.25).paint('f');
			break;
		default:
			cv.fill(color).rect(x - r * 0.6, y - r * 0.6, r * 1.2, r * 1.2).paint('f');
	}
}

export const SYMBOL_LABELS: Record<SymbolKind, string> = {
	schacht: 'Schacht',
	armatur: 'Armatur (Schieber, Hydrant)',
	mast: 'Mast',
	punkt: 'sonstiger Punkt'
};

/** Drawn and grown area outlines. */
export const DRAWN_AREA: StrokeStyle = { color: [0.05, 0.05, 0.05], width: 0.8, join: 'round' };
export const GROWN_AREA: StrokeStyle = { color: [0.15, 0.15, 0.15], width: 0.35, dash: [2.5, 1.5], join: 'round' };
/** drawn over the streets at DRAWN_TINT_ALPHA, so the street space stays visible inside the work area */
export const DRAWN_TINT: Rgb = hexColor('#ffe07a');
export const DRAWN_TINT_ALPHA = 0.3;
export const STREET_FILL: Rgb = hexColor('#ecebe6');
/** the street space the demo and OSM axes stand for: carriageway and footways */
export const STREET_WIDTH_M = 12;
