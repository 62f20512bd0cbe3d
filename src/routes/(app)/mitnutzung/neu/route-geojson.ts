/**
 * @module mitnutzung/neu/route-geojson
 * The planned route as GeoJSON: read from a pasted text or a file (in the browser, and by the form
 * action without JavaScript), measured and checked before it is sent. RFC 7946 GeoJSON is EPSG:4326;
 * exports from QGIS or a GIS office often carry a legacy `crs` member naming EPSG:25832 or 25833 —
 * those are transformed. Lines of all features become one route; polygons and points are ignored.
 * Lengths in EPSG:25832 metres, as the server measures them.
 */
import type { Lineal } from '$lib/baustellen';
import { SERVICE_AREA_BBOX, SERVICE_AREA_NAME } from '$lib/auskunft';
import { lonLatToUtm } from '$lib/geo/crs';
import { beyondLonLat, gatherParts, isPosition, lonLatTransform, type GeoJsonObject } from '$lib/map/import-geojson';
import type { Position } from '$lib/map/types';
import { MAX_ROUTE_LENGTH_M, MAX_ROUTE_VERTICES } from '$lib/mitnutzung';

export type RouteImport = { ok: true; route: Lineal; ignored: number } | { ok: false; message: string };

/** The route's parts: a LineString is a MultiLineString of one. */
export function routeParts(route: Lineal): Position[][] {
	return route.type === 'LineString' ? [route.coordinates] : route.coordinates;
}

const isLine = (line: unknown): line is Position[] => Array.isArray(line) && line.every(isPosition);

/** Parses GeoJSON text into one route in EPSG:4326 (2D), or a German reason. */
export function parseRouteGeoJson(text: string): RouteImport {
	let json: GeoJsonObject;
	try {
		json = JSON.parse(text) as GeoJsonObject;
	} catch {
		return { ok: false, message: 'Das ist kein gültiges GeoJSON (der JSON-Text lässt sich nicht lesen).' };
	}
	const { parts: lines, ignored } = gatherParts(json, 'LineString', 'MultiLineString');
	if (!lines.length) {
		return { ok: false, message: 'Das GeoJSON enthält keine Linie (LineString oder MultiLineString). Flächen und Punkte lassen sich nicht als Trasse prüfen.' };
	}
	if (!lines.every(isLine)) {
		return { ok: false, message: 'Die Koordinaten der Trasse sind unvollständig oder keine Zahlen.' };
	}
	// 1e-8° ≈ 1 mm, like the drawn route
	const crs = lonLatTransform(json.crs, 8);
	if (!crs.ok) return { ok: false, message: `Das Koordinatensystem EPSG:${crs.code} wird nicht unterstützt. Bitte als WGS 84 (EPSG:4326) exportieren.` };
	const parts = lines.map((line) => line.map(crs.toLonLat));
	if (beyondLonLat(parts.flat())) {
		return {
			ok: false,
			message: 'Die Koordinaten sind keine geographischen Koordinaten (WGS 84). Bitte als EPSG:4326 exportieren oder das Koordinatensystem angeben (z. B. EPSG:25832).'
		};
	}
	const route: Lineal = parts.length === 1 ? { type: 'LineString', coordinates: parts[0]! } : { type: 'MultiLineString', coordinates: parts };
	return { ok: true, route, ignored };
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
