/**
 * @module atlas/geometry
 * Small, pure geometry for the public feeds: bounding boxes in EPSG:4326 (lon/lat degrees), the exact
 * "does this footprint meet the box" test behind `bbox=` filters, the UTM box for the database's GiST
 * pre-filter, and a footprint's centroid for the iCalendar GEO property.
 */
import type { Lineal, Polygonal } from '$lib/baustellen';
import { lonLatToUtm } from '$lib/geo/crs';
import { segmentMeetsBox } from '$lib/geo/segment';

/** [minLon, minLat, maxLon, maxLat] in EPSG:4326 (or [minX, minY, maxX, maxY] in any one CRS) */
export type BBox = [number, number, number, number];

type Ring = number[][];

function rings(geometry: Polygonal | Lineal): Ring[] {
	switch (geometry.type) {
		case 'Polygon':
			return geometry.coordinates;
		case 'MultiPolygon':
			return geometry.coordinates.flat();
		case 'LineString':
			return [geometry.coordinates];
		case 'MultiLineString':
			return geometry.coordinates;
	}
}

/** The envelope of a geometry, in its own CRS. */
export function envelope(geometry: Polygonal | Lineal): BBox {
	const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
	for (const ring of rings(geometry)) {
		for (const [x, y] of ring) {
			if (x! < box[0]) box[0] = x!;
			if (y! < box[1]) box[1] = y!;
			if (x! > box[2]) box[2] = x!;
			if (y! > box[3]) box[3] = y!;
		}
	}
	return box;
}

/** The envelope of several envelopes; null for none. */
export function unionBoxes(boxes: BBox[]): BBox | null {
	if (!boxes.length) return null;
	return boxes.reduce<BBox>((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])], [...boxes[0]!]);
}

/** Even–odd point in polygon over all rings (holes included). */
function pointInRings(x: number, y: number, polygon: Ring[]): boolean {
	let inside = false;
	for (const ring of polygon) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i]!;
			const [xj, yj] = ring[j]!;
			if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
		}
	}
	return inside;
}

/**
 * Whether a geometry meets the box (touching counts), as OGC's `bbox` asks: some edge crosses or
 * lies in the box, or — for an area — the box lies wholly inside it.
 */
export function meetsBox(geometry: Polygonal | Lineal, box: BBox): boolean {
	const env = envelope(geometry);
	if (env[0] > box[2] || env[2] < box[0] || env[1] > box[3] || env[3] < box[1]) return false;
	for (const ring of rings(geometry)) {
		if (ring.length === 1 && segmentMeetsBox(ring[0]![0]!, ring[0]![1]!, ring[0]![0]!, ring[0]![1]!, box)) return true;
		for (let i = 1; i < ring.length; i++) if (segmentMeetsBox(ring[i - 1]![0]!, ring[i - 1]![1]!, ring[i]![0]!, ring[i]![1]!, box)) return true;
	}
	// no edge meets the box: it can only lie wholly inside one of the polygons
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
	return polygons.some((p) => pointInRings(box[0], box[1], p));
}

/**
 * The EPSG:25832 envelope of a lon/lat box, for the `bbox && box(…)` pre-filter. The edges are
 * densified because a meridian is not a grid line in UTM; 1 m of slack covers the rest.
 */
export function utmEnvelope(box: BBox): BBox {
	const steps = 8;
	const points: number[][] = [];
	for (let i = 0; i <= steps; i++) {
		const lon = box[0] + ((box[2] - box[0]) * i) / steps;
		const lat = box[1] + ((box[3] - box[1]) * i) / steps;
		points.push([lon, box[1]], [lon, box[3]], [box[0], lat], [box[2], lat]);
	}
	const utm = points.map(lonLatToUtm);
	const env = envelope({ type: 'LineString', coordinates: utm });
	return [env[0] - 1, env[1] - 1, env[2] + 1, env[3] + 1];
}

/**
 * The area-weighted centroid of a footprint (EPSG:4326 in, [lon, lat] out). Planar in degrees: over a
 * Baustelle's few hundred metres the error is far below a millimetre. Falls back to the envelope's
 * centre for a degenerate (zero-area) footprint.
 */
export function centroid(footprint: Polygonal): [number, number] {
	const polygons = footprint.type === 'Polygon' ? [footprint.coordinates] : footprint.coordinates;
	let weight = 0;
	let cx = 0;
	let cy = 0;
	for (const polygon of polygons) {
		polygon.forEach((ring, index) => {
			// fan from the first vertex (small numbers, better precision); winding is not trusted:
			// the outer ring adds its area, holes subtract theirs
			const [ox, oy] = ring[0]!;
			let twiceArea = 0;
			let sx = 0;
			let sy = 0;
			for (let i = 2; i < ring.length; i++) {
				const ax = ring[i - 1]![0]! - ox!;
				const ay = ring[i - 1]![1]! - oy!;
				const bx = ring[i]![0]! - ox!;
				const by = ring[i]![1]! - oy!;
				const cross = ax * by - bx * ay;
				twiceArea += cross;
				sx += (ax + bx) * cross;
				sy += (ay + by) * cross;
			}
			if (twiceArea === 0) return;
			const w = Math.abs(twiceArea) * (index === 0 ? 1 : -1);
			weight += w;
			cx += w * (ox! + sx / (3 * twiceArea));
			cy += w * (oy! + sy / (3 * twiceArea));
		});
	}
	if (Math.abs(weight) < 1e-18) {
		const env = envelope(footprint);
		return [(env[0] + env[2]) / 2, (env[1] + env[3]) / 2];
	}
	return [cx / weight, cy / weight];
}
