/**
 * @module kalender/gantt
 * The timeline's layout, pure: rows by street or by promoter, lanes inside a row so that bars never
 * overlap, an axis with week, month or year ticks, the today line and moratorium bands. Gantt.svelte
 * only draws what this returns. Units: SVG pixels; dates `YYYY-MM-DD`, ends inclusive.
 */
import type { BaustelleStatus, Severity } from '$lib/baustellen';
import { addDays, addMonths, dayNumber, isoWeek, MONTH_NAMES, MONTH_SHORT, startOfMonth, weekday } from './calendar';
import { normaliseStreet } from './street';
import type { ConflictSummary } from './types';

export const GANTT_GROUPS = ['strasse', 'traeger'] as const;
export type GanttGroup = (typeof GANTT_GROUPS)[number] | 'keine';

/** The least the timeline needs of a Baustelle (a CalendarItem has all of it). */
export interface GanttItem {
	id: string;
	number: string;
	title: string;
	status: BaustelleStatus;
	start: string;
	end: string;
	streets: string[];
	promoter: string;
	promoterOrgId: string;
	conflicts: ConflictSummary;
}

export interface GanttBand {
	from: string;
	to: string;
	label: string;
}

export interface GanttOptions {
	from: string;
	/** inclusive */
	to: string;
	today: string;
	group: GanttGroup;
	/** total width in px, label column included */
	width: number;
	/** [labelWidth=210, by promoter 250] */
	labelWidth?: number;
	/** [laneHeight=24] */
	laneHeight?: number;
	/** periods drawn across the whole plot (moratoria) */
	bands?: GanttBand[];
}

export interface GanttBar<I extends GanttItem> {
	item: I;
	lane: number;
	x: number;
	y: number;
	width: number;
	height: number;
	/** the Baustelle begins before / ends after the visible window */
	clippedStart: boolean;
	clippedEnd: boolean;
	/** the title as far as it fits ('' = nothing) */
	label: string;
	/** the label stands right of the bar (the bar is too short, the lane free after it) */
	labelOutside: boolean;
	conflict: { severity: Severity; blocking: boolean; count: number } | null;
}

export interface GanttRow<I extends GanttItem> {
	/** normalised street, promoter org id ('privat' for private promoters), or '' */
	key: string;
	label: string;
	y: number;
	height: number;
	lanes: number;
	bars: GanttBar<I>[];
}

export interface GanttTick {
	x: number;
	date: string;
	/** '' where the label would not fit before the next tick */
	label: string;
}

export interface GanttLayout<I extends GanttItem> {
	width: number;
	height: number;
	plotX: number;
	plotWidth: number;
	/** top of the first row (below the axis) */
	plotY: number;
	axisHeight: number;
	unit: 'woche' | 'monat' | 'jahr';
	/** gridlines with their label (KW, month, quarter) */
	ticks: GanttTick[];
	/** the upper axis line: months over weeks, years over months and quarters */
	majors: GanttTick[];
	todayX: number | null;
	bands: { x: number; width: number; band: GanttBand }[];
	rows: GanttRow<I>[];
	/** px per day */
	dayWidth: number;
}

export const NO_STREET_LABEL = 'Ohne Straßenangabe';
/**
 * average advance of the 12 px bold system font (DejaVu Sans is the widest of the usual ones), for
 * fitting labels without measuring text; the SVG clips what still runs over
 */
const CHAR_PX = 7.5;
/** room the conflict diamond takes at a bar's right end */
export const MARKER_PX = 14;
const AXIS_HEIGHT = 40;
const ROW_PAD = 5;
const BAR_HEIGHT = 18;
const RIGHT_PAD = 14;

const SEVERITY_RANK: Record<Severity, number> = { hoch: 0, mittel: 1, niedrig: 2, hinweis: 3 };

/** A label cut to `px` with an ellipsis; '' when fewer than three characters would remain. */
export function fitLabel(text: string, px: number): string {
	const room = Math.floor((px - 10) / CHAR_PX);
	if (text.length <= room) return text;
	if (room < 4) return '';
	return `${text.slice(0, room - 1).trimEnd()}…`;
}

/**
 * The title inside its bar where it fits; otherwise right of the bar when more of it fits there,
 * before the next bar of the lane (or the plot's end).
 */
