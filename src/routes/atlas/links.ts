/**
 * The atlas's own links, pure (shared by the page's load and its spec): the feeds with the current
 * filter, and the month navigation that keeps the filter.
 */
import { addMonths } from '$lib/kalender/calendar';

/** The filter fields as typed (strings, '' = empty); `bbox` only arrives by URL (e.g. from a map link). */
export interface FilterValues {
	from: string;
	to: string;
	street: string;
	bbox: string;
}

export interface FeedLinks {
	/** https URL of the iCalendar feed with the filter */
	ical: string;
	/** the same for calendar apps that subscribe (webcal://) */
	webcal: string;
	geojson: string;
	ogc: string;
	wzdx: string;
}

/** The filter as a query string for the feeds (empty values left out; no leading "?"). */
export function feedQuery(values: FilterValues): string {
	const params = new URLSearchParams();
	for (const key of ['bbox', 'street', 'from', 'to'] as const) {
		const value = values[key].trim();
		if (value) params.set(key, value);
	}
	return params.toString();
}

export function feedLinks(origin: string, values: FilterValues): FeedLinks {
	const q = feedQuery(values);
	const suffix = q ? `?${q}` : '';
	const ical = `${origin}/kalender.ics${suffix}`;
	return {
		ical,
		webcal: ical.replace(/^https?:/, 'webcal:'),
		geojson: `/atlas/baustellen.geojson${suffix}`,
		ogc: '/ogc',
		wzdx: '/api/v1/baustellen.wzdx.json'
	};
}

/** `YYYY-MM` moved by `offset` months. */
export function shiftMonth(month: string, offset: number): string {
	return addMonths(`${month}-01`, offset).slice(0, 7);
}

/** /atlas with the filter and the calendar at `month` (`monat=YYYY-MM`). */
export function monthHref(values: FilterValues, month: string): string {
	const params = new URLSearchParams();
	// an emptied "from" must stay empty, not fall back to today
	params.set('from', values.from.trim());
	if (values.to.trim()) params.set('to', values.to.trim());
	if (values.street.trim()) params.set('street', values.street.trim());
	if (values.bbox.trim()) params.set('bbox', values.bbox.trim());
	params.set('monat', month);
	return `/atlas?${params.toString()}#kalender`;
}
