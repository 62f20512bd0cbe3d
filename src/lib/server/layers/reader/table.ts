/**
 * @module layers/reader/table
 * Where each feature lies in the file: its absolute start (the size prefix) and its length, prefix
 * included. Built once per open, from the index's leaves or — for files without index — by one scan.
 */
import { extendBox, featureAt } from './decode';
import { SIZE_PREFIX_LEN } from './header';
import { readFully } from './io';

export interface FeatureTable {
	starts: Float64Array;
	lengths: Uint32Array;
}

/** Smallest possible feature: size prefix and a flatbuffer root offset. */
const MIN_FEATURE_BYTES = SIZE_PREFIX_LEN + 4;

/**
 * From the index's leaf offsets (relative to the feature section). A feature ends where the next one in
 * the file starts; writers put features in leaf order (GDAL does), then that is simply the next leaf. If a
 * file's features are in another order we sort once here rather than read size prefixes on every query.
 */
export function tableFromLeaves(offsets: Float64Array, featuresStart: number, fileSize: number): FeatureTable {
	const n = offsets.length;
	const starts = new Float64Array(n);
	const lengths = new Uint32Array(n);
	let ordered = true;
	for (let i = 0; i < n; i++) {
		starts[i] = featuresStart + offsets[i]!;
		if (i > 0 && starts[i]! <= starts[i - 1]!) ordered = false;
	}
	const order = ordered ? null : Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => starts[a]! - starts[b]!);
	for (let k = 0; k < n; k++) {
		const i = order ? order[k]! : k;
		const end = k + 1 < n ? starts[order ? order[k + 1]! : k + 1]! : fileSize;
		const length = end - starts[i]!;
		if (length < MIN_FEATURE_BYTES || end > fileSize) {
			throw new Error(`FlatGeobuf index points outside the features (leaf ${i}, offset ${offsets[i]})`);
		}
		lengths[i] = length;
	}
	return { starts, lengths };
}

/**
 * Checks the size prefix of the feature that ends the file: a file cut short (or an index pointing
 * elsewhere) fails at open rather than on some later query.
 */
export function checkLastFeature(fd: number, table: FeatureTable): void {
	const { starts, lengths } = table;
	let last = -1;
	for (let i = 0; i < starts.length; i++) if (last < 0 || starts[i]! > starts[last]!) last = i;
	if (last < 0) return;
	const prefix = new Uint8Array(SIZE_PREFIX_LEN);
	readFully(fd, prefix, starts[last]!);
	const declared = new DataView(prefix.buffer).getUint32(0, true);
	if (SIZE_PREFIX_LEN + declared !== lengths[last]) {
		throw new Error(`FlatGeobuf file truncated or corrupt: its last feature should be ${SIZE_PREFIX_LEN + declared} bytes, the file leaves ${lengths[last]}`);
	}
}

const SCAN_CHUNK = 1 << 20;

/**
 * A file without spatial index: the ingest always writes one, so this serves foreign or hand-made files.
 * One sequential pass at open reads every feature and records its bounding box; a search is then a linear
 * scan over those boxes in memory (a full scan, no tree) and still reads only the features it returns.
 * Null or empty geometries get an empty box, which nothing meets.
 */
export function scanFeatures(
	fd: number,
	featuresStart: number,
	fileSize: number
): FeatureTable & { boxes: Float64Array } {
	const starts: number[] = [];
	const lengths: number[] = [];
	const boxes: number[] = [];
	let chunk = new Uint8Array(SCAN_CHUNK);
	let chunkStart = 0;
	let chunkLength = 0;
	/** makes [from, from + length) available in `chunk`; returns its position there */
	const have = (from: number, length: number): number => {
		if (from + length > fileSize) throw new Error(`FlatGeobuf feature at ${from} runs past the end of the file`);
		if (from < chunkStart || from + length > chunkStart + chunkLength) {
			const size = Math.min(Math.max(SCAN_CHUNK, length), fileSize - from);
			if (chunk.length < size) chunk = new Uint8Array(size);
			readFully(fd, chunk.subarray(0, size), from);
			chunkStart = from;
			chunkLength = size;
		}
		return from - chunkStart;
	};
	let pos = featuresStart;
	while (pos < fileSize) {
		const at = have(pos, SIZE_PREFIX_LEN);
		const length = SIZE_PREFIX_LEN + new DataView(chunk.buffer, at, SIZE_PREFIX_LEN).getUint32(0, true);
		if (length < MIN_FEATURE_BYTES) throw new Error(`FlatGeobuf feature at ${pos} is too short`);
		const box = [Infinity, Infinity, -Infinity, -Infinity];
		const geometry = featureAt(chunk, have(pos, length), length).geometry();
		if (geometry) extendBox(geometry, box);
		starts.push(pos);
		lengths.push(length);
		boxes.push(...box);
		pos += length;
	}
	return { starts: Float64Array.from(starts), lengths: Uint32Array.from(lengths), boxes: Float64Array.from(boxes) };
}
