/**
 * @module pdf/geometry
 * The little planar geometry the plans need, on EPSG:25832 metres: extents, parts of GeoJSON geometries,
 * rectangle tests, and the ground → paper transform of a map frame.
 */
import { segmentMeetsBox } from '$lib/geo/segment';
import type { AreaGeometry, Geometry, Position } from './model';

/** [minE, minN, maxE, maxN] in metres */
export type Extent = [number, number, number, number];

export const emptyExtent = (): Extent => [Infinity, Infinity, -Infinity, -Infinity];

export function extendExtent(ext: Extent, p: Position): void {
	const x = p[0]!;
	const y = p[1]!;
	if (x < ext[0]) ext[0] = x;
	if (y < ext[1]) ext[1] = y;
	if (x > ext[2]) ext[2] = x;
	if (y > ext[3]) ext[3] = y;
}

/** Every vertex list of a geometry: line parts, polygon rings, or single points as one-vertex lists. */
export function parts(g: Geometry): Position[][] {
	switch (g.type) {
		case 'Point':
			return [[g.coordinates]];
		case 'MultiPoint':
			return g.coordinates.map((p) => [p]);
		case 'LineString':
			return [g.coordinates];
		case 'MultiLineString':
		case 'Polygon':
			return g.coordinates;
		case 'MultiPolygon':
			return g.coordinates.flat();
	}
}

/** Polygons of an area geometry, each as [outer, ...holes]. */
export function polygons(g: AreaGeometry): Position[][][] {
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function geometryExtent(g: Geometry, ext: Extent = emptyExtent()): Extent {
	for (const part of parts(g)) for (const p of part) extendExtent(ext, p);
	return ext;
}

export function extentsIntersect(a: Extent, b: Extent): boolean {
	return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

export function bufferExtent(e: Extent, d: number): Extent {
	return [e[0] - d, e[1] - d, e[2] + d, e[3] + d];
}

function pointInRing(x: number, y: number, ring: Position[]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const xi = ring[i]![0]!;
		const yi = ring[i]![1]!;
		const xj = ring[j]![0]!;
		const yj = ring[j]![1]!;
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

export function pointInArea(x: number, y: number, area: AreaGeometry): boolean {
	return polygons(area).some((poly) => pointInRing(x, y, poly[0]!) && !poly.slice(1).some((h) => pointInRing(x, y, h)));
}

/** Does the area (polygon interior or boundary) meet the rectangle? */
export function areaMeetsExtent(area: AreaGeometry, r: Extent): boolean {
	const ext = geometryExtent(area);
	if (!extentsIntersect(ext, r)) return false;
	for (const ring of parts(area)) {
		for (let i = 1; i < ring.length; i++) {
			const a = ring[i - 1]!;
			const b = ring[i]!;
			if (segmentMeetsBox(a[0]!, a[1]!, b[0]!, b[1]!, r)) return true;
		}
	}
	// no boundary in the rectangle: either the rectangle lies inside the area, or they are apart
	return pointInArea((r[0] + r[2]) / 2, (r[1] + r[3]) / 2, area);
}

/** Length of a line geometry in metres. */
export function lineLength(coords: Position[]): number {
	let len = 0;
	for (let i = 1; i < coords.length; i++) len += Math.hypot(coords[i]![0]! - coords[i - 1]![0]!, coords[i]![1]! - coords[i - 1]![1]!);
	return len;
}

/** Ground (EPSG:25832, m) → paper (mm, y down) for one map frame at a fixed scale. */
export class MapTransform {
	/** mm of paper per metre of ground */
	readonly k: number;
	constructor(
		/** the ground rectangle shown */
		readonly ground: Extent,
		/** the frame on paper: x, y (top left), w, h in mm */
		readonly frame: { x: number; y: number; w: number; h: number },
		readonly scale: number
	) {
		this.k = 1000 / scale;
	}
	x(e: number): number {
		return this.frame.x + (e - this.ground[0]) * this.k;
	}
	y(n: number): number {
		return this.frame.y + (this.ground[3] - n) * this.k;
	}
	/** flat [x0, y0, x1, y1, …] in mm */
	line(coords: Position[]): number[] {
		const out = new Array<number>(coords.length * 2);
		for (let i = 0; i < coords.length; i++) {
			out[2 * i] = this.x(coords[i]![0]!);
			out[2 * i + 1] = this.y(coords[i]![1]!);
		}
		return out;
	}
}
