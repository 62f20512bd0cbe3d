/**
 * @module kalender/filters
 * The state of the Baustellen page lives in its URL (a GET form and links, so it works without
 * JavaScript and every view can be bookmarked or sent): which view, the date it shows, and the filters.
 * This module reads that URL, writes links back with only what differs from the defaults, and says
 * which period each view has to load.
 *
 * Parameters: `ansicht` (liste|monat|woche|zeitplan|karte), `gruppe` (strasse|traeger, Zeitplan),
 * `datum` (position of calendar, timeline and map), `von`/`bis` (Zeitraum of list, timeline and map),
 * `sparte`, `status` ('' = all but storniert, `alle`, or one status), `traeger` and `behoerde`
 * (organisation ids), `strasse`, `q`.
 */
import { BAUSTELLE_STATUSES, type BaustelleStatus } from '$lib/baustellen';
import { NETWORKS } from '$lib/layers/catalogue';
import { addDays, addMonths, daysBetween, isIsoDate, monthGridRange, startOfMonth, startOfWeek } from './calendar';
import type { CalendarFilter } from './types';
import { isUuid } from '$lib/uuid';

export const VIEWS = ['liste', 'monat', 'woche', 'zeitplan', 'karte'] as const;
export type View = (typeof VIEWS)[number];
export const VIEW_LABELS: Record<View, string> = { liste: 'Liste', monat: 'Monat', woche: 'Woche', zeitplan: 'Zeitplan', karte: 'Karte' };

export const GROUPS = ['strasse', 'traeger'] as const;
export type Group = (typeof GROUPS)[number];
export const GROUP_LABELS: Record<Group, string> = { strasse: 'nach Straße', traeger: 'nach Träger' };

/** '' = every status but storniert (the default), 'alle' = really all. */
export type StatusChoice = '' | 'alle' | BaustelleStatus;

export interface KalenderParams {
	view: View;
	group: Group;
	date: string | null;
	from: string | null;
	to: string | null;
	network: string;
	status: StatusChoice;
	promoter: string;
	authority: string;
	street: string;
	q: string;
}

export const DEFAULT_PARAMS: KalenderParams = {
	view: 'liste',
	group: 'strasse',
	date: null,
	from: null,
	to: null,
	network: '',
	status: '',
	promoter: '',
	authority: '',
	street: '',
	q: ''
};

/** the list shows at most this many rows; the user narrows the filter for more */
export const LIST_LIMIT = 500;
/** longest Zeitraum a view loads (a timeline over 15 years is unreadable anyway) */
const MAX_WINDOW_DAYS = 366 * 15;

const KEYS: Record<keyof KalenderParams, string> = {
	view: 'ansicht',
	group: 'gruppe',
	date: 'datum',
	from: 'von',
	to: 'bis',
	network: 'sparte',
	status: 'status',
	promoter: 'traeger',
	authority: 'behoerde',
	street: 'strasse',
	q: 'q'
};

/** `YYYY-MM-DD`, or the German `TT.MM.JJJJ` someone typed into a browser without a date picker. */
export function readDate(value: string): string | null {
	const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
	const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : value;
	return isIsoDate(iso) ? iso : null;
}

function oneOf<T extends string>(value: string, list: readonly T[]): value is T {
	return (list as readonly string[]).includes(value);
}

/**
 * Reads the page's URL. Anything unusable falls back to its default and is named in `problems`
 * (German, for the page to show) — a shared link with a typo still opens a page.
 */
export function parseParams(search: URLSearchParams): { params: KalenderParams; problems: string[] } {
	const problems: string[] = [];
	const get = (k: keyof KalenderParams) => (search.get(KEYS[k]) ?? '').trim();
	const params: KalenderParams = { ...DEFAULT_PARAMS };

	const view = get('view');
	if (oneOf(view, VIEWS)) params.view = view;
	const group = get('group');
	if (oneOf(group, GROUPS)) params.group = group;

	for (const [key, label] of [['date', 'Datum'], ['from', 'Zeitraum von'], ['to', 'Zeitraum bis']] as const) {
		const value = get(key);
		if (!value) continue;
		const date = readDate(value);
		if (date) params[key] = date;
		else problems.push(`${label}: „${value}“ ist kein Datum (TT.MM.JJJJ). Der Wert wird nicht berücksichtigt.`);
	}
	if (params.from && params.to && params.to < params.from) {
		problems.push('Zeitraum: „bis“ liegt vor „von“. Die beiden Daten wurden getauscht.');
		[params.from, params.to] = [params.to, params.from];
	}
	if (params.from && params.to && daysBetween(params.from, params.to) > MAX_WINDOW_DAYS) {
		params.to = addDays(params.from, MAX_WINDOW_DAYS);
		problems.push('Zeitraum: höchstens 15 Jahre. „bis“ wurde gekürzt.');
	}

	const network = get('network');
	if (network && oneOf(network, NETWORKS)) params.network = network;
	else if (network) problems.push(`Sparte „${network}“ ist unbekannt.`);

	const status = get('status');
	if (status === 'alle' || oneOf(status, BAUSTELLE_STATUSES)) params.status = status;
	else if (status) problems.push(`Status „${status}“ ist unbekannt.`);

	for (const [key, label] of [['promoter', 'Träger'], ['authority', 'Behörde']] as const) {
		const value = get(key);
		if (!value) continue;
		if (isUuid(value)) params[key] = value.toLowerCase();
		else problems.push(`${label}: unbekannte Auswahl.`);
	}
	params.street = get('street').slice(0, 120);
	params.q = get('q').slice(0, 120);
	return { params, problems };
}

