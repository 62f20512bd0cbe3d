/**
 * @module map/import-geojson
 * Reads a work area from a GeoJSON file in the browser. RFC 7946 GeoJSON is EPSG:4326; older exports
 * (QGIS, GIS offices) often carry a `crs` member naming EPSG:25832 or 25833 — those are transformed.
 * Polygons of all features are gathered into one Polygon/MultiPolygon; lines and points are ignored.
 * Overlapping parts are left to the validation (checkArea), which explains them.
 */
import proj4 from 'proj4';
import { EPSG_25832 } from '$lib/geo/crs';
import type { AreaGeometry, Position } from './types';

/** Larger files are not a work area; the browser would only stall on them. */
export const MAX_IMPORT_BYTES = 5_000_000;

const EPSG_25833 = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
const PROJECTED: Record<string, string> = { '25832': EPSG_25832, '25833': EPSG_25833 };

export type ImportResult = { ok: true; geometry: AreaGeometry; ignored: number } | { ok: false; message: string };

interface GeoJsonObject {
	type?: unknown;
	coordinates?: unknown;
	geometry?: unknown;
	geometries?: unknown;
	features?: unknown;
	crs?: { properties?: { name?: unknown } };
}

/** EPSG code named by a legacy `crs` member ("EPSG:25832", "urn:ogc:def:crs:EPSG::25832"), CRS84 → 4326. */
export function crsCode(crs: GeoJsonObject['crs']): string | null {
	const name = crs?.properties?.name;
	if (typeof name !== 'string') return null;
	if (/CRS84$/i.test(name)) return '4326';
	return /EPSG:{1,2}(\d+)$/i.exec(name)?.[1] ?? null;
}

function collect(obj: GeoJsonObject, polygons: Position[][][], counter: { ignored: number }): void {
	switch (obj?.type) {
		case 'FeatureCollection':
			for (const f of Array.isArray(obj.features) ? obj.features : []) collect(f as GeoJsonObject, polygons, counter);
			return;
		case 'Feature':
			if (obj.geometry) collect(obj.geometry as GeoJsonObject, polygons, counter);
			else counter.ignored++;
			return;
		case 'GeometryCollection':
			for (const g of Array.isArray(obj.geometries) ? obj.geometries : []) collect(g as GeoJsonObject, polygons, counter);
			return;
		case 'Polygon':
			polygons.push(obj.coordinates as Position[][]);
			return;
		case 'MultiPolygon':
			polygons.push(...(obj.coordinates as Position[][][]));
			return;
		default:
			counter.ignored++;
	}
}

function wellFormed(polygons: Position[][][]): boolean {
	return polygons.every(
		(poly) =>
			Array.isArray(poly) &&
			poly.length > 0 &&
			poly.every((ring) => Array.isArray(ring) && ring.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1])))
	);
}

/** Parses GeoJSON text into one work area in EPSG:4326 (2D), or a German reason. */
export function parseAreaGeoJson(text: string): ImportResult {
	let json: GeoJsonObject;
	try {
		json = JSON.parse(text) as GeoJsonObject;
	} catch {
		return { ok: false, message: 'Die Datei ist kein gültiges GeoJSON (JSON lässt sich nicht lesen).' };
	}
	const polygons: Position[][][] = [];
	const counter = { ignored: 0 };
	collect(json, polygons, counter);
	if (polygons.length === 0) {
		return { ok: false, message: 'Die Datei enthält keine Fläche (Polygon oder MultiPolygon). Linien und Punkte lassen sich nicht als Arbeitsbereich importieren.' };
	}
	if (!wellFormed(polygons)) return { ok: false, message: 'Die Koordinaten der Fläche sind unvollständig oder keine Zahlen.' };

	const code = crsCode(json.crs) ?? '4326';
	let toLonLat: (p: Position) => Position = (p) => [p[0]!, p[1]!];
	if (code !== '4326') {
		const def = PROJECTED[code];
		if (!def) return { ok: false, message: `Das Koordinatensystem EPSG:${code} wird beim Import nicht unterstützt. Bitte als WGS 84 (EPSG:4326) exportieren.` };
		const t = proj4(def, 'WGS84');
		toLonLat = (p) => t.forward([p[0]!, p[1]!]);
	}
	const coordinates = polygons.map((poly) => poly.map((ring) => ring.map(toLonLat)));
	const all = coordinates.flat(2);
	if (all.some(([lon, lat]) => Math.abs(lon!) > 180 || Math.abs(lat!) > 90)) {
		return {
			ok: false,
			message: 'Die Koordinaten sind keine geographischen Koordinaten (WGS 84). Bitte als EPSG:4326 exportieren oder das Koordinatensystem in der Datei angeben (z. B. EPSG:25832).'
		};
	}
	const geometry: AreaGeometry =
		coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0]! } : { type: 'MultiPolygon', coordinates };
	return { ok: true, geometry, ignored: counter.ignored };
}
