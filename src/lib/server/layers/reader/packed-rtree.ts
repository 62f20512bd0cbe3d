/**
 * @module layers/reader/packed-rtree
 * The packed Hilbert R-tree of an indexed FlatGeobuf file, held in memory and searched synchronously.
 *
 * Layout (flatgeobuf's packedrtree.ts): nodes of 40 bytes — minX, minY, maxX, maxY as float64, then a
 * uint64 — root first, leaves last. An inner node's uint64 is the index of its first child (the children
 * are the next `nodeSize` nodes of the level below); a leaf's is the byte offset of its feature from the
 * start of the feature section.
 *
 * flatgeobuf's own `streamSearch` is async, reads node ranges through a callback and calls console.debug
 * on every step; at thousands of queries per Auskunft a plain loop over typed arrays is what we want.
 * The sizes and level bounds come from flatgeobuf so both agree on the layout.
 */
import { calcTreeSize, generateLevelBounds, NODE_ITEM_BYTE_LEN } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { readFully } from './io';
import type { Bbox } from './types';

/** float64 slots per node: four box edges and the uint64 offset */
const SLOTS = NODE_ITEM_BYTE_LEN / 8;
const TWO_32 = 2 ** 32;

export interface PackedIndex {
	numItems: number;
	nodeSize: number;
	/** node boxes; node i's edges at [i*5 … i*5+3] */
	boxes: Float64Array;
	/** the same bytes as uint32 words; node i's offset at [i*10+8] (low) and [i*10+9] (high) */
	words: Uint32Array;
	/** per level, leaves first: [first node, end node) */
	levelBounds: [number, number][];
	byteLength: number;
}

/** Bytes the index takes in the file. 0 without index — and never ask flatgeobuf about 0 items: its
 * `calcTreeSize(0, n)` loops forever. */
export function indexByteLength(numItems: number, nodeSize: number): number {
	return numItems > 0 && nodeSize > 0 ? calcTreeSize(numItems, nodeSize) : 0;
}

export function loadIndex(fd: number, position: number, numItems: number, nodeSize: number): PackedIndex {
	if (nodeSize < 2) throw new Error(`invalid FlatGeobuf index node size ${nodeSize}`);
	const byteLength = indexByteLength(numItems, nodeSize);
	// a fresh buffer starts 8-byte aligned, so the float64 view needs no copy
	const bytes = new Uint8Array(byteLength);
	readFully(fd, bytes, position);
	return {
		numItems,
		nodeSize,
		boxes: new Float64Array(bytes.buffer),
		words: new Uint32Array(bytes.buffer),
		levelBounds: generateLevelBounds(numItems, nodeSize),
		byteLength
	};
}

function nodeOffset(index: PackedIndex, node: number): number {
	const w = node * SLOTS * 2 + 8;
	return index.words[w]! + index.words[w + 1]! * TWO_32;
}

/** Byte offsets of all features from the start of the feature section, in leaf order. */
export function leafOffsets(index: PackedIndex): Float64Array {
	const first = index.levelBounds[0]![0];
	const out = new Float64Array(index.numItems);
	for (let i = 0; i < index.numItems; i++) out[i] = nodeOffset(index, first + i);
	return out;
}

/** The box of all features: the root node's. */
export function rootBox(index: PackedIndex): Bbox {
	const b = index.boxes;
	return [b[0]!, b[1]!, b[2]!, b[3]!];
}

/** Appends the leaf ordinals (feature ids) of all features whose box meets `bbox` to `out`, unordered. */
export function searchIndex(index: PackedIndex, bbox: Bbox, out: number[]): void {
	const [minX, minY, maxX, maxY] = bbox;
	const { boxes, nodeSize, levelBounds } = index;
	const firstLeaf = levelBounds[0]![0];
	// pairs of (first node of a range, its level), depth first
	const stack: number[] = [0, levelBounds.length - 1];
	while (stack.length > 0) {
		const level = stack.pop()!;
		const start = stack.pop()!;
		const end = Math.min(start + nodeSize, levelBounds[level]![1]);
		for (let node = start; node < end; node++) {
			const b = node * SLOTS;
			if (maxX < boxes[b]! || maxY < boxes[b + 1]! || minX > boxes[b + 2]! || minY > boxes[b + 3]!) continue;
			if (level === 0) out.push(node - firstLeaf);
			else stack.push(nodeOffset(index, node), level - 1);
		}
	}
}
