/**
 * @module mitnutzung/neu/route-geojson
 * The planned route as GeoJSON: read from a pasted text or a file (in the browser, and by the form
 * action without JavaScript), measured and checked before it is sent. RFC 7946 GeoJSON is EPSG:4326;
 * exports from QGIS or a GIS office often carry a legacy `crs` member naming EPSG:25832 or 25833 —
 * those are transformed. Lines of all features become one route; polygons and points are ignored.
 * Lengths in EPSG:25832 metres, as the server measures them.
 */
import proj4 from 'proj4';
import type { Lineal } from '$lib/baustellen';
import { SERVICE_AREA_BBOX, SERVICE_AREA_NAME } from '$lib/auskunft';
import { EPSG_25832, lonLatToUtm } from '$lib/geo/crs';
import { crsCode } from '$lib/map/import-geojson';
import { MAX_ROUTE_LENGTH_M, MAX_ROUTE_VERTICES } from '$lib/mitnutzung';

type Position = number[];

const EPSG_25833 = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
const PROJECTED: Record<string, string> = { '25832': EPSG_25832, '25833': EPSG_25833 };

export type RouteImport = { ok: true; route: Lineal; ignored: number } | { ok: false; message: string };

interface GeoJsonObject {
	type?: unknown;
	coordinates?: unknown;
	geometry?: unknown;
	geometries?: unknown;
	features?: unknown;
	crs?: { properties?: { name?: unknown } };
}

/** The route's parts: a LineString is a MultiLineString of one. */
export function routeParts(route: Lineal): Position[][] {
	return route.type === 'LineString' ? [route.coordinates] : route.coordinates;
}

function collect(obj: GeoJsonObject | null, lines: Position[][], counter: { ignored: number }): void {
	switch (obj?.type) {
		case 'FeatureCollection':
			for (const f of Array.isArray(obj.features) ? obj.features : []) collect(f as GeoJsonObject, lines, counter);
			return;
		case 'Feature':
			if (obj.geometry) collect(obj.geometry as GeoJsonObject, lines, counter);
			else counter.ignored++;
			return;
		case 'GeometryCollection':
			for (const g of Array.isArray(obj.geometries) ? obj.geometries : []) collect(g as GeoJsonObject, lines, counter);
			return;
		case 'LineString':
			lines.push(obj.coordinates as Position[]);
			return;
		case 'MultiLineString':
			lines.push(...(obj.coordinates as Position[][]));
			return;
		default:
			counter.ignored++;
	}
}

const isPosition = (p: unknown): p is Position => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** Parses GeoJSON text into one route in EPSG:4326 (2D), or a German reason. */
export function parseRouteGeoJson(text: string): RouteImport {
	let json: GeoJsonObject;
	try {
		json = JSON.parse(text) as GeoJsonObject;
	} catch {
		return { ok: false, message: 'Das ist kein gültiges GeoJSON (der JSON-Text lässt sich nicht lesen).' };
	}
	const lines: Position[][] = [];
	const counter = { ignored: 0 };
	collect(json && typeof json === 'object' ? json : null, lines, counter);
	if (!lines.length) {
		return { ok: false, message: 'Das GeoJSON enthält keine Linie (LineString oder MultiLineString). Flächen und Punkte lassen sich nicht als Trasse prüfen.' };
	}
	if (!lines.every((line) => Array.isArray(line) && line.every(isPosition))) {
		return { ok: false, message: 'Die Koordinaten der Trasse sind unvollständig oder keine Zahlen.' };
	}
	const code = crsCode(json.crs) ?? '4326';
	let toLonLat: (p: Position) => Position = (p) => [p[0]!, p[1]!];
	if (code !== '4326') {
		const def = PROJECTED[code];
		if (!def) return { ok: false, message: `Das Koordinatensystem EPSG:${code} wird nicht unterstützt. Bitte als WGS 84 (EPSG:4326) exportieren.` };
		const t = proj4(def, 'WGS84');
		// 1e-8° ≈ 1 mm, like the drawn route
		toLonLat = (p) => t.forward([p[0]!, p[1]!]).map((c) => Math.round(c * 1e8) / 1e8);
	}
	const parts = lines.map((line) => line.map(toLonLat));
	if (parts.flat().some(([lon, lat]) => Math.abs(lon!) > 180 || Math.abs(lat!) > 90)) {
		return {
			ok: false,
			message: 'Die Koordinaten sind keine geographischen Koordinaten (WGS 84). Bitte als EPSG:4326 exportieren oder das Koordinatensystem angeben (z. B. EPSG:25832).'
		};
	}
	const route: Lineal = parts.length === 1 ? { type: 'LineString', coordinates: parts[0]! } : { type: 'MultiLineString', coordinates: parts };
	return { ok: true, route, ignored: counter.ignored };
}

/** Length of the route in EPSG:25832, metres. */
export function routeLengthM(route: Lineal): number {
	let sum = 0;
	for (const part of routeParts(route)) {
		const utm = part.map(lonLatToUtm);
		for (let i = 1; i < utm.length; i++) sum += Math.hypot(utm[i]![0] - utm[i - 1]![0], utm[i]![1] - utm[i - 1]![1]);
	}
	return sum;
}

export function countRouteVertices(route: Lineal): number {
	return routeParts(route).reduce((n, part) => n + part.length, 0);
}

/**
 * Why the service would refuse the route, in German, or null. Mirrors the server's checks (input.ts,
 * service.ts) so the planner sees them while drawing; the server checks again.
 */
export function routeProblem(route: Lineal): string | null {
	const parts = routeParts(route);
	if (!parts.length || parts.some((p) => p.length < 2)) return 'Jeder Teil der Trasse braucht mindestens zwei Punkte.';
	const [w, s, e, n] = SERVICE_AREA_BBOX;
	if (parts.flat().some((p) => p[0]! < w || p[0]! > e || p[1]! < s || p[1]! > n)) {
		return `Die Trasse liegt außerhalb des Gebiets von Tiefblick (${SERVICE_AREA_NAME}).`;
	}
	const vertices = countRouteVertices(route);
	if (vertices > MAX_ROUTE_VERTICES) return `Die Trasse hat ${vertices.toLocaleString('de-DE')} Punkte; höchstens ${MAX_ROUTE_VERTICES.toLocaleString('de-DE')} sind möglich.`;
	const length = routeLengthM(route);
	if (length < 1) return 'Die Trasse ist kürzer als 1 m.';
	if (length > MAX_ROUTE_LENGTH_M) {
		return `Die Trasse ist ${Math.round(length).toLocaleString('de-DE')} m lang; geprüft werden höchstens ${MAX_ROUTE_LENGTH_M.toLocaleString('de-DE')} m auf einmal. Bitte in Abschnitte teilen.`;
	}
	return null;
}
