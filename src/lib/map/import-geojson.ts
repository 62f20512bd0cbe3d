/**
 * @module map/import-geojson
 * Reads a work area from a GeoJSON file in the browser. RFC 7946 GeoJSON is EPSG:4326; older exports
 * (QGIS, GIS offices) often carry a `crs` member naming EPSG:25832 or 25833 — those are transformed.
 * Polygons of all features are gathered into one Polygon/MultiPolygon; lines and points are ignored.
 * Overlapping parts are left to the validation (checkArea), which explains them.
 * The reading steps (gathering parts, `crs`, lon/lat check, size limit) also serve the Mitnutzung route
 * import (routes/(app)/mitnutzung/neu/route-geojson.ts), which keeps its own geometry types and messages.
 */
import proj4 from 'proj4';
import { EPSG_25832 } from '$lib/geo/crs';
import type { AreaGeometry, Position } from './types';

/** Larger files are not a work area; the browser would only stall on them. */
export const MAX_IMPORT_BYTES = 5_000_000;

const EPSG_25833 = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
const PROJECTED: Record<string, string> = { '25832': EPSG_25832, '25833': EPSG_25833 };

export type ImportResult = { ok: true; geometry: AreaGeometry; ignored: number } | { ok: false; message: string };

/** What an imported GeoJSON text may hold, before anything is checked. */
export interface GeoJsonObject {
	type?: unknown;
	coordinates?: unknown;
	geometry?: unknown;
	geometries?: unknown;
	features?: unknown;
	crs?: { properties?: { name?: unknown } };
}

/** Why a file is not read at all (in German), or null. */
export function importSizeProblem(file: { size: number }): string | null {
	return file.size > MAX_IMPORT_BYTES ? `Die Datei ist zu groß (höchstens ${MAX_IMPORT_BYTES / 1_000_000} MB).` : null;
}

/** EPSG code named by a legacy `crs` member ("EPSG:25832", "urn:ogc:def:crs:EPSG::25832"), CRS84 → 4326. */
export function crsCode(crs: GeoJsonObject['crs']): string | null {
	const name = crs?.properties?.name;
	if (typeof name !== 'string') return null;
	if (/CRS84$/i.test(name)) return '4326';
	return /EPSG:{1,2}(\d+)$/i.exec(name)?.[1] ?? null;
}

/**
 * The coordinates of every `single` geometry and of each part of every `multi` geometry (e.g. Polygon and
 * MultiPolygon) in a GeoJSON value of any kind: FeatureCollection, Feature, GeometryCollection or a bare
 * geometry. Everything else it meets (other types, features without geometry) is counted as ignored.
 * The coordinates are not checked.
 */
export function gatherParts(json: unknown, single: string, multi: string): { parts: unknown[]; ignored: number } {
	const parts: unknown[] = [];
	let ignored = 0;
	const visit = (obj: GeoJsonObject | null): void => {
		switch (obj?.type) {
			case 'FeatureCollection':
				for (const f of Array.isArray(obj.features) ? obj.features : []) visit(f as GeoJsonObject);
				return;
			case 'Feature':
				if (obj.geometry) visit(obj.geometry as GeoJsonObject);
				else ignored++;
				return;
			case 'GeometryCollection':
				for (const g of Array.isArray(obj.geometries) ? obj.geometries : []) visit(g as GeoJsonObject);
				return;
			case single:
				parts.push(obj.coordinates);
				return;
			case multi:
				// a Multi* without a coordinate array is broken, not empty: counted like an unknown object
				if (Array.isArray(obj.coordinates)) parts.push(...(obj.coordinates as unknown[]));
				else ignored++;
				return;
			default:
				ignored++;
		}
	};
	visit(json as GeoJsonObject | null);
	return { parts, ignored };
}

export const isPosition = (p: unknown): p is Position => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/**
 * The transform of a GeoJSON text's positions to EPSG:4326 [lon, lat] (heights dropped), by its legacy
 * `crs` member: none, CRS84 or 4326 as given; EPSG:25832 and 25833 through proj4, their results rounded
 * to `decimals` when given. Any other code is returned for the message.
 */
export function lonLatTransform(crs: GeoJsonObject['crs'], decimals?: number): { ok: true; toLonLat: (p: Position) => Position } | { ok: false; code: string } {
	const code = crsCode(crs) ?? '4326';
	if (code === '4326') return { ok: true, toLonLat: (p) => [p[0]!, p[1]!] };
	const def = PROJECTED[code];
	if (!def) return { ok: false, code };
	const t = proj4(def, 'WGS84');
	if (decimals === undefined) return { ok: true, toLonLat: (p) => t.forward([p[0]!, p[1]!]) };
	const f = 10 ** decimals;
	return { ok: true, toLonLat: (p) => t.forward([p[0]!, p[1]!]).map((c) => Math.round(c * f) / f) };
}

/** Whether a position lies beyond ±180° longitude or ±90° latitude: projected coordinates without a `crs` member. */
export function beyondLonLat(positions: Position[]): boolean {
	return positions.some(([lon, lat]) => Math.abs(lon!) > 180 || Math.abs(lat!) > 90);
}

const isPolygon = (poly: unknown): poly is Position[][] =>
	Array.isArray(poly) && poly.length > 0 && poly.every((ring) => Array.isArray(ring) && ring.every(isPosition));

/** Parses GeoJSON text into one work area in EPSG:4326 (2D), or a German reason. */
export function parseAreaGeoJson(text: string): ImportResult {
	let json: GeoJsonObject;
	try {
		json = JSON.parse(text) as GeoJsonObject;
	} catch {
		return { ok: false, message: 'Die Datei ist kein gültiges GeoJSON (JSON lässt sich nicht lesen).' };
	}
	const { parts: polygons, ignored } = gatherParts(json, 'Polygon', 'MultiPolygon');
	if (polygons.length === 0) {
		return { ok: false, message: 'Die Datei enthält keine Fläche (Polygon oder MultiPolygon). Linien und Punkte lassen sich nicht als Arbeitsbereich importieren.' };
	}
	if (!polygons.every(isPolygon)) return { ok: false, message: 'Die Koordinaten der Fläche sind unvollständig oder keine Zahlen.' };

	const crs = lonLatTransform(json.crs);
	if (!crs.ok) return { ok: false, message: `Das Koordinatensystem EPSG:${crs.code} wird beim Import nicht unterstützt. Bitte als WGS 84 (EPSG:4326) exportieren.` };
	const coordinates = polygons.map((poly) => poly.map((ring) => ring.map(crs.toLonLat)));
	if (beyondLonLat(coordinates.flat(2))) {
		return {
			ok: false,
			message: 'Die Koordinaten sind keine geographischen Koordinaten (WGS 84). Bitte als EPSG:4326 exportieren oder das Koordinatensystem in der Datei angeben (z. B. EPSG:25832).'
		};
	}
	const geometry: AreaGeometry =
		coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0]! } : { type: 'MultiPolygon', coordinates };
	return { ok: true, geometry, ignored };
}
