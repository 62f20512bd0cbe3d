/**
 * @module strassenraum/profile
 * The drawing of a street cross-section, pure: turns the API's answer (StrassenraumJson) into an SVG-ready
 * model that ProfileDrawing.svelte only draws. Horizontal: the offset from the axis, −halfWidth …
 * +halfWidth left to right as one looks along the axis; vertical: the depth, 0 at the surface down to
 * max(2,5 m, deepest line + 0,5 m), rounded up to the grid (½ m; deeper than 5 m, 1 m), drawn exaggerated
 * so that a 30 m section stays readable. One marker per line at (offset, depth); a line without depth
 * sits at its network's typical depth, hollow and dashed, labelled „Tiefe unbekannt“.
 *
 * Every line carries its running number (left to right, as in the table). Labels stand above the surface
 * on vertical leaders and never overlap (labels.ts); where lines crowd so that the labels would stack
 * more than `maxLevels` high, they shrink to number and depth and the table below tells the rest.
 * Units: SVG pixels of the viewBox, metres in the data.
 */
import { NETWORK_INFO, type Network } from '$lib/layers/catalogue';
import type { SectionLine, StrassenraumJson } from '$lib/strassenraum';
import { placeLabels, type LabelEntry } from './labels';
import { compassWord, formatNumber, linesCount, metres, networkName, offsetText, typicalDepthM } from './text';

export type { LabelEntry } from './labels';

export interface ProfileOptions {
	/** [width=960] viewBox width */
	width?: number;
	/** [maxLevels=5] more stacked label rows than this, and the labels shrink to number and depth */
	maxLevels?: number;
}

export interface Marker {
	/** index into json.lines */
	line: number;
	/** running number, left to right */
	number: number;
	x: number;
	y: number;
	color: string;
	/** dark text on light colours (gas yellow) */
	ink: string;
	/** false: no depth given, drawn at the typical depth, hollow and dashed */
	depthKnown: boolean;
}

/** A label box above the surface; y grows downwards as in SVG. */
export interface Label {
	x0: number;
	x1: number;
	top: number;
	bottom: number;
	/** the leader's x: the markers' position */
	leaderX: number;
	/** where the leader ends below: the deepest marker of the group */
	leaderEnd: number;
	/** the box sits right of its leader (true) or left of it */
	right: boolean;
	entries: LabelEntry[];
}

export interface Tick {
	x: number;
	major: boolean;
	label: string | null;
}

export interface ProfileModel {
	width: number;
	height: number;
	title: string;
	subtitle: string;
	/** surface (top) to the deepest grid line (bottom), offset −halfWidth (left) … +halfWidth (right) */
	plot: { left: number; right: number; top: number; bottom: number };
	halfWidthM: number;
	maxDepthM: number;
	/** vertical exaggeration: pixels per metre down ÷ pixels per metre across */
	exaggeration: number;
	xTicks: Tick[];
	depthTicks: { y: number; label: string }[];
	axisX: number;
	/** the row of words under the distance ticks */
	sides: { y: number; left: string; right: string };
	markers: Marker[];
	labels: Label[];
	/**
	 * Stretches (x0 → x1, pixels) no Auskunft of the caller reaches: other operators' lines are unknown
	 * there, so the drawing hatches them instead of suggesting empty ground.
	 */
	unknown: { x0: number; x1: number }[];
	/** labels shrunk to number and depth: too many lines too close together */
	compact: boolean;
	/** leaders that could not avoid a label (only where lines crowd beyond reason) */
	crossings: number;
	empty: boolean;
}

export const MARKER_R = 8;

const TITLE_H = 34;
const MARGIN = { left: 58, right: 18, edge: 4 };
/** from the last label to the surface */
const BAND_GAP = 10;
const BELOW = 50;
/**
 * Markers closer than this share one label; its leader forks below the surface. Two leaders closer than
 * twice a label's clearance would each stand under the other's box, which no stacking can resolve.
 */
const SAME_PLACE_PX = 12;

/** Short network names for the labels; the table and legend use the full ones. */
const SHORT: Partial<Record<Network, string>> = { breitband: 'Glasfaser', telekommunikation: 'TK', beleuchtung: 'Beleuchtung', produktenleitung: 'Produktenltg.' };

