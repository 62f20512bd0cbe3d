/**
 * @module atlas/filter
 * The public filters shared by the atlas pages, the GeoJSON download and /kalender.ics: `bbox`
 * (EPSG:4326), `street`, `from`, `to` (calendar dates, Europe/Berlin). Parsing is pure and says in
 * German what to fix; the same filter is written back into links (iCal URL "with the current filter").
 */
import type { BBox } from './geometry';

export interface AtlasFilter {
	/** lon/lat box; a Baustelle is in when its footprint meets it */
	bbox: BBox | null;
	/** part of a street name, case-insensitive */
	street: string | null;
	/** the Baustelle's window (actual dates where known) ends on or after this date */
	from: string | null;
	/** … and starts on or before this one */
	to: string | null;
}

export interface FilterProblem {
	field: string;
	message: string;
}

export const EMPTY_FILTER: AtlasFilter = { bbox: null, street: null, from: null, to: null };
export const STREET_MAX_LENGTH = 100;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
	const m = ISO_DATE.exec(value);
	if (!m) return false;
	return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * `minLon,minLat,maxLon,maxLat` in WGS 84 → the box, or a German message. OGC clients may send six
 * numbers (with heights): `allowHeights` accepts them and drops the heights.
 */
export function parseBBox(value: string, allowHeights = false): BBox | string {
	const parts = value.split(',').map((p) => p.trim());
	const hint = 'Bitte als minLon,minLat,maxLon,maxLat in WGS 84 (Grad) angeben, z. B. 11.95,51.47,11.99,51.49.';
	if (!(parts.length === 4 || (allowHeights && parts.length === 6)) || parts.some((p) => !NUMBER.test(p))) {
		return `bbox braucht ${allowHeights ? 'vier (oder sechs)' : 'vier'} durch Kommas getrennte Zahlen. ${hint}`;
	}
	const n = parts.map(Number);
	const box: BBox = parts.length === 6 ? [n[0]!, n[1]!, n[3]!, n[4]!] : [n[0]!, n[1]!, n[2]!, n[3]!];
	if (box.some((v) => !Number.isFinite(v))) return `bbox enthält eine ungültige Zahl. ${hint}`;
	if (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90) {
		return `bbox liegt außerhalb der Erde: Längengrade −180 bis 180, Breitengrade −90 bis 90. ${hint}`;
	}
	if (box[0] > box[2] || box[1] > box[3]) {
		return `In bbox ist ein Minimum größer als das Maximum (Reihenfolge minLon,minLat,maxLon,maxLat). ${hint}`;
	}
	return box;
}

/**
 * The filter from a URL's query. Empty parameters count as absent (an emptied form field). Unknown
 * parameters are ignored here; the OGC API checks its own list.
 */
export function parseAtlasFilter(params: URLSearchParams): { filter: AtlasFilter; problems: FilterProblem[] } {
	const problems: FilterProblem[] = [];
	const filter: AtlasFilter = { ...EMPTY_FILTER };
	const get = (name: string) => params.get(name)?.trim() || null;

	const bbox = get('bbox');
	if (bbox) {
		const parsed = parseBBox(bbox);
		if (typeof parsed === 'string') problems.push({ field: 'bbox', message: parsed });
		else filter.bbox = parsed;
	}
	const street = get('street');
	if (street) {
		if (street.length > STREET_MAX_LENGTH) {
			problems.push({ field: 'street', message: `Der Straßenname ist zu lang (höchstens ${STREET_MAX_LENGTH} Zeichen).` });
		} else filter.street = street;
	}
	for (const [field, label] of [
		['from', 'Von'],
		['to', 'Bis']
	] as const) {
		const value = get(field);
		if (!value) continue;
		if (isCalendarDate(value)) filter[field] = value;
		else problems.push({ field, message: `„${label}“ (${field}) ist kein Datum: bitte JJJJ-MM-TT angeben, z. B. 2026-05-04.` });
	}
	if (filter.from && filter.to && filter.from > filter.to) {
		problems.push({ field: 'to', message: `„Bis“ (${filter.to}) liegt vor „Von“ (${filter.from}).` });
	}
	return { filter, problems };
}

/** The filter as a query string (without "?"; empty when nothing is set), for links and feeds. */
export function filterQuery(filter: AtlasFilter): string {
	const params = new URLSearchParams();
	if (filter.bbox) params.set('bbox', filter.bbox.join(','));
	if (filter.street) params.set('street', filter.street);
	if (filter.from) params.set('from', filter.from);
	if (filter.to) params.set('to', filter.to);
	return params.toString();
}
