/**
 * @module layers/reader/types
 * What the layer reader hands out: GeoJSON-like features in the file's CRS (EPSG:25832 for layer
 * versions, metres), with an `id` that is the feature's position in the file.
 */

/** [minX, minY, maxX, maxY] in the file's CRS; edges count as inside (closed intervals). */
export type Bbox = [minX: number, minY: number, maxX: number, maxY: number];

export type Position = number[];

export type Geometry =
	| { type: 'Point'; coordinates: Position }
	| { type: 'MultiPoint'; coordinates: Position[] }
	| { type: 'LineString'; coordinates: Position[] }
	| { type: 'MultiLineString'; coordinates: Position[][] }
	| { type: 'Polygon'; coordinates: Position[][] }
	| { type: 'MultiPolygon'; coordinates: Position[][][] }
	| { type: 'GeometryCollection'; geometries: Geometry[] };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Binary columns come back as a Uint8Array of their own (a copy, never a view into a read buffer). */
export type PropertyValue = JsonValue | Uint8Array;

export interface LayerFeature {
	type: 'Feature';
	/**
	 * The feature's ordinal in the file (0-based): its leaf position in the index, which is its position
	 * in the file for every writer we know (GDAL writes features in index order). Stable per file.
	 */
	id: number;
	/** null only for files from writers that store features without geometry (GDAL drops them) */
	geometry: Geometry | null;
	/** every column of the header, in header order; a value the file does not store is null */
	properties: Record<string, PropertyValue>;
}

export interface LayerColumn {
	name: string;
	/** FlatGeobuf column type name: 'String', 'Int', 'Long', 'Double', 'Bool', 'DateTime', 'Json', … */
	type: string;
}