function placeLabels<I extends GanttItem>(bars: GanttBar<I>[], plotEnd: number): void {
	const lanes = new Map<number, GanttBar<I>[]>();
	for (const b of bars) (lanes.get(b.lane) ?? lanes.set(b.lane, []).get(b.lane)!).push(b);
	for (const lane of lanes.values()) {
		lane.sort((a, b) => a.x - b.x);
		lane.forEach((b, i) => {
			const marker = b.conflict ? MARKER_PX : 0;
			const inside = fitLabel(b.item.title, b.width - marker);
			if (inside === b.item.title) {
				b.label = inside;
				return;
			}
			const room = (lane[i + 1]?.x ?? plotEnd) - (b.x + b.width) - 6;
			const outside = fitLabel(b.item.title, room);
			// beside the bar only when the whole title fits there, or nothing fits inside
			if (outside === b.item.title || (!inside && outside)) {
				b.label = outside;
				b.labelOutside = true;
			} else b.label = inside;
		});
	}
}

/** The rows an item belongs to: one per street (by street), its promoter, or the single row. */
function rowKeys(item: GanttItem, group: GanttGroup): { key: string; label: string }[] {
	if (group === 'keine') return [{ key: '', label: '' }];
	if (group === 'traeger') return [{ key: item.promoterOrgId || 'privat', label: item.promoter || 'privat' }];
	const seen = new Set<string>();
	const keys: { key: string; label: string }[] = [];
	for (const street of item.streets) {
		const key = normaliseStreet(street);
		if (!key || seen.has(key)) continue;
		seen.add(key);
		keys.push({ key, label: street.trim() });
	}
	return keys.length ? keys : [{ key: '', label: NO_STREET_LABEL }];
}

function ticksFor(from: string, to: string, x: (date: string) => number): { unit: GanttLayout<GanttItem>['unit']; ticks: GanttTick[]; majors: GanttTick[] } {
	const days = dayNumber(to) - dayNumber(from) + 1;
	const ticks: GanttTick[] = [];
	const majors: GanttTick[] = [];
	let unit: GanttLayout<GanttItem>['unit'];
	if (days <= 120) {
		unit = 'woche';
		for (let d = addDays(from, (7 - weekday(from)) % 7); d <= to; d = addDays(d, 7)) ticks.push({ x: x(d), date: d, label: `KW ${isoWeek(d).week}` });
		for (let d = startOfMonth(from); d <= to; d = addMonths(d, 1)) {
			majors.push({ x: x(d < from ? from : d), date: d < from ? from : d, label: `${MONTH_NAMES[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}` });
		}
	} else if (days <= 800) {
		unit = 'monat';
		for (let d = startOfMonth(from) < from ? addMonths(startOfMonth(from), 1) : from; d <= to; d = addMonths(d, 1)) {
			ticks.push({ x: x(d), date: d, label: MONTH_SHORT[Number(d.slice(5, 7)) - 1]! });
		}
		for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
			const d = `${y}-01-01` < from ? from : `${y}-01-01`;
			majors.push({ x: x(d), date: d, label: String(y) });
		}
	} else {
		unit = 'jahr';
		for (let d = startOfMonth(from); d <= to; d = addMonths(d, 1)) {
			if (d >= from && (Number(d.slice(5, 7)) - 1) % 3 === 0) ticks.push({ x: x(d), date: d, label: d.slice(5, 7) === '01' ? '' : `Q${(Number(d.slice(5, 7)) + 2) / 3}` });
		}
		for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
			const d = `${y}-01-01` < from ? from : `${y}-01-01`;
			majors.push({ x: x(d), date: d, label: String(y) });
		}
	}
	// a label only where it fits before the next tick (the last one runs to the plot's end)
	const fit = (list: GanttTick[], end: number) =>
		list.map((t, i) => ({ ...t, label: fitLabel(t.label, (list[i + 1]?.x ?? end) - t.x + 4) === t.label ? t.label : '' }));
	const end = x(addDays(to, 1));
	return { unit, ticks: fit(ticks, end), majors: fit(majors, end) };
}

/**
 * Lays out the items that overlap [from, to]. Rows are sorted by label (German collation), the row
 * without a street last; inside a row, bars go into the first lane whose last bar ended before they
 * begin (earlier first, then longer first).
 */