/** `?…` with every parameter that differs from its default ('' when nothing does). */
export function toSearch(params: KalenderParams, change: Partial<KalenderParams> = {}): string {
	const p = { ...params, ...change };
	const out = new URLSearchParams();
	for (const key of Object.keys(KEYS) as (keyof KalenderParams)[]) {
		const value = p[key];
		if (value !== null && value !== '' && value !== DEFAULT_PARAMS[key]) out.set(KEYS[key], value);
	}
	const s = out.toString();
	return s ? `?${s}` : '';
}

/** The URL parameter name of a field, for the form's `name` attributes. */
export function paramName(key: keyof KalenderParams): string {
	return KEYS[key];
}

/** How many filters (not view, date or Zeitraum) are set. */
export function activeFilterCount(p: KalenderParams): number {
	return [p.network, p.status, p.promoter, p.authority, p.street, p.q].filter(Boolean).length;
}

export interface ViewWindow {
	/** first day the view loads */
	from: string;
	/** last day, null = open (the list of everything still to come) */
	to: string | null;
	/** the date the view is positioned on (calendar month/week, slider) */
	anchor: string;
	/** the window was set by the Zeitraum fields, not by the view's default */
	explicit: boolean;
}

/**
 * The period each view loads.
 * Liste: the Zeitraum, by default everything that ends today or later. Monat/Woche: the grid around
 * `datum`. Zeitplan and Karte: the Zeitraum, by default six months from the month before `datum`.
 */
export function viewWindow(p: KalenderParams, today: string): ViewWindow {
	const anchor = p.date ?? today;
	switch (p.view) {
		case 'liste':
			return { from: p.from ?? today, to: p.to, anchor, explicit: !!(p.from || p.to) };
		case 'monat':
			return { ...monthGridRange(anchor), anchor, explicit: false };
		case 'woche': {
			const monday = startOfWeek(anchor);
			return { from: monday, to: addDays(monday, 6), anchor, explicit: false };
		}
		case 'zeitplan':
		case 'karte': {
			if (p.from || p.to) {
				const from = p.from ?? addMonths(p.to!, -6);
				const to = p.to ?? addDays(addMonths(p.from!, 6), -1);
				const clamped = anchor < from ? from : anchor > to ? to : anchor;
				return { from, to, anchor: clamped, explicit: true };
			}
			const from = addMonths(startOfMonth(anchor), -1);
			return { from, to: addDays(addMonths(from, 6), -1), anchor, explicit: false };
		}
	}
}

/**
 * Previous / next / today for the calendar, timeline and map: a month, a week, or a quarter. Stepping
 * drops an explicit Zeitraum, which would pin the window.
 */
export function stepLinks(p: KalenderParams, today: string): { prev: string; next: string; today: string; step: string } | null {
	const anchor = p.date ?? today;
	const nav = (date: string | null) => toSearch(p, { date, from: null, to: null });
	switch (p.view) {
		case 'monat':
			return { prev: nav(addMonths(startOfMonth(anchor), -1)), next: nav(addMonths(startOfMonth(anchor), 1)), today: nav(null), step: 'Monat' };
		case 'woche':
			return { prev: nav(addDays(startOfWeek(anchor), -7)), next: nav(addDays(startOfWeek(anchor), 7)), today: nav(null), step: 'Woche' };
		case 'zeitplan':
		case 'karte':
			return { prev: nav(addMonths(anchor, -3)), next: nav(addMonths(anchor, 3)), today: nav(null), step: 'Quartal' };
		default:
			return null;
	}
}

/** The query of a view: its window and the filters. */
export function toCalendarFilter(p: KalenderParams, window: ViewWindow): CalendarFilter {
	const statuses: BaustelleStatus[] | undefined =
		p.status === 'alle' ? undefined : p.status === '' ? BAUSTELLE_STATUSES.filter((s) => s !== 'storniert') : [p.status];
	return {
		from: window.from,
		...(window.to ? { to: window.to } : {}),
		...(p.network ? { networks: [p.network] } : {}),
		...(statuses ? { statuses } : {}),
		...(p.promoter ? { promoterOrgId: p.promoter } : {}),
		...(p.authority ? { authorityOrgId: p.authority } : {}),
		...(p.street ? { street: p.street } : {}),
		...(p.q ? { q: p.q } : {}),
		...(p.view === 'liste' ? { limit: LIST_LIMIT + 1 } : {})
	};
}
