/**
 * @module map/jsts
 * jsts in EPSG:25832: GeoJSON (EPSG:4326) in, jsts geometry in UTM metres out, and back.
 * Explicit Op classes only — jsts 2.12.1's monkey-patched Geometry methods and
 * PreparedGeometryFactory are avoided (DESIGN.md, Geometry).
 */
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import GeoJSONWriter from 'jsts/org/locationtech/jts/io/GeoJSONWriter.js';
import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
import { lonLatToUtm, mapPositions, utmToLonLat } from '$lib/geo/crs';

const factory = new GeometryFactory();
const reader = new GeoJSONReader(factory);
const writer = new GeoJSONWriter();

export type { Geometry };

/** GeoJSON geometry in EPSG:4326 → jsts geometry in EPSG:25832 */
export function toUtmGeometry(g: { type: string; coordinates: unknown }): Geometry {
	return reader.read({ type: g.type, coordinates: mapPositions(g.coordinates, lonLatToUtm) });
}

/** jsts geometry in EPSG:25832 → GeoJSON geometry in EPSG:4326, rounded to 1e-8° (≈ 1 mm) */
export function fromUtmGeometry<T extends { type: string; coordinates: unknown }>(g: Geometry): T {
	const json = writer.write(g) as unknown as T;
	const round = (v: number) => Math.round(v * 1e8) / 1e8;
	return {
		...json,
		coordinates: mapPositions(json.coordinates, (p) => {
			const [lon, lat] = utmToLonLat(p);
			return [round(lon), round(lat)];
		})
	};
}
