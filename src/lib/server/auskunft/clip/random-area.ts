/**
 * @module auskunft/clip/random-area
 * Seeded random "drawn" work areas for tests and benchmarks, EPSG:25832 metres: street-scale (20–300 m
 * across), 4–12 vertices, often elongated like a trench along a street. Vertices are placed around a
 * centre with jittered angles, so now and then two edges cross — as in real drawings, and what
 * validateWorkArea must catch. Not used by the product.
 */
import type { Position } from './types';

export interface RandomAreaOptions {
	/** largest extent, metres (default 20–300, uniform) */
	minSizeM?: number;
	maxSizeM?: number;
	minVertices?: number;
	maxVertices?: number;
	/** angle jitter in vertex steps; above ~1 the ring starts to cross itself (default 1.3) */
	jitter?: number;
}

const cm = (v: number) => Math.round(v * 100) / 100;

/** A closed ring (first = last) around `centre`, EPSG:25832; may self-intersect (see module doc). */
export function randomAreaRing(rnd: () => number, centre: Position, options: RandomAreaOptions = {}): Position[] {
	const { minSizeM = 20, maxSizeM = 300, minVertices = 4, maxVertices = 12, jitter = 1.3 } = options;
	const n = minVertices + Math.floor(rnd() * (maxVertices - minVertices + 1));
	const size = minSizeM + rnd() * (maxSizeM - minSizeM);
	const aspect = 1 + rnd() * 3;
	const rotation = rnd() * Math.PI;
	const raw: [number, number][] = [];
	for (let i = 0; i < n; i++) {
		const a = ((i + (rnd() - 0.5) * jitter) / n) * 2 * Math.PI;
		const r = 0.5 + 0.5 * rnd();
		const x = r * Math.cos(a) * aspect;
		const y = r * Math.sin(a);
		raw.push([x * Math.cos(rotation) - y * Math.sin(rotation), x * Math.sin(rotation) + y * Math.cos(rotation)]);
	}
	const xs = raw.map((p) => p[0]);
	const ys = raw.map((p) => p[1]);
	const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
	const k = size / extent;
	const ring = raw.map(([x, y]) => [cm(centre[0]! + x * k), cm(centre[1]! + y * k)]);
	ring.push([...ring[0]!]);
	return ring;
}
