/**
 * @module auskunft/clip/types
 * What the exact clip takes and returns. Geometry is GeoJSON-like; server side always EPSG:25832,
 * metres (only `validateWorkArea` takes EPSG:4326).
 */
import type { Bbox, Geometry, Position, PropertyValue } from '$lib/server/layers/reader';

export type { Bbox, Geometry, Position, PropertyValue };

export type Polygonal = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/**
 * A work area grown by the distance of its work class / layer buffer, EPSG:25832. Treat as immutable:
 * clipFeatures keeps its edge index per object.
 */
export interface GrownArea {
	geometry: Polygonal;
	/** of `geometry`, EPSG:25832 metres: what the layer reader's bbox search takes */
	bbox: Bbox;
	/** the distance asked for, metres (the buffer itself is a little larger: see `growArea`) */
	distanceM: number;
	/** arc segments per quarter circle in the rounded corners */
	quadrantSegments: number;
}

/**
 * How a feature's clip was computed: `inside` its bounding box lies in the area's interior (kept
 * whole); `fast` the exact fast path; `jsts` JTS overlay; `unclipped` the overlay failed on the
 * feature's own (invalid) geometry, so it is reported whole — on the safe side for an Auskunft.
 */
export type ClipMethod = 'inside' | 'fast' | 'jsts' | 'unclipped';

export interface ClippedFeature {
	/** the reader's feature id (ordinal in the layer file) */
	id: number;
	/** `properties.source_id` when it is a string, else null */
	sourceId: string | null;
	/** of the feature's geometry (not of the clipped one, which may be a touch point of a line) */
	geometryClass: 'point' | 'line' | 'polygon' | 'mixed';
	/**
	 * The part inside the grown area, EPSG:25832. Lines: LineString/MultiLineString, or Point/
	 * MultiPoint where a line only touches the area. Polygons: Polygon/MultiPolygon (or the touching
	 * line/point). Points: the points inside (boundary included). A feature kept whole (`inside`)
	 * shares the input's geometry object.
	 */
	geometry: Geometry;
	/** lines: length inside the area, metres (0 for a touch); otherwise null */
	lengthM: number | null;
	/** polygons: area inside, m²; otherwise null */
	areaM2: number | null;
	/** the feature's properties, as read */
	properties: Record<string, PropertyValue>;
	method: ClipMethod;
}

export interface ClipOptions {
	/** false: plain jsts overlay for every feature (the reference; ~10× slower). Default true. */
	fastPath?: boolean;
}
