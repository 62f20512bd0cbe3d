/**
 * @module layers/ingest/fgb-writer
 * Writes an indexed FlatGeobuf file: magic bytes, the header (flatgeobuf's generated builders), the
 * packed Hilbert R-tree (hilbert-rtree.ts), then the features in tree order. The features come ready
 * built (flatgeobuf's feature builder) from a `FeatureSource` — in the ingest a scratch file, read one
 * feature at a time, so memory holds the tree and per feature a box and a length, never the features.
 *
 * GDAL wrote these files before; this writer writes what GDAL wrote (magic, header fields, column
 * attributes, 8-byte aligned features), so stored versions and new ones read the same.
 */
import { open, type FileHandle } from 'node:fs/promises';
import * as flatbuffers from 'flatbuffers';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import type { CrsMeta } from 'flatgeobuf/lib/mjs/crs-meta.js';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import type { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { buildTree, extentOf, hilbertOrder, type Extent } from './hilbert-rtree';

/** "fgb", major version 3, "fgb", patch 1 — what GDAL writes */
const MAGIC = new Uint8Array([0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x01]);
export const INDEX_NODE_SIZE = 16;
const FLUSH_BYTES = 4 << 20;

export interface LayerHeader {
	/** layer name GDAL shows (ogrinfo) */
	name: string;
	/** Unknown (0) when the features are of several types */
	geometryType: GeometryType;
	columns: ColumnMeta[];
	crs: CrsMeta;
}

export interface FeatureSource {
	readonly count: number;
	/** box of feature i at [4i … 4i+3]: minX, minY, maxX, maxY */
	readonly boxes: Float64Array;
	/** byte length of feature i, size prefix included */
	readonly lengths: Uint32Array;
	/** Copies feature i's bytes (size-prefixed, from flatgeobuf's builder) into `target`, exactly its length. */
	read(i: number, target: Uint8Array): void;
}

function optionalString(b: flatbuffers.Builder, s: string | null): number {
	return s === null ? 0 : b.createString(s);
}

function buildColumn(b: flatbuffers.Builder, c: ColumnMeta): number {
	const name = b.createString(c.name);
	const title = optionalString(b, c.title);
	const description = optionalString(b, c.description);
	// the builder leaves out values equal to the schema defaults (width -1, nullable true, …), as GDAL's does
	return Column.createColumn(b, name, c.type, title, description, c.width, c.precision, c.scale, c.nullable, c.unique, c.primary_key, 0);
}

function buildCrs(b: flatbuffers.Builder, crs: CrsMeta): number {
	const org = optionalString(b, crs.org);
	const name = optionalString(b, crs.name);
	const description = optionalString(b, crs.description);
	const wkt = optionalString(b, crs.wkt);
	const codeString = optionalString(b, crs.code_string);
	return Crs.createCrs(b, org, crs.code, name, description, wkt, codeString);
}

/**
 * Magic bytes and the size-prefixed header. An empty layer gets no envelope and index node size 0, as
 * GDAL writes it (GDAL cannot open an empty file that announces an index).
 */
export function headerBytes(layer: LayerHeader, count: number, extent: Extent | null): Uint8Array {
	const b = new flatbuffers.Builder(4096);
	const columns = Header.createColumnsVector(b, layer.columns.map((c) => buildColumn(b, c)));
	const crs = buildCrs(b, layer.crs);
	const name = b.createString(layer.name);
	const envelope = extent ? Header.createEnvelopeVector(b, extent) : 0;
	Header.startHeader(b);
	Header.addName(b, name);
	if (envelope) Header.addEnvelope(b, envelope);
	Header.addGeometryType(b, layer.geometryType);
	Header.addColumns(b, columns);
	Header.addFeaturesCount(b, BigInt(count));
	Header.addIndexNodeSize(b, count > 0 ? INDEX_NODE_SIZE : 0);
	Header.addCrs(b, crs);
	b.finishSizePrefixed(Header.endHeader(b));
	const header = b.asUint8Array();
	// index and features start 8-byte aligned (the reader's Float64Array views need it); a flatbuffer
	// ignores bytes after its end, so pad and count them in the size prefix
	const pad = (8 - ((MAGIC.length + header.length) % 8)) % 8;
	const out = new Uint8Array(MAGIC.length + header.length + pad);
	out.set(MAGIC);
	out.set(header, MAGIC.length);
	new DataView(out.buffer).setUint32(MAGIC.length, header.length - 4 + pad, true);
	return out;
}

async function writeAll(file: FileHandle, bytes: Uint8Array): Promise<void> {
	let done = 0;
	while (done < bytes.length) done += (await file.write(bytes, done, bytes.length - done)).bytesWritten;
}

/** Writes `source` as an indexed FlatGeobuf to `path`; yields to the event loop every few megabytes. */
export async function writeFlatGeobuf(path: string, layer: LayerHeader, source: FeatureSource): Promise<void> {
	const { count, boxes, lengths } = source;
	const extent = count > 0 ? extentOf(boxes, count) : null;
	const order = extent ? hilbertOrder(boxes, count, extent) : new Uint32Array(0);
	const file = await open(path, 'w');
	try {
		await writeAll(file, headerBytes(layer, count, extent));
		if (count === 0) return;
		const tree = buildTree(boxes, lengths, order, INDEX_NODE_SIZE);
		await writeAll(file, tree.bytes);
		let buffer = new Uint8Array(FLUSH_BYTES);
		let used = 0;
		for (let k = 0; k < count; k++) {
			const id = order[k]!;
			const length = lengths[id]!;
			if (used + length > buffer.length) {
				await writeAll(file, buffer.subarray(0, used));
				used = 0;
				if (length > buffer.length) buffer = new Uint8Array(length);
			}
			source.read(id, buffer.subarray(used, used + length));
			used += length;
		}
		await writeAll(file, buffer.subarray(0, used));
	} finally {
		await file.close();
	}
}
