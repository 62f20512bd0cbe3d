/**
 * @module map/types
 * The few GeoJSON (RFC 7946) shapes the map speaks. Coordinates are [lon, lat] in EPSG:4326 unless a
 * function says otherwise.
 */
export type Position = number[];

export interface Polygon {
	type: 'Polygon';
	coordinates: Position[][];
}

export interface MultiPolygon {
	type: 'MultiPolygon';
	coordinates: Position[][][];
}

export interface LineString {
	type: 'LineString';
	coordinates: Position[];
}

/** What a request area may be: the drawn, buffered or imported work area. */
export type AreaGeometry = Polygon | MultiPolygon;

/** [minLon, minLat, maxLon, maxLat] */
export type BBox = [number, number, number, number];

/** Polygons of an area as one list (a Polygon is a MultiPolygon of one). */
export function polygonsOf(g: AreaGeometry): Position[][][] {
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function isAreaGeometry(g: unknown): g is AreaGeometry {
	const t = (g as { type?: unknown } | null)?.type;
	return (t === 'Polygon' || t === 'MultiPolygon') && Array.isArray((g as { coordinates?: unknown }).coordinates);
}
