/**
 * @module map/measure
 * Area and perimeter of a work area, computed in EPSG:25832 (UTM 32N grid metres) — the CRS the server
 * checks the area limits in. Web-mercator "metres" would overstate both by 1/cos(lat)² and 1/cos(lat),
 * about 2.6× and 1.6× in Halle.
 */
import { lonLatToUtm } from '$lib/geo/crs';
import { polygonsOf, type AreaGeometry, type Position } from './types';

export interface Measure {
	/** planar area in EPSG:25832, m² (holes subtracted) */
	areaM2: number;
	/** length of all rings (outer and holes) in EPSG:25832, m */
	perimeterM: number;
}

/** Shoelace area of a ring, relative to its first vertex so big UTM coordinates keep their precision. */
function ringArea(ring: Position[]): number {
	if (ring.length < 3) return 0;
	const [x0, y0] = ring[0] as [number, number];
	let twice = 0;
	for (let i = 1; i < ring.length - 1; i++) {
		const a = ring[i]!;
		const b = ring[i + 1]!;
		twice += (a[0]! - x0) * (b[1]! - y0) - (b[0]! - x0) * (a[1]! - y0);
	}
	return Math.abs(twice) / 2;
}

function ringLength(ring: Position[]): number {
	let sum = 0;
	for (let i = 1; i < ring.length; i++) sum += Math.hypot(ring[i]![0]! - ring[i - 1]![0]!, ring[i]![1]! - ring[i - 1]![1]!);
	return sum;
}

/** Closes an open ring (GeoJSON rings repeat the first position at the end). */
export function closeRing(ring: Position[]): Position[] {
	const first = ring[0];
	const last = ring[ring.length - 1];
	if (!first || !last || (first[0] === last[0] && first[1] === last[1])) return ring;
	return [...ring, first];
}

/**
 * Area and perimeter of a Polygon/MultiPolygon given in EPSG:4326, measured in EPSG:25832.
 * Meaningful only for valid geometry: a self-intersecting ring yields the difference of its lobes.
 */
export function measureArea(g: AreaGeometry): Measure {
	let areaM2 = 0;
	let perimeterM = 0;
	for (const polygon of polygonsOf(g)) {
		polygon.forEach((ring, i) => {
			const utm = closeRing(ring).map(lonLatToUtm);
			const a = ringArea(utm);
			areaM2 += i === 0 ? a : -a;
			perimeterM += ringLength(utm);
		});
	}
	return { areaM2, perimeterM };
}

/** Number of vertices without the closing repetitions. */
export function countVertices(g: AreaGeometry): number {
	let n = 0;
	for (const polygon of polygonsOf(g)) for (const ring of polygon) n += Math.max(0, closeRing(ring).length - 1);
	return n;
}
