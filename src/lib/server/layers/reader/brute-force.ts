/**
 * @module layers/reader/brute-force
 * The oracle for the reader's tests: every feature of a file through flatgeobuf's own `deserialize`,
 * filtered by bounding box in plain JavaScript. Not used by the product.
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { Bbox, Geometry, LayerFeature, PropertyValue } from './types';

export interface OracleFeature extends LayerFeature {
	box: Bbox;
}

/** All features of `path` in file order, properties completed with nulls as the reader gives them. */
export async function readAllFeatures(path: string): Promise<OracleFeature[]> {
	// a Node Buffer is a Uint8Array, but flatgeobuf's array reader misreads it (byteOffset, Buffer#slice
	// being a view): hand it a plain Uint8Array of its own
	const bytes = new Uint8Array(readFileSync(path));
	let columns: string[] = [];
	const out: OracleFeature[] = [];
	const headerMetaFn = (meta: HeaderMeta) => (columns = (meta.columns ?? []).map((c) => c.name));
	for await (const f of deserialize(bytes, { headerMetaFn }) as AsyncGenerator<{
		id: number;
		geometry: Geometry;
		properties: Record<string, PropertyValue>;
	}>) {
		const properties = Object.fromEntries(columns.map((c) => [c, f.properties[c] ?? null]));
		out.push({ type: 'Feature', id: f.id, geometry: f.geometry, properties, box: boxOf(f.geometry) });
	}
	return out;
}

export function boxOf(g: Geometry): Bbox {
	const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
	const walk = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') {
			box[0] = Math.min(box[0], c[0]);
			box[1] = Math.min(box[1], c[1] as number);
			box[2] = Math.max(box[2], c[0]);
			box[3] = Math.max(box[3], c[1] as number);
		} else if (Array.isArray(c)) c.forEach(walk);
	};
	if (g.type === 'GeometryCollection') g.geometries.map(boxOf).forEach((b) => walk([b.slice(0, 2), b.slice(2)]));
	else walk(g.coordinates);
	return box;
}

/** Closed intervals: touching edges meet. */
export function meets(a: Bbox, b: Bbox): boolean {
	return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/** The oracle's answer, in file order, without the helper box. */
export function bruteForce(all: OracleFeature[], bbox: Bbox): LayerFeature[] {
	return all.filter((f) => meets(f.box, bbox)).map(({ box: _box, ...f }) => f);
}

/**
 * `n` query boxes over `extent`: sizes log-uniform from 0.5 m to the extent's size, some degenerate
 * (a line or a point), some whose edge lies exactly on a feature's box edge (closed-interval semantics),
 * some outside the data, one infinite.
 */
export function randomBboxes(rnd: () => number, extent: Bbox, features: OracleFeature[], n: number): Bbox[] {
	const [minX, minY, maxX, maxY] = extent;
	const span = Math.max(maxX - minX, maxY - minY);
	const out: Bbox[] = [[-Infinity, -Infinity, Infinity, Infinity]];
	while (out.length < n) {
		const kind = rnd();
		const w = 0.5 * Math.pow((2 * span) / 0.5, rnd());
		const h = kind < 0.1 ? 0 : 0.5 * Math.pow((2 * span) / 0.5, rnd());
		const x = minX - span * 0.1 + rnd() * span * 1.2;
		const y = minY - span * 0.1 + rnd() * span * 1.2;
		if (kind < 0.2 && features.length > 0) {
			// touching one feature's box at one of its corners only
			const [fMinX, fMinY, fMaxX, fMaxY] = features[Math.floor(rnd() * features.length)]!.box;
			const corners: Bbox[] = [
				[fMaxX, fMinY - h, fMaxX + w, fMinY],
				[fMinX - w, fMaxY, fMinX, fMaxY + h],
				[fMaxX, fMaxY, fMaxX + w, fMaxY + h],
				[fMinX - w, fMinY - h, fMinX, fMinY]
			];
			out.push(corners[Math.floor(rnd() * 4)]!);
		} else if (kind < 0.25) {
			out.push([x, y, x, y]);
		} else {
			out.push([x, y, x + w, y + h]);
		}
	}
	return out;
}
