/**
 * @module layers/ingest/hilbert-rtree
 * The packed Hilbert R-tree of a FlatGeobuf file, built as FlatGeobuf's reference implementation builds
 * it (packedrtree.cpp, which GDAL ships): items sorted by the Hilbert value of their box centre on a
 * 16-bit grid over the extent, highest first; leaves are the item boxes with the byte offset of their
 * feature in the feature section; each parent is the union of up to `nodeSize` children and holds the
 * node index of its first child. Nodes are stored root first, leaves last (generateLevelBounds).
 *
 * flatgeobuf's npm package reads such trees but cannot write one; the reader (reader/packed-rtree.ts)
 * reads what this writes.
 */
import { generateLevelBounds, NODE_ITEM_BYTE_LEN } from 'flatgeobuf/lib/mjs/packedrtree.js';

export const HILBERT_MAX = (1 << 16) - 1;

/** Hilbert curve index of (x, y), both in [0, 65535] — rawrunprotected's branch-free version, as upstream. */
export function hilbert(x: number, y: number): number {
	let a = x ^ y;
	let b = 0xffff ^ a;
	let c = 0xffff ^ (x | y);
	let d = x & (y ^ 0xffff);

	let A = a | (b >>> 1);
	let B = (a >>> 1) ^ a;
	let C = (c >>> 1) ^ (b & (d >>> 1)) ^ c;
	let D = (a & (c >>> 1)) ^ (d >>> 1) ^ d;

	a = A; b = B; c = C; d = D;
	A = (a & (a >>> 2)) ^ (b & (b >>> 2));
	B = (a & (b >>> 2)) ^ (b & ((a ^ b) >>> 2));
	C ^= (a & (c >>> 2)) ^ (b & (d >>> 2));
	D ^= (b & (c >>> 2)) ^ ((a ^ b) & (d >>> 2));

	a = A; b = B; c = C; d = D;
	A = (a & (a >>> 4)) ^ (b & (b >>> 4));
	B = (a & (b >>> 4)) ^ (b & ((a ^ b) >>> 4));
	C ^= (a & (c >>> 4)) ^ (b & (d >>> 4));
	D ^= (b & (c >>> 4)) ^ ((a ^ b) & (d >>> 4));

	a = A; b = B; c = C; d = D;
	C ^= (a & (c >>> 8)) ^ (b & (d >>> 8));
	D ^= (b & (c >>> 8)) ^ ((a ^ b) & (d >>> 8));

	a = C ^ (C >>> 1);
	b = D ^ (D >>> 1);

	let i0 = x ^ y;
	let i1 = b | (0xffff ^ (i0 | a));

	i0 = (i0 | (i0 << 8)) & 0x00ff00ff;
	i0 = (i0 | (i0 << 4)) & 0x0f0f0f0f;
	i0 = (i0 | (i0 << 2)) & 0x33333333;
	i0 = (i0 | (i0 << 1)) & 0x55555555;

	i1 = (i1 | (i1 << 8)) & 0x00ff00ff;
	i1 = (i1 | (i1 << 4)) & 0x0f0f0f0f;
	i1 = (i1 | (i1 << 2)) & 0x33333333;
	i1 = (i1 | (i1 << 1)) & 0x55555555;

	return ((i1 << 1) | i0) >>> 0;
}

export type Extent = [minX: number, minY: number, maxX: number, maxY: number];

/** The union of `n` boxes (minX, minY, maxX, maxY at [4i … 4i+3]). */
export function extentOf(boxes: Float64Array, n: number): Extent {
	const e: Extent = [Infinity, Infinity, -Infinity, -Infinity];
	for (let b = 0; b < n * 4; b += 4) {
		if (boxes[b]! < e[0]) e[0] = boxes[b]!;
		if (boxes[b + 1]! < e[1]) e[1] = boxes[b + 1]!;
		if (boxes[b + 2]! > e[2]) e[2] = boxes[b + 2]!;
		if (boxes[b + 3]! > e[3]) e[3] = boxes[b + 3]!;
	}
	return e;
}

