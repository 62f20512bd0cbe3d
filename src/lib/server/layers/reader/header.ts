/**
 * @module layers/reader/header
 * The FlatGeobuf header: magic bytes, size-prefixed flatbuffer, decoded with flatgeobuf's own
 * `fromByteBuffer` (columns, envelope, feature count, index node size, CRS).
 */
import * as flatbuffers from 'flatbuffers';
import { fromByteBuffer, type HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { readFully } from './io';

/** "fgb" + major version 3; bytes 4–7 ("fgb" + patch) are not checked, as flatgeobuf does not either */
const MAGIC = [0x66, 0x67, 0x62, 0x03];
const MAGIC_LEN = 8;
export const SIZE_PREFIX_LEN = 4;
/** flatgeobuf's own limit; a bigger header is a broken file, not a big one */
const MAX_HEADER_BYTES = 10 * 1024 * 1024;

export interface FileHeader {
	meta: HeaderMeta;
	/** absolute byte position right after the header: where the index starts, or the features if none */
	end: number;
}

export function readHeader(fd: number, fileSize: number): FileHeader {
	if (fileSize < MAGIC_LEN + SIZE_PREFIX_LEN) throw new Error('not a FlatGeobuf file (too short)');
	const start = new Uint8Array(MAGIC_LEN + SIZE_PREFIX_LEN);
	readFully(fd, start, 0);
	if (!MAGIC.every((b, i) => start[i] === b)) throw new Error('not a FlatGeobuf file (magic bytes, or not version 3)');
	const length = new DataView(start.buffer).getUint32(MAGIC_LEN, true);
	if (length < 8 || length > MAX_HEADER_BYTES || MAGIC_LEN + SIZE_PREFIX_LEN + length > fileSize) {
		throw new Error(`invalid FlatGeobuf header size ${length}`);
	}
	const bytes = new Uint8Array(SIZE_PREFIX_LEN + length);
	readFully(fd, bytes, MAGIC_LEN);
	const meta = fromByteBuffer(new flatbuffers.ByteBuffer(bytes));
	return { meta, end: MAGIC_LEN + SIZE_PREFIX_LEN + length };
}

/** The EPSG code of the header's CRS, or null when the file names none (or another authority). */
export function epsgCode(meta: HeaderMeta): number | null {
	const crs = meta.crs;
	if (!crs || !(crs.code > 0)) return null;
	// the spec's default organisation is EPSG
	return crs.org === null || crs.org.toUpperCase() === 'EPSG' ? crs.code : null;
}
