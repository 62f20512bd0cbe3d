/**
 * @module layers/ingest/hull
 * Convex hull of a layer's features, collected while streaming them: vertices are snapped to a 25 m
 * grid first, so a million lines cost a few hundred thousand distinct points, not millions. Used for
 * coverage areas derived from the layers when the operator gives none. EPSG:25832, metres.
 */
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import ConvexHull from 'jsts/org/locationtech/jts/algorithm/ConvexHull.js';
import GeoJSONWriter from 'jsts/org/locationtech/jts/io/GeoJSONWriter.js';

const CELL = 25;

export interface Polygon {
	type: 'Polygon';
	coordinates: number[][][];
}

export class HullCollector {
	private cells = new Set<number>();
	// cell keys as one number: x and y cell indices fit in 2^26 each for all of Germany in 25832
	add(x: number, y: number): void {
		this.cells.add(Math.floor(x / CELL) * 67_108_864 + Math.floor(y / CELL));
	}

	addCoordinates(c: unknown): void {
		if (Array.isArray(c) && typeof c[0] === 'number') this.add(c[0], c[1] as number);
		else if (Array.isArray(c)) for (const x of c) this.addCoordinates(x);
	}

	/** The hull of the cells' corners, or null for no or collinear points. */
	hull(): Polygon | null {
		if (this.cells.size === 0) return null;
		const coords: Coordinate[] = [];
		for (const key of this.cells) {
			const cx = Math.floor(key / 67_108_864) * CELL;
			const cy = (key % 67_108_864) * CELL;
			coords.push(new Coordinate(cx, cy), new Coordinate(cx + CELL, cy + CELL), new Coordinate(cx + CELL, cy), new Coordinate(cx, cy + CELL));
		}
		const geom = new ConvexHull(coords, new GeometryFactory()).getConvexHull();
		if (geom.getGeometryType() !== 'Polygon') return null;
		return new GeoJSONWriter().write(geom) as unknown as Polygon;
	}
}