export function buildGantt<I extends GanttItem>(items: readonly I[], o: GanttOptions): GanttLayout<I> {
	const labelWidth = o.group === 'keine' ? 0 : (o.labelWidth ?? (o.group === 'traeger' ? 250 : 210));
	const laneHeight = o.laneHeight ?? 24;
	const plotX = labelWidth;
	const plotWidth = Math.max(100, o.width - labelWidth - RIGHT_PAD);
	const first = dayNumber(o.from);
	const last = Math.max(first, dayNumber(o.to));
	const dayWidth = plotWidth / (last - first + 1);
	const xOf = (n: number) => plotX + (n - first) * dayWidth;
	const x = (date: string) => xOf(dayNumber(date));

	const groups = new Map<string, { label: string; items: I[] }>();
	for (const item of items) {
		const s = dayNumber(item.start);
		const e = Math.max(s, dayNumber(item.end));
		if (e < first || s > last) continue;
		for (const { key, label } of rowKeys(item, o.group)) {
			const g = groups.get(key) ?? groups.set(key, { label, items: [] }).get(key)!;
			g.items.push(item);
		}
	}
	const collator = new Intl.Collator('de');
	const ordered = [...groups.entries()].sort(([ka, a], [kb, b]) => {
		if (o.group === 'strasse' && (ka === '') !== (kb === '')) return ka === '' ? 1 : -1;
		return collator.compare(a.label, b.label) || collator.compare(ka, kb);
	});

	const rows: GanttRow<I>[] = [];
	let y = AXIS_HEIGHT;
	for (const [key, { label, items: rowItems }] of ordered) {
		const sorted = rowItems
			.map((item) => ({ item, s: dayNumber(item.start), e: Math.max(dayNumber(item.start), dayNumber(item.end)) }))
			.sort((a, b) => a.s - b.s || b.e - a.e || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
		const laneEnds: number[] = [];
		const placed = sorted.map(({ item, s, e }) => {
			let lane = laneEnds.findIndex((end) => end < s);
			if (lane === -1) lane = laneEnds.push(e) - 1;
			else laneEnds[lane] = e;
			return { item, s, e, lane };
		});
		const height = ROW_PAD * 2 + Math.max(1, laneEnds.length) * laneHeight;
		const bars = placed.map(({ item, s, e, lane }) => {
			const bx = xOf(Math.max(s, first));
			const width = Math.max(4, xOf(Math.min(e, last) + 1) - bx);
			const c = item.conflicts;
			return {
				item,
				lane,
				x: bx,
				y: y + ROW_PAD + lane * laneHeight + (laneHeight - BAR_HEIGHT) / 2,
				width,
				height: BAR_HEIGHT,
				clippedStart: s < first,
				clippedEnd: e > last,
				label: '',
				labelOutside: false,
				conflict: c.count > 0 ? { severity: c.highest ?? 'hinweis', blocking: c.blocking, count: c.count } : null
			};
		});
		placeLabels(bars, plotX + plotWidth);
		rows.push({ key, label, y, height, lanes: laneEnds.length, bars });
		y += height;
	}

	const { unit, ticks, majors } = ticksFor(o.from, o.to, x);
	const today = dayNumber(o.today);
	const bands = (o.bands ?? [])
		.map((band) => {
			const bs = Math.max(dayNumber(band.from), first);
			const be = Math.min(dayNumber(band.to), last);
			return be < bs ? null : { x: xOf(bs), width: xOf(be + 1) - xOf(bs), band };
		})
		.filter((b) => b !== null);
	return {
		width: plotX + plotWidth + RIGHT_PAD,
		height: y + (rows.length ? 4 : laneHeight + ROW_PAD * 2),
		plotX,
		plotWidth,
		plotY: AXIS_HEIGHT,
		axisHeight: AXIS_HEIGHT,
		unit,
		ticks,
		majors,
		todayX: today >= first && today <= last ? xOf(today) + dayWidth / 2 : null,
		bands,
		rows,
		dayWidth
	};
}

/** The most severe of several severities (for a row's or a street's summary). */
export function highestSeverity(list: readonly (Severity | null)[]): Severity | null {
	let best: Severity | null = null;
	for (const s of list) if (s && (!best || SEVERITY_RANK[s] < SEVERITY_RANK[best])) best = s;
	return best;
}
