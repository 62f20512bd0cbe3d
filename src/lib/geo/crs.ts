/**
 * @module geo/crs
 * EPSG:4326 (what browsers and GeoJSON speak) ↔ EPSG:25832 (what the server computes in, metres).
 * ETRS89 and WGS 84 are treated as identical (towgs84 zero), as GDAL/PROJ do by default: the ~0.8 m
 * plate drift between them is below what a Leitungsauskunft promises and keeps round trips exact.
 */
import proj4 from 'proj4';

export const EPSG_25832 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
proj4.defs('EPSG:25832', EPSG_25832);

const toUtm = proj4('EPSG:4326', 'EPSG:25832');

/** [lon, lat] → [x, y] in EPSG:25832 */
export function lonLatToUtm(p: number[]): [number, number] {
	return toUtm.forward([p[0]!, p[1]!]) as [number, number];
}

/** [x, y] in EPSG:25832 → [lon, lat] */
export function utmToLonLat(p: number[]): [number, number] {
	return toUtm.inverse([p[0]!, p[1]!]) as [number, number];
}

/** Applies `fn` to every position of a GeoJSON geometry's coordinates (any nesting). */
export function mapPositions<T>(coordinates: T, fn: (p: number[]) => number[]): T {
	const walk = (c: unknown): unknown =>
		Array.isArray(c) && typeof c[0] === 'number' ? fn(c as number[]) : Array.isArray(c) ? c.map(walk) : c;
	return walk(coordinates) as T;
}
