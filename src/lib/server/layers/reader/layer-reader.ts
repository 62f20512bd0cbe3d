/**
 * @module layers/reader/layer-reader
 * One open FlatGeobuf file: header and index read once, then bbox searches that read only the features
 * they return, by offset, with `readSync` on a file descriptor kept open until `close()`.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import type { DecodeContext } from './decode';
import { epsgCode, readHeader } from './header';
import { indexByteLength, leafOffsets, loadIndex, rootBox, searchIndex, type PackedIndex } from './packed-rtree';
import { newScratch, readFeatures } from './read';
import { checkLastFeature, scanFeatures, tableFromLeaves, type FeatureTable } from './table';
import type { Bbox, LayerColumn, LayerFeature } from './types';

export interface LayerReader {
	readonly path: string;
	readonly featureCount: number;
	/** from the header's envelope (else the index root, else the scanned features); null when empty */
	readonly extent: Bbox | null;
	/** EPSG code from the header, null when it names none */
	readonly crs: number | null;
	readonly columns: LayerColumn[];
	/** false: the file has no spatial index and searches scan all feature boxes (see table.ts) */
	readonly indexed: boolean;
	/** bytes held in memory for this file: index nodes plus the feature table */
	readonly memoryBytes: number;
	/**
	 * Features whose bounding box meets `bbox` (edges included), in file order, geometry in the file's
	 * CRS (EPSG:25832, metres, for layer versions). Candidates for an exact clip, not the clip itself.
	 */
	search(bbox: Bbox): LayerFeature[];
	/** Closes the file. Searching afterwards throws. */
	close(): void;
}

export function openLayerFile(path: string): LayerReader {
	const fd = openSync(path, 'r');
	try {
		return open(path, fd);
	} catch (e) {
		closeSync(fd);
		throw e;
	}
}

function open(path: string, fd: number): LayerReader {
	const fileSize = fstatSync(fd).size;
	const header = readHeader(fd, fileSize);
	const { meta } = header;
	const ctx: DecodeContext = { geometryType: meta.geometryType, columns: meta.columns ?? [] };

	let index: PackedIndex | null = null;
	let table: FeatureTable;
	let scanned: Float64Array | null = null;
	if (meta.indexNodeSize > 0 && meta.featuresCount > 0) {
		index = loadIndex(fd, header.end, meta.featuresCount, meta.indexNodeSize);
		table = tableFromLeaves(leafOffsets(index), header.end + index.byteLength, fileSize);
		checkLastFeature(fd, table);
	} else {
		// an empty file may still announce an index node size; it has no index bytes
		const featuresStart = header.end + indexByteLength(meta.featuresCount, meta.indexNodeSize);
		const scan = scanFeatures(fd, featuresStart, fileSize);
		// 0 is "unknown" for files written as a stream; any other count must match
		if (meta.featuresCount > 0 && scan.starts.length !== meta.featuresCount) {
			throw new Error(`FlatGeobuf header says ${meta.featuresCount} features, the file holds ${scan.starts.length}`);
		}
		table = scan;
		scanned = scan.boxes;
	}
	const featureCount = table.starts.length;
	const scratch = newScratch();
	let closed = false;

	return {
		path,
		featureCount,
		extent: featureCount === 0 ? null : (envelope(meta.envelope) ?? (index ? rootBox(index) : union(scanned!))),
		crs: epsgCode(meta),
		columns: ctx.columns.map((c) => ({ name: c.name, type: ColumnType[c.type] ?? String(c.type) })),
		indexed: index !== null,
		memoryBytes: (index?.byteLength ?? 0) + table.starts.byteLength + table.lengths.byteLength + (scanned?.byteLength ?? 0),
		search(bbox) {
			if (closed) throw new Error(`layer reader for ${path} is closed`);
			// NaN compares false with everything and would let every node through
			if (bbox.length !== 4 || bbox.some(Number.isNaN)) throw new TypeError(`invalid bbox [${bbox.join(', ')}]`);
			if (featureCount === 0) return [];
			const ids: number[] = [];
			if (index) searchIndex(index, bbox, ids);
			else scanBoxes(scanned!, bbox, ids);
			return readFeatures(fd, table, ids, ctx, scratch);
		},
		close() {
			if (closed) return;
			closed = true;
			closeSync(fd);
		}
	};
}

function scanBoxes(boxes: Float64Array, bbox: Bbox, out: number[]): void {
	const [minX, minY, maxX, maxY] = bbox;
	for (let i = 0, b = 0; b < boxes.length; i++, b += 4) {
		const bMinX = boxes[b]!;
		const bMaxX = boxes[b + 2]!;
		// bMinX > bMaxX: an empty box (no geometry) — must not match even an infinite bbox
		if (maxX < bMinX || maxY < boxes[b + 1]! || minX > bMaxX || minY > boxes[b + 3]! || bMinX > bMaxX) continue;
		out.push(i);
	}
}

function envelope(e: Float64Array | null): Bbox | null {
	if (!e || e.length < 4 || !e.subarray(0, 4).every(Number.isFinite)) return null;
	return [e[0]!, e[1]!, e[2]!, e[3]!];
}

function union(boxes: Float64Array): Bbox | null {
	const u: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
	for (let b = 0; b < boxes.length; b += 4) {
		if (boxes[b]! > boxes[b + 2]!) continue;
		u[0] = Math.min(u[0], boxes[b]!);
		u[1] = Math.min(u[1], boxes[b + 1]!);
		u[2] = Math.max(u[2], boxes[b + 2]!);
		u[3] = Math.max(u[3], boxes[b + 3]!);
	}
	return u[0] <= u[2] ? u : null;
}