/**
 * Item ids in the order of the file: Hilbert value of the box centre, highest first, as upstream's
 * `hilbertSort`. Items with equal values keep their input order (upstream's std::sort leaves that open),
 * so the same upload always gives the same file. A two-pass radix sort: 1 M items in ~30 ms.
 */
export function hilbertOrder(boxes: Float64Array, n: number, extent: Extent): Uint32Array {
	const [minX, minY, maxX, maxY] = extent;
	const width = maxX - minX;
	const height = maxY - minY;
	// sorting 0xffffffff - h ascending is sorting h descending
	const keys = new Uint32Array(n);
	for (let i = 0, b = 0; i < n; i++, b += 4) {
		const x = width !== 0 ? Math.floor((HILBERT_MAX * ((boxes[b]! + boxes[b + 2]!) / 2 - minX)) / width) : 0;
		const y = height !== 0 ? Math.floor((HILBERT_MAX * ((boxes[b + 1]! + boxes[b + 3]!) / 2 - minY)) / height) : 0;
		keys[i] = 0xffffffff - hilbert(x, y);
	}
	let order = Uint32Array.from({ length: n }, (_, i) => i);
	let next = new Uint32Array(n);
	const counts = new Uint32Array(65536);
	for (const shift of [0, 16]) {
		counts.fill(0);
		for (let i = 0; i < n; i++) counts[(keys[order[i]!]! >>> shift) & 0xffff]!++;
		let sum = 0;
		for (let k = 0; k < 65536; k++) {
			const c = counts[k]!;
			counts[k] = sum;
			sum += c;
		}
		for (let i = 0; i < n; i++) {
			const id = order[i]!;
			next[counts[(keys[id]! >>> shift) & 0xffff]!++] = id;
		}
		[order, next] = [next, order];
	}
	return order;
}

/**
 * The index bytes: leaves in `order`, feature k's offset the sum of the lengths before it, parents up to
 * the root. Returns the bytes and the total length of the feature section.
 */
export function buildTree(
	boxes: Float64Array,
	lengths: Uint32Array,
	order: Uint32Array,
	nodeSize: number
): { bytes: Uint8Array; featureBytes: number } {
	const n = order.length;
	const levelBounds = generateLevelBounds(n, nodeSize);
	const numNodes = levelBounds[0]![1];
	const buffer = new ArrayBuffer(numNodes * NODE_ITEM_BYTE_LEN);
	const f64 = new Float64Array(buffer);
	const u32 = new Uint32Array(buffer);
	// a node: minX, minY, maxX, maxY as float64, then a uint64 — 5 float64 slots, 10 uint32 words
	const setOffset = (node: number, value: number) => {
		u32[node * 10 + 8] = value % 2 ** 32;
		u32[node * 10 + 9] = Math.floor(value / 2 ** 32);
	};
	let offset = 0;
	const firstLeaf = levelBounds[0]![0];
	for (let k = 0; k < n; k++) {
		const id = order[k]!;
		f64.set(boxes.subarray(id * 4, id * 4 + 4), (firstLeaf + k) * 5);
		setOffset(firstLeaf + k, offset);
		offset += lengths[id]!;
	}
	for (let level = 0; level < levelBounds.length - 1; level++) {
		let pos = levelBounds[level]![0];
		const end = levelBounds[level]![1];
		let parent = levelBounds[level + 1]![0];
		while (pos < end) {
			const p = parent * 5;
			f64[p] = Infinity;
			f64[p + 1] = Infinity;
			f64[p + 2] = -Infinity;
			f64[p + 3] = -Infinity;
			setOffset(parent, pos);
			for (let j = 0; j < nodeSize && pos < end; j++, pos++) {
				const c = pos * 5;
				if (f64[c]! < f64[p]!) f64[p] = f64[c]!;
				if (f64[c + 1]! < f64[p + 1]!) f64[p + 1] = f64[c + 1]!;
				if (f64[c + 2]! > f64[p + 2]!) f64[p + 2] = f64[c + 2]!;
				if (f64[c + 3]! > f64[p + 3]!) f64[p + 3] = f64[c + 3]!;
			}
			parent++;
		}
	}
	return { bytes: new Uint8Array(buffer), featureBytes: offset };
}
