/**
 * @module auskunft/clip/jsts
 * GeoJSON-like geometry ↔ jsts, and the plain-jsts overlay every fast-path decision falls back to.
 * Coordinates pass through unchanged (EPSG:25832 metres in the request path).
 *
 * Our own converters instead of jsts's GeoJSONReader/Writer: the writer throws on `POINT EMPTY`
 * (jsts 2.12.1, GeoJSONParser.coordinate reads `null.x`), and overlay results are often empty.
 * Only the explicit Op classes are used: `PreparedGeometryFactory.prepare` crashes in jsts 2.12.1
 * unless `monkey.js` is imported, which patches every Geometry prototype process-wide.
 */
import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import type Envelope from 'jsts/org/locationtech/jts/geom/Envelope.js';
import OverlayOp from 'jsts/org/locationtech/jts/operation/overlay/OverlayOp.js';
import type { Geometry, Position } from '$lib/server/layers/reader';

/** The part of jsts's Geometry API we use (its shipped typings declare only a fraction of it). */
export interface JstsGeometry {
	getGeometryType(): string;
	isEmpty(): boolean;
	/** 0 points, 1 lines, 2 areas; −1 empty collections */
	getDimension(): number;
	getCoordinates(): Coordinate[];
	getCoordinate(): Coordinate;
	getNumGeometries(): number;
	getGeometryN(i: number): JstsGeometry;
	getArea(): number;
	getLength(): number;
	getEnvelopeInternal(): Envelope;
	getFactory(): GeometryFactory;
	normalize(): void;
	copy(): JstsGeometry;
	equalsExact(other: JstsGeometry, tolerance?: number): boolean;
	toText(): string;
}

const j = (g: unknown) => g as JstsGeometry;

export const floatingFactory = new GeometryFactory();

function coordinate(p: Position): Coordinate {
	return p.length > 2 && p[2] !== undefined ? new Coordinate(p[0], p[1], p[2]) : new Coordinate(p[0], p[1]);
}

const coordinates = (ps: Position[]) => ps.map(coordinate);

/** GeoJSON-like geometry → jsts, built with `factory` (its precision model is not applied here). */
export function toJsts(g: Geometry, factory: GeometryFactory = floatingFactory): JstsGeometry {
	const polygon = (rings: Position[][]) =>
		rings.length === 0
			? factory.createPolygon()
			: factory.createPolygon(
					factory.createLinearRing(coordinates(rings[0]!)),
					rings.slice(1).map((r) => factory.createLinearRing(coordinates(r)))
				);
	switch (g.type) {
		case 'Point':
			return j(g.coordinates.length === 0 ? factory.createPoint() : factory.createPoint(coordinate(g.coordinates)));
		case 'MultiPoint':
			return j(factory.createMultiPoint(g.coordinates.map((p) => factory.createPoint(coordinate(p)))));
		case 'LineString':
			return j(factory.createLineString(coordinates(g.coordinates)));
		case 'MultiLineString':
			return j(factory.createMultiLineString(g.coordinates.map((l) => factory.createLineString(coordinates(l)))));
		case 'Polygon':
			return j(polygon(g.coordinates));
		case 'MultiPolygon':
			return j(factory.createMultiPolygon(g.coordinates.map(polygon)));
		case 'GeometryCollection':
			return j(factory.createGeometryCollection(g.geometries.map((m) => toJsts(m, factory))));
	}
}

function position(c: Coordinate): Position {
	return Number.isNaN(c.z) || c.z === undefined ? [c.x, c.y] : [c.x, c.y, c.z];
}

/** jsts → GeoJSON-like geometry; empty geometries keep their type with empty coordinates. */
export function fromJsts(g: JstsGeometry): Geometry {
	const seq = (x: JstsGeometry): Position[] => x.getCoordinates().map(position);
	const rings = (p: JstsGeometry): Position[][] => {
		if (p.isEmpty()) return [];
		const poly = p as unknown as { getExteriorRing(): JstsGeometry; getNumInteriorRing(): number; getInteriorRingN(i: number): JstsGeometry };
		const out = [seq(poly.getExteriorRing())];
		for (let i = 0; i < poly.getNumInteriorRing(); i++) out.push(seq(poly.getInteriorRingN(i)));
		return out;
	};
	const parts = (x: JstsGeometry) => Array.from({ length: x.getNumGeometries() }, (_, i) => x.getGeometryN(i));
	switch (g.getGeometryType()) {
		case 'Point':
			return { type: 'Point', coordinates: g.isEmpty() ? [] : position(g.getCoordinate()) };
		case 'MultiPoint':
			return { type: 'MultiPoint', coordinates: parts(g).map((p) => position(p.getCoordinate())) };
		case 'LineString':
		case 'LinearRing':
			return { type: 'LineString', coordinates: seq(g) };
		case 'MultiLineString':
			return { type: 'MultiLineString', coordinates: parts(g).map(seq) };
		case 'Polygon':
			return { type: 'Polygon', coordinates: rings(g) };
		case 'MultiPolygon':
			return { type: 'MultiPolygon', coordinates: parts(g).map(rings) };
		default:
			return { type: 'GeometryCollection', geometries: parts(g).map(fromJsts) };
	}
}

/** The non-empty components of a jsts geometry (collections flattened). */
export function components(g: JstsGeometry): JstsGeometry[] {
	const out: JstsGeometry[] = [];
	const walk = (x: JstsGeometry) => {
		const n = x.getNumGeometries();
		const type = x.getGeometryType();
		if (type === 'GeometryCollection' || type.startsWith('Multi')) for (let i = 0; i < n; i++) walk(x.getGeometryN(i));
		else if (!x.isEmpty()) out.push(x);
	};
	walk(g);
	return out;
}

/** JTS overlay intersection; throws jsts's TopologyException on invalid input. */
export function intersection(a: JstsGeometry, b: JstsGeometry): JstsGeometry {
	return j(OverlayOp.overlayOp(a, b, OverlayOp.INTERSECTION));
}

/** JTS overlay difference a − b. */
export function difference(a: JstsGeometry, b: JstsGeometry): JstsGeometry {
	return j(OverlayOp.overlayOp(a, b, OverlayOp.DIFFERENCE));
}
