/**
 * @module map/corridor
 * A corridor (Trasse) is an axis line plus a width; the request area is the axis buffered by half the
 * width on each side, computed in EPSG:25832 metres with jsts. Flat ends: a trench from A to B ends at
 * A and B (the server grows the area by the work-class distance anyway); round joins keep bends smooth
 * with few vertices (4 segments per quarter circle).
 */
import BufferOp from 'jsts/org/locationtech/jts/operation/buffer/BufferOp.js';
import BufferParameters from 'jsts/org/locationtech/jts/operation/buffer/BufferParameters.js';
import { fromUtmGeometry, toUtmGeometry } from './jsts';
import type { LineString, Polygon, MultiPolygon } from './types';

export const MIN_CORRIDOR_WIDTH_M = 0.5;
export const MAX_CORRIDOR_WIDTH_M = 200;
export const DEFAULT_CORRIDOR_WIDTH_M = 2;

/** German reason why a width is not usable, or null. */
export function corridorWidthProblem(widthM: number): string | null {
	if (!Number.isFinite(widthM)) return 'Bitte eine Breite in Metern angeben.';
	if (widthM < MIN_CORRIDOR_WIDTH_M) return `Die Korridorbreite muss mindestens ${String(MIN_CORRIDOR_WIDTH_M).replace('.', ',')} m betragen.`;
	if (widthM > MAX_CORRIDOR_WIDTH_M) return `Die Korridorbreite darf höchstens ${MAX_CORRIDOR_WIDTH_M} m betragen.`;
	return null;
}

/**
 * The corridor polygon of an axis (EPSG:4326) and a total width in metres, as EPSG:4326 GeoJSON.
 * Null when the axis has fewer than two distinct points or the width is out of range.
 */
export function corridorPolygon(axis: LineString, widthM: number): Polygon | MultiPolygon | null {
	if (corridorWidthProblem(widthM)) return null;
	const distinct = new Set(axis.coordinates.map((p) => `${p[0]},${p[1]}`));
	if (distinct.size < 2) return null;
	const params = new BufferParameters();
	params.setEndCapStyle(BufferParameters.CAP_FLAT);
	params.setJoinStyle(BufferParameters.JOIN_ROUND);
	params.setQuadrantSegments(4);
	const buffered = BufferOp.bufferOp(toUtmGeometry(axis), widthM / 2, params);
	if (buffered.isEmpty()) return null;
	return fromUtmGeometry<Polygon | MultiPolygon>(buffered);
}
