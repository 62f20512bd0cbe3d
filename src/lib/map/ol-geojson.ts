/**
 * @module map/ol-geojson
 * OpenLayers geometries (EPSG:3857, the view) ↔ GeoJSON (EPSG:4326, what the app speaks).
 * Client-only; everything measured or checked works on the GeoJSON side.
 */
import GeoJSON from 'ol/format/GeoJSON.js';
import type Geometry from 'ol/geom/Geometry.js';

const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

/** OL geometry in EPSG:3857 → GeoJSON in EPSG:4326, 8 decimals (≈ 1 mm) */
export function toGeoJson<T>(geometry: Geometry): T {
	return format.writeGeometryObject(geometry, { decimals: 8 }) as unknown as T;
}

/** GeoJSON in EPSG:4326 → OL geometry in EPSG:3857 */
export function fromGeoJson(geometry: { type: string; coordinates: unknown }): Geometry {
	const g = format.readGeometry(geometry);
	if (!g) throw new Error(`Unlesbare Geometrie vom Typ ${geometry.type}`);
	return g;
}
