/**
 * @module atlas/ogc
 * OGC API – Features, Part 1 (core + GeoJSON) for the public Baustellen: the documents of the landing
 * page, conformance, collections and items, the items query (`bbox`, `datetime`, `limit`, `offset`)
 * and OGC-style errors `{ code, description }`. Pure; the routes under /ogc read the database.
 * Only CRS84 (lon/lat) is served; Part 2 (other CRS) is not implemented, so not declared.
 */
import { berlinDate, addDays } from '../auskunft/rules';
import { startOfBerlinDay } from '../auskunft/working-days';
import { isCalendarDate, parseBBox } from './filter';
import type { BBox } from './geometry';
import { publicFeature, type PublicFeature } from './geojson';
import type { PublicBaustelle, PublicExtent } from './query';

export const COLLECTION_ID = 'baustellen';
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const CONFORMANCE_CLASSES = [
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson'
];
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

const JSON_TYPE = 'application/json';
const GEOJSON_TYPE = 'application/geo+json';

export interface Link {
	href: string;
	rel: string;
	type?: string;
	title?: string;
}

/** An OGC-style error answer (OGC API – Common exception: `{ code, description }`). */
export function ogcError(status: 400 | 404, code: string, description: string): Response {
	return new Response(JSON.stringify({ code, description }), { status, headers: { 'content-type': JSON_TYPE } });
}

export function ogcJson(body: unknown, type: string = JSON_TYPE): Response {
	// public data: shared caches may keep it for a minute
	return new Response(JSON.stringify(body), { headers: { 'content-type': type, 'cache-control': 'public, max-age=60' } });
}

