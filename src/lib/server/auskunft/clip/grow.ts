/**
 * @module auskunft/clip/grow
 * Grows a validated work area (EPSG:25832) by a distance in metres: jsts BufferOp, round joins.
 *
 * A buffer's round corners are polygons whose vertices lie on the circle, so their chords cut inside
 * it: something 9.99 m from a corner could be missed. JTS spaces a corner's vertices by about
 * π/(2q) but rounds the number of chords (`trunc(angle/quantum + 0.5)` in addDirectedFillet), so one
 * chord can span up to 1.5 quanta; its sagitta is d·(1 − cos(3π/8q)). We buffer by d / cos(3π/8q),
 * which puts every chord outside the true distance: the grown area contains everything within
 * `distanceM` and exceeds it by at most 2.7 mm per metre (2.7 cm at 10 m with q = 16). Erring
 * outwards is the safe side of a Leitungsauskunft. (JTS also simplifies the input by 1 % of d first,
 * but only concavities on the buffered side, which can only make the buffer larger.)
 */
import BufferOp from 'jsts/org/locationtech/jts/operation/buffer/BufferOp.js';
import BufferParameters from 'jsts/org/locationtech/jts/operation/buffer/BufferParameters.js';
import { components, fromJsts, toJsts } from './jsts';
import type { Bbox, GrownArea, Polygonal, Position } from './types';

/** 16 per quarter circle: ~64 chords per full circle. */
export const QUADRANT_SEGMENTS = 16;

export function bboxOf(coordinates: Position[][][]): Bbox {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const polygon of coordinates)
		for (const ring of polygon)
			for (const [x, y] of ring) {
				if (x! < minX) minX = x!;
				if (y! < minY) minY = y!;
				if (x! > maxX) maxX = x!;
				if (y! > maxY) maxY = y!;
			}
	return [minX, minY, maxX, maxY];
}

/**
 * The work area (EPSG:25832, valid — see validateWorkArea) grown by `distanceM` metres; the result
 * contains every point within `distanceM` of the area (and reaches at most 0.27 % further). Returns
 * the polygon and its bbox.
 */
export function growArea(area25832: Polygonal, distanceM: number, quadrantSegments = QUADRANT_SEGMENTS): GrownArea {
	if (!Number.isFinite(distanceM) || distanceM < 0) throw new RangeError(`growArea: distance ${distanceM} m`);
	let geometry: Polygonal = area25832;
	if (distanceM > 0) {
		const params = new BufferParameters(quadrantSegments, BufferParameters.CAP_ROUND, BufferParameters.JOIN_ROUND, BufferParameters.DEFAULT_MITRE_LIMIT);
		const circumscribed = distanceM / Math.cos((3 * Math.PI) / (8 * quadrantSegments));
		const grown = BufferOp.bufferOp(toJsts(area25832), circumscribed, params);
		const polygons = components(grown).map((p) => fromJsts(p)).filter((p) => p.type === 'Polygon');
		geometry =
			polygons.length === 1
				? (polygons[0] as Polygonal)
				: { type: 'MultiPolygon', coordinates: polygons.map((p) => p.coordinates as Position[][]) };
	}
	const bbox = bboxOf(geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);
	return { geometry, bbox, distanceM, quadrantSegments };
}