/** „ca. 1,15 m tief“ for depths from plans and rule values, „1,32 m tief“ for measured ones. */
function depthWords(l: SectionLine): string {
	if (l.depthM === null) return 'Tiefe unbekannt';
	return `${l.depthSource === 'gemessen' ? '' : 'ca. '}${metres(l.depthM)} tief`;
}

export function labelEntry(l: SectionLine, index: number, compact = false): LabelEntry {
	const common = { line: index, number: index + 1, color: NETWORK_INFO[l.network as Network]?.color ?? '#444444', depthKnown: l.depthM !== null };
	if (compact) return { ...common, title: '', detail: l.depthM === null ? 'Tiefe ?' : `${l.depthSource === 'gemessen' ? '' : 'ca. '}${metres(l.depthM)}` };
	return {
		...common,
		title: [SHORT[l.network as Network] ?? networkName(l.network), l.dimension].filter(Boolean).join(' '),
		detail: `${depthWords(l)} · ${offsetText(l.offsetM)}`
	};
}

/** Text colour on a marker of this colour: white, or ink where white would not read (yellow, orange). */
export function inkOn(hex: string): string {
	const n = parseInt(hex.slice(1), 16);
	const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
	return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#1b2733' : '#ffffff';
}

/** The steps of the distance ticks: labelled every `major` metres, small ticks every metre if there is room. */
function distanceTicks(halfWidthM: number, x: (m: number) => number, pxPerM: number): Tick[] {
	const major = [1, 5, 10, 25].find((s) => s * pxPerM >= 40) ?? 50;
	const minor = pxPerM >= 4 ? 1 : major;
	const ticks: Tick[] = [];
	const n = Math.floor(halfWidthM / minor);
	for (let i = -n; i <= n; i++) {
		const m = i * minor;
		const isMajor = Math.abs(m % major) < 1e-9;
		ticks.push({ x: x(m), major: isMajor, label: !isMajor ? null : m === 0 ? 'Achse' : `${formatNumber(Math.abs(m), 0)} m` });
	}
	return ticks;
}

