/**
 * @module layers/reader/mutate
 * Rewrites a FlatGeobuf file's bytes into legal variants no GDAL version writes, for the reader's tests.
 * Not used by the product.
 */
import { calcTreeSize, generateLevelBounds, NODE_ITEM_BYTE_LEN } from 'flatgeobuf/lib/mjs/packedrtree.js';
import * as flatbuffers from 'flatbuffers';
import { fromByteBuffer } from 'flatgeobuf/lib/mjs/header-meta.js';

const MAGIC_LEN = 8;

function layout(bytes: Uint8Array) {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const headerLength = view.getUint32(MAGIC_LEN, true);
	const headerEnd = MAGIC_LEN + 4 + headerLength;
	const meta = fromByteBuffer(new flatbuffers.ByteBuffer(bytes.slice(MAGIC_LEN, headerEnd)));
	return { view, headerLength, headerEnd, meta };
}

/**
 * Grows the header by `pad` zero bytes (a flatbuffer ignores trailing bytes), which shifts the index and
 * every feature by `pad`: with pad 4 no feature starts 8-byte aligned any more.
 */
export function padHeader(bytes: Uint8Array, pad: number): Uint8Array {
	const { headerLength, headerEnd } = layout(bytes);
	const out = new Uint8Array(bytes.length + pad);
	out.set(bytes.subarray(0, headerEnd));
	new DataView(out.buffer).setUint32(MAGIC_LEN, headerLength + pad, true);
	out.set(bytes.subarray(headerEnd), headerEnd + pad);
	return out;
}

/** Writes the features of an indexed file in reverse leaf order and points the leaves at their new place. */
export function reverseFeatureOrder(bytes: Uint8Array): Uint8Array {
	const { view, headerEnd, meta } = layout(bytes);
	const n = meta.featuresCount;
	const featuresStart = headerEnd + calcTreeSize(n, meta.indexNodeSize);
	const firstLeaf = generateLevelBounds(n, meta.indexNodeSize)[0]![0];
	const leaf = (i: number) => headerEnd + (firstLeaf + i) * NODE_ITEM_BYTE_LEN + 32;
	const offset = (i: number) => Number(view.getBigUint64(leaf(i), true));
	const end = (i: number) => (i + 1 < n ? offset(i + 1) : bytes.length - featuresStart);
	const out = bytes.slice();
	const outView = new DataView(out.buffer);
	let pos = 0;
	for (let i = n - 1; i >= 0; i--) {
		out.set(bytes.subarray(featuresStart + offset(i), featuresStart + end(i)), featuresStart + pos);
		outView.setBigUint64(leaf(i), BigInt(pos), true);
		pos += end(i) - offset(i);
	}
	return out;
}
