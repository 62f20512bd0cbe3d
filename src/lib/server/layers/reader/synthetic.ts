/**
 * @module layers/reader/synthetic
 * Seeded random network features in EPSG:25832 for tests and benchmarks, written as GeoJSON text
 * sequences (one feature per line, RS-free), which GDAL's GeoJSONSeq driver streams instead of loading
 * whole. Not used by the product.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { NETWORKS, STATUSES } from '$lib/layers/catalogue';
import type { Bbox, Geometry, Position } from './types';

/** Around Halle (Saale), EPSG:25832 metres. */
export const HALLE_EXTENT: Bbox = [700_000, 5_700_000, 712_000, 5_712_000];

/** mulberry32: small, fast, good enough to scatter test data; same seed, same data. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface LineShape {
	minVertices: number;
	maxVertices: number;
	/** total length in metres */
	minLength: number;
	maxLength: number;
}

export const BENCH_LINE: LineShape = { minVertices: 2, maxVertices: 6, minLength: 20, maxLength: 200 };

const cm = (v: number) => Math.round(v * 100) / 100;

export function randomPoint(rnd: () => number, [minX, minY, maxX, maxY]: Bbox): Position {
	return [cm(minX + rnd() * (maxX - minX)), cm(minY + rnd() * (maxY - minY))];
}

/** A wobbly line starting inside `extent`: like a pipe along a street, it turns a little at each vertex. */
export function randomLine(rnd: () => number, extent: Bbox, shape: LineShape): Position[] {
	const vertices = shape.minVertices + Math.floor(rnd() * (shape.maxVertices - shape.minVertices + 1));
	const length = shape.minLength + rnd() * (shape.maxLength - shape.minLength);
	const step = length / (vertices - 1);
	let [x, y] = randomPoint(rnd, extent) as [number, number];
	let heading = rnd() * 2 * Math.PI;
	const line: Position[] = [[x, y]];
	for (let v = 1; v < vertices; v++) {
		heading += (rnd() - 0.5) * 0.8;
		x += step * Math.cos(heading);
		y += step * Math.sin(heading);
		line.push([cm(x), cm(y)]);
	}
	return line;
}

/** A closed ring of `vertices` points around a centre, radius varying (a Schutzstreifen-like blob). */
export function randomRing(rnd: () => number, [cx, cy]: Position, radius: number, vertices: number): Position[] {
	const ring: Position[] = [];
	for (let v = 0; v < vertices; v++) {
		const a = (v / vertices) * 2 * Math.PI;
		const r = radius * (0.7 + 0.3 * rnd());
		ring.push([cm(cx! + r * Math.cos(a)), cm(cy! + r * Math.sin(a))]);
	}
	ring.push([...ring[0]!]);
	return ring;
}

/** Network-like attributes: a string id, catalogue enums, a nullable float, a German text with umlauts. */
export function randomProperties(rnd: () => number, i: number): Record<string, string | number | null> {
	return {
		source_id: `S-${i}`,
		network: NETWORKS[Math.floor(rnd() * NETWORKS.length)]!,
		status: STATUSES[Math.floor(rnd() * STATUSES.length)]!,
		depth_m: rnd() < 0.2 ? null : Math.round(rnd() * 300) / 100,
		ducts_total: rnd() < 0.5 ? null : Math.floor(rnd() * 24),
		remark: rnd() < 0.7 ? null : 'Straßenquerung, Überdeckung geprüft'
	};
}

export interface SyntheticFeature {
	type: 'Feature';
	geometry: Geometry;
	properties: Record<string, string | number | null>;
}

/** Writes features as GeoJSONSeq, batching writes; returns the number written. */
export function writeGeoJsonSeq(path: string, features: Iterable<SyntheticFeature>): number {
	const fd = openSync(path, 'w');
	let count = 0;
	let batch: string[] = [];
	try {
		for (const f of features) {
			batch.push(JSON.stringify(f));
			count++;
			if (batch.length === 10_000) {
				writeSync(fd, batch.join('\n') + '\n');
				batch = [];
			}
		}
		if (batch.length > 0) writeSync(fd, batch.join('\n') + '\n');
	} finally {
		closeSync(fd);
	}
	return count;
}