export function buildProfile(json: StrassenraumJson, options: ProfileOptions = {}): ProfileModel {
	const width = options.width ?? 960;
	const halfWidthM = json.section.halfWidthM;
	const depthOf = (l: SectionLine) => l.depthM ?? typicalDepthM(l.network);
	const deepest = Math.max(0, ...json.lines.map(depthOf));
	// the grid: every half metre, every metre in deep sections; the bottom on a grid line
	const needed = Math.max(2.5, deepest + 0.5);
	const depthStep = needed > 5 ? 1 : 0.5;
	const maxDepthM = Math.ceil(needed / depthStep - 1e-9) * depthStep;

	const left = MARGIN.left;
	const right = width - MARGIN.right;
	const pxPerM = (right - left) / (2 * halfWidthM);
	const groundH = Math.min(420, Math.max(220, maxDepthM * 100));
	const pxPerDepthM = groundH / maxDepthM;
	const x = (m: number) => left + (Math.max(-halfWidthM, Math.min(halfWidthM, m)) + halfWidthM) * pxPerM;

	// markers, and one label per place: markers on (nearly) one vertical share label and leader
	const markersRel = json.lines.map((l, i) => ({ line: i, x: x(l.offsetM), depth: depthOf(l), known: l.depthM !== null }));
	const places: { leaderX: number; deepestM: number; lines: number[] }[] = [];
	for (const m of [...markersRel].sort((a, b) => a.x - b.x || a.depth - b.depth)) {
		const last = places.at(-1);
		// measured from the place's first marker, so that leaders stay SAME_PLACE_PX apart
		if (last && m.x - last.leaderX < SAME_PLACE_PX) {
			last.lines.push(m.line);
			last.deepestM = Math.max(last.deepestM, m.depth);
		} else places.push({ leaderX: m.x, deepestM: m.depth, lines: [m.line] });
	}
	// top to bottom in the box as the markers lie in the ground
	for (const p of places) p.lines.sort((a, b) => depthOf(json.lines[a]!) - depthOf(json.lines[b]!));
	const groupsOf = (compact: boolean) => places.map((p) => ({ ...p, entries: p.lines.map((i) => labelEntry(json.lines[i]!, i, compact)) }));
	const levelsOf = (boxes: { lo: number }[]) => new Set(boxes.map((b) => b.lo)).size;
	let placed = placeLabels(groupsOf(false), MARGIN.edge, width - MARGIN.edge);
	const compact = levelsOf(placed.boxes) > (options.maxLevels ?? 5);
	if (compact) placed = placeLabels(groupsOf(true), MARGIN.edge, width - MARGIN.edge);
	const top = TITLE_H + placed.height + (placed.boxes.length ? BAND_GAP : 0);
	const y = (d: number) => top + d * pxPerDepthM;
	const bottom = y(maxDepthM);

	const markers: Marker[] = markersRel.map((m) => {
		const color = NETWORK_INFO[json.lines[m.line]!.network as Network]?.color ?? '#444444';
		return { line: m.line, number: m.line + 1, x: m.x, y: y(m.depth), color, ink: m.known ? inkOn(color) : '#1b2733', depthKnown: m.known };
	});
	const labels: Label[] = placed.boxes.map((b) => ({
		x0: b.x0,
		x1: b.x1,
		top: top - BAND_GAP - b.hi,
		bottom: top - BAND_GAP - b.lo,
		leaderX: b.leaderX,
		leaderEnd: y(b.deepestM),
		right: b.right,
		entries: b.entries
	}));

	const depthTicks = Array.from({ length: Math.floor(maxDepthM / depthStep + 1e-9) + 1 }, (_, i) => i * depthStep).map((d) => ({
		y: y(d),
		label: d === 0 ? '0 m' : `${formatNumber(d, 1)} m`
	}));

	const exaggeration = pxPerDepthM / pxPerM;
	const bearing = json.section.bearingDeg;
	return {
		width,
		height: Math.ceil(bottom + BELOW),
		title: `Querschnitt ${json.street.name}`,
		subtitle: `Blick in Achsrichtung nach ${compassWord(bearing)} · Tiefen ${formatNumber(exaggeration, 1)}-fach überhöht`,
		plot: { left, right, top, bottom },
		halfWidthM,
		maxDepthM,
		exaggeration,
		xTicks: distanceTicks(halfWidthM, x, pxPerM),
		depthTicks,
		axisX: x(0),
		sides: { y: bottom + 40, left: `← links · ${compassWord(bearing - 90)}`, right: `${compassWord(bearing + 90)} · rechts →` },
		markers,
		labels,
		unknown: uncovered(json.section.covered ?? [], halfWidthM).map(([a, b]) => ({ x0: x(a), x1: x(b) })),
		compact,
		crossings: placed.crossings,
		empty: json.lines.length === 0
	};
}

/** The parts of [−halfWidth, halfWidth] outside the covered stretches (metres, right positive). */
export function uncovered(covered: { fromM: number; toM: number }[], halfWidthM: number): [number, number][] {
	const out: [number, number][] = [];
	let at = -halfWidthM;
	for (const c of [...covered].sort((a, b) => a.fromM - b.fromM)) {
		if (c.fromM > at + 0.05) out.push([at, Math.min(c.fromM, halfWidthM)]);
		at = Math.max(at, c.toM);
	}
	if (at < halfWidthM - 0.05) out.push([at, halfWidthM]);
	return out;
}

/** The drawing in words, for <desc> and screen readers: what lies where, from left to right. */
export function describeProfile(json: StrassenraumJson): string {
	const where = `im Querschnitt ${json.street.name}, je ${metres(json.section.halfWidthM, json.section.halfWidthM % 1 ? 1 : 0)} links und rechts der Achse`;
	if (!json.lines.length) return `Keine Leitung ${where}, die Sie hier sehen dürfen.`;
	const items = json.lines.map((l) => `${networkName(l.network)}${l.dimension ? ` ${l.dimension}` : ''} ${offsetText(l.offsetM)}, ${l.depthM === null ? 'Tiefe unbekannt' : `${metres(l.depthM)} tief`}`);
	return `${linesCount(json.lines.length)} ${where}, von links nach rechts: ${items.join('; ')}.`;
}