export function landingPage(origin: string) {
	const base = `${origin}/ogc`;
	return {
		title: 'Tiefblick – Baustellenatlas (OGC API – Features)',
		description: 'Öffentliche Baustellen im Straßenraum als OGC API – Features (GeoJSON, WGS 84). Ohne Anmeldung, ohne Leitungsdaten, ohne personenbezogene Daten.',
		links: [
			{ href: base, rel: 'self', type: JSON_TYPE, title: 'Diese Seite' },
			{ href: `${origin}/atlas`, rel: 'service-doc', type: 'text/html', title: 'Baustellenatlas mit Erklärung der Schnittstellen' },
			{ href: `${base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Erfüllte Konformitätsklassen' },
			{ href: `${base}/conformance`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/conformance', type: JSON_TYPE, title: 'Erfüllte Konformitätsklassen' },
			{ href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: 'Sammlungen' },
			{ href: `${base}/collections`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/data', type: JSON_TYPE, title: 'Sammlungen' }
		] satisfies Link[]
	};
}

export function conformance() {
	return { conformsTo: CONFORMANCE_CLASSES };
}

/** The `baustellen` collection with its extent in CRS84 and time, as the data has it now. */
export function collectionInfo(origin: string, extent: PublicExtent) {
	const base = `${origin}/ogc/collections/${COLLECTION_ID}`;
	return {
		id: COLLECTION_ID,
		title: 'Baustellen',
		description:
			'Öffentliche Baustellen: Fläche, Zeitraum (tatsächliche Termine, sonst geplante), Art der Arbeiten, Verkehr, Träger, Status, betroffene Netzarten. Stornierte Baustellen fehlen.',
		links: [
			{ href: base, rel: 'self', type: JSON_TYPE, title: 'Diese Sammlung' },
			{ href: `${base}/items`, rel: 'items', type: GEOJSON_TYPE, title: 'Baustellen (GeoJSON)' }
		] satisfies Link[],
		...(extent.bbox && extent.interval
			? {
					extent: {
						spatial: { bbox: [extent.bbox], crs: CRS84 },
						temporal: {
							interval: [[startOfBerlinDay(extent.interval[0]).toISOString(), startOfBerlinDay(addDays(extent.interval[1], 1)).toISOString()]],
							trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian'
						}
					}
				}
			: {}),
		itemType: 'feature',
		crs: [CRS84]
	};
}

export function collections(origin: string, extent: PublicExtent) {
	return {
		links: [{ href: `${origin}/ogc/collections`, rel: 'self', type: JSON_TYPE, title: 'Sammlungen' }] satisfies Link[],
		collections: [collectionInfo(origin, extent)]
	};
}

/** A calendar-date window, either end open (null). */
export interface DateWindow {
	from: string | null;
	to: string | null;
}

export interface ItemsQuery {
	bbox: BBox | null;
	datetime: DateWindow | null;
	limit: number;
	offset: number;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** One end of `datetime`: a date stays a date; an instant becomes its Europe/Berlin calendar date. */
function dateOf(value: string): string | null {
	if (isCalendarDate(value)) return value;
	const m = DATE_TIME.exec(value);
	if (!m || !isCalendarDate(m[1]!)) return null;
	const instant = new Date(value);
	return Number.isNaN(instant.getTime()) ? null : berlinDate(instant);
}

/**
 * `datetime` (RFC 3339): an instant or date, or an interval `a/b` whose ends may be open (`..` or
 * empty). Features are whole days (Europe/Berlin), so instants are compared by their calendar date.
 */
export function parseDatetime(value: string): DateWindow | string {
	const hint = 'Erlaubt: ein Zeitpunkt (2026-05-04T10:00:00Z) oder Datum (2026-05-04), ein Intervall a/b, offen mit ../b oder a/...';
	const parts = value.split('/');
	if (parts.length > 2) return `datetime hat mehr als einen Schrägstrich. ${hint}`;
	// only an interval has open ends; a single value must be an instant or a date
	const isOpen = (p: string) => parts.length === 2 && (p === '..' || p === '');
	const ends = parts.map((p) => (isOpen(p) ? null : dateOf(p)));
	for (let i = 0; i < parts.length; i++) {
		if (!isOpen(parts[i]!) && ends[i] === null) return `datetime: „${parts[i]}“ ist kein Datum und kein Zeitpunkt nach RFC 3339. ${hint}`;
	}
	if (parts.length === 1) return { from: ends[0]!, to: ends[0]! };
	const [from, to] = ends as [string | null, string | null];
	if (from && to && from > to) return `datetime: der Anfang (${parts[0]}) liegt nach dem Ende (${parts[1]}).`;
	return { from, to };
}

const ITEMS_PARAMETERS = new Set(['bbox', 'datetime', 'limit', 'offset', 'f']);
const JSON_FORMATS = new Set(['json', 'geojson', JSON_TYPE, GEOJSON_TYPE]);

/** The items query, or the OGC error to answer (400, German description). */
export function parseItemsQuery(params: URLSearchParams): ItemsQuery | { code: string; description: string } {
	const bad = (description: string) => ({ code: 'InvalidParameterValue', description });
	for (const name of params.keys()) {
		if (!ITEMS_PARAMETERS.has(name)) {
			return bad(`Unbekannter Parameter „${name}“. Erlaubt sind bbox, datetime, limit und offset.`);
		}
	}
	const f = params.get('f');
	if (f !== null && !JSON_FORMATS.has(f)) return bad(`Format f=${f} gibt es hier nicht; es gibt nur GeoJSON (f=json).`);
	const query: ItemsQuery = { bbox: null, datetime: null, limit: DEFAULT_LIMIT, offset: 0 };
	const bbox = params.get('bbox');
	if (bbox !== null) {
		const parsed = parseBBox(bbox, true);
		if (typeof parsed === 'string') return bad(parsed);
		query.bbox = parsed;
	}
	const datetime = params.get('datetime');
	if (datetime !== null) {
		const parsed = parseDatetime(datetime);
		if (typeof parsed === 'string') return bad(parsed);
		query.datetime = parsed;
	}
	const limit = params.get('limit');
	if (limit !== null) {
		if (!/^\d+$/.test(limit) || Number(limit) < 1) return bad(`limit muss eine ganze Zahl ab 1 sein (höchstens ${MAX_LIMIT}).`);
		// larger values are served at the maximum, as Part 1 permits
		query.limit = Math.min(Number(limit), MAX_LIMIT);
	}
	const offset = params.get('offset');
	if (offset !== null) {
		if (!/^\d+$/.test(offset) || !Number.isSafeInteger(Number(offset))) return bad('offset muss eine ganze Zahl ab 0 sein.');
		query.offset = Number(offset);
	}
	return query;
}

/** The items URL for `query` (the client's own parameters, with offset/limit as given). */
function itemsHref(origin: string, params: URLSearchParams, offset: number, limit: number): string {
	const next = new URLSearchParams(params);
	next.set('limit', String(limit));
	if (offset > 0) next.set('offset', String(offset));
	else next.delete('offset');
	return `${origin}/ogc/collections/${COLLECTION_ID}/items?${next.toString()}`;
}

/** One page of items as a GeoJSON FeatureCollection with counts and self/next/prev links. */
export function itemsPage(origin: string, params: URLSearchParams, query: ItemsQuery, items: PublicBaustelle[], total: number, now: Date) {
	const self = `${origin}/ogc/collections/${COLLECTION_ID}/items${params.size ? `?${params.toString()}` : ''}`;
	const links: Link[] = [
		{ href: self, rel: 'self', type: GEOJSON_TYPE, title: 'Diese Seite' },
		{ href: `${origin}/ogc/collections/${COLLECTION_ID}`, rel: 'collection', type: JSON_TYPE, title: 'Die Sammlung' }
	];
	if (query.offset + items.length < total) {
		links.push({ href: itemsHref(origin, params, query.offset + query.limit, query.limit), rel: 'next', type: GEOJSON_TYPE, title: 'Nächste Seite' });
	}
	if (query.offset > 0) {
		links.push({ href: itemsHref(origin, params, Math.max(0, query.offset - query.limit), query.limit), rel: 'prev', type: GEOJSON_TYPE, title: 'Vorige Seite' });
	}
	return {
		type: 'FeatureCollection' as const,
		features: items.map((b) => publicFeature(b, origin)),
		links,
		numberMatched: total,
		numberReturned: items.length,
		timeStamp: now.toISOString()
	};
}

/** One item, with its links. */
export function itemDocument(origin: string, b: PublicBaustelle): PublicFeature & { links: Link[] } {
	const base = `${origin}/ogc/collections/${COLLECTION_ID}`;
	return {
		...publicFeature(b, origin),
		links: [
			{ href: `${base}/items/${b.id}`, rel: 'self', type: GEOJSON_TYPE, title: 'Diese Baustelle' },
			{ href: `${base}`, rel: 'collection', type: JSON_TYPE, title: 'Die Sammlung' },
			{ href: `${origin}/atlas/${encodeURIComponent(b.number)}`, rel: 'alternate', type: 'text/html', title: 'Seite im Baustellenatlas' }
		]
	};
}

export const GEOJSON_CONTENT_TYPE = GEOJSON_TYPE;
