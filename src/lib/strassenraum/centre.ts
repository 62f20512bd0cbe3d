/**
 * @module strassenraum/centre
 * Where to cut a cross-section through a drawn area: its centre (area-weighted centroid of the largest
 * polygon), or — where that falls outside, as in an L-shaped corridor — the middle of the widest piece
 * of the horizontal line through it that lies inside. Pure; EPSG:4326 in and out, rounded to 1e-6°
 * (about 10 cm). Degrees are treated as planar: fine at the size of a work area.
 */

type Ring = number[][];

function ringArea(ring: Ring): number {
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
	return a / 2;
}

function inRing(p: [number, number], ring: Ring): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = [ring[i]![0]!, ring[i]![1]!];
		const [xj, yj] = [ring[j]![0]!, ring[j]![1]!];
		if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

const inPolygon = (p: [number, number], rings: Ring[]) => inRing(p, rings[0]!) && !rings.slice(1).some((r) => inRing(p, r));

function centroid(ring: Ring): [number, number] {
	// about the first vertex: products of whole degrees would eat the digits that matter
	const [ox, oy] = [ring[0]![0]!, ring[0]![1]!];
	let cx = 0;
	let cy = 0;
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xj, yj, xi, yi] = [ring[j]![0]! - ox, ring[j]![1]! - oy, ring[i]![0]! - ox, ring[i]![1]! - oy];
		const f = xj * yi - xi * yj;
		cx += (xj + xi) * f;
		cy += (yj + yi) * f;
		a += f;
	}
	return a === 0 ? [ox, oy] : [ox + cx / (3 * a), oy + cy / (3 * a)];
}

/** The middle of the widest inside piece of the horizontal line at y. */
function widestAt(y: number, rings: Ring[]): [number, number] | null {
	const xs: number[] = [];
	for (const ring of rings)
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = [ring[i]![0]!, ring[i]![1]!];
			const [xj, yj] = [ring[j]![0]!, ring[j]![1]!];
			if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
		}
	xs.sort((a, b) => a - b);
	let best: [number, number] | null = null;
	for (let i = 0; i + 1 < xs.length; i += 2) if (!best || xs[i + 1]! - xs[i]! > best[1] - best[0]) best = [xs[i]!, xs[i + 1]!];
	return best ? [(best[0] + best[1]) / 2, y] : null;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** A point inside a Polygon or MultiPolygon (EPSG:4326), or null for anything else. */
export function pointInArea(geometry: { type: string; coordinates?: unknown } | null | undefined): [number, number] | null {
	const polygons: Ring[][] =
		geometry?.type === 'Polygon' ? [geometry.coordinates as Ring[]] : geometry?.type === 'MultiPolygon' ? (geometry.coordinates as Ring[][]) : [];
	const largest = polygons.filter((p) => p[0] && p[0].length >= 4).sort((a, b) => Math.abs(ringArea(b[0]!)) - Math.abs(ringArea(a[0]!)))[0];
	if (!largest) return null;
	let p = centroid(largest[0]!);
	if (!inPolygon(p, largest)) p = widestAt(p[1], largest) ?? p;
	return [round(p[0]), round(p[1])];
}
