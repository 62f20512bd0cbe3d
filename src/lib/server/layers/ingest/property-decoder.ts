/**
 * @module layers/ingest/property-decoder
 * A feature's property bytes → the source properties, for pass 2. Same encoding and results as the
 * reader's `decodeProperties` (reader/properties.ts, checked by the spec), plus gdal-values.ts's
 * conversion, but built for a million features in a row: a column's value usually repeats ("kabel",
 * "in_betrieb", 0.7), so when a value's bytes equal the previous feature's, the previous result is
 * handed out again instead of decoding a new string. Measured on the 1 M-line benchmark: property
 * decoding was 3.4 of 5.5 s of reading pass 1, most of it short-lived strings for the garbage collector.
 */
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { utf8 } from '../reader/properties';

type Convert = ((value: unknown) => unknown) | null;

/** values up to this many bytes are remembered per column */
const CACHE_BYTES = 64;

const FIXED: Partial<Record<ColumnType, number>> = {
	[ColumnType.Bool]: 1,
	[ColumnType.Byte]: 1,
	[ColumnType.UByte]: 1,
	[ColumnType.Short]: 2,
	[ColumnType.UShort]: 2,
	[ColumnType.Int]: 4,
	[ColumnType.UInt]: 4,
	[ColumnType.Float]: 4,
	[ColumnType.Long]: 8,
	[ColumnType.ULong]: 8,
	[ColumnType.Double]: 8
};

const decoder = new TextDecoder();

function fixed(type: ColumnType, view: DataView, o: number): number | boolean {
	switch (type) {
		case ColumnType.Bool:
			return view.getUint8(o) !== 0;
		case ColumnType.Byte:
			return view.getInt8(o);
		case ColumnType.UByte:
			return view.getUint8(o);
		case ColumnType.Short:
			return view.getInt16(o, true);
		case ColumnType.UShort:
			return view.getUint16(o, true);
		case ColumnType.Int:
			return view.getInt32(o, true);
		case ColumnType.UInt:
			return view.getUint32(o, true);
		case ColumnType.Float:
			return view.getFloat32(o, true);
		// as flatgeobuf and the reader do: a number, exact up to 2^53
		case ColumnType.Long:
			return view.getUint32(o, true) + view.getInt32(o + 4, true) * 2 ** 32;
		case ColumnType.ULong:
			return view.getUint32(o, true) + view.getUint32(o + 4, true) * 2 ** 32;
		default:
			return view.getFloat64(o, true);
	}
}

export class PropertyDecoder {
	private readonly lastLength: Int32Array;
	private readonly lastBytes: Uint8Array[];
	private readonly lastValue: unknown[];

	constructor(
		private readonly columns: ColumnMeta[],
		private readonly converters: Convert[]
	) {
		this.lastLength = new Int32Array(columns.length).fill(-1);
		this.lastBytes = columns.map(() => new Uint8Array(CACHE_BYTES));
		this.lastValue = columns.map(() => undefined);
	}

	/** Every column, in header order, null where the feature stores nothing. */
	decode(bytes: Uint8Array | null): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		for (const c of this.columns) out[c.name] = null;
		if (!bytes || this.columns.length === 0) return out;
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		let o = 0;
		while (o < bytes.length) {
			const i = view.getUint16(o, true);
			const column = this.columns[i];
			if (!column) throw new Error(`FlatGeobuf property of unknown column ${i}`);
			o += 2;
			const size = FIXED[column.type];
			let start = o;
			let end: number;
			if (size !== undefined) {
				end = o + size;
			} else if (column.type === ColumnType.String || column.type === ColumnType.DateTime || column.type === ColumnType.Json || column.type === ColumnType.Binary) {
				start = o + 4;
				end = start + view.getUint32(o, true);
				if (end > bytes.length) throw new Error(`FlatGeobuf property ${column.name} runs past its feature`);
			} else {
				throw new Error(`FlatGeobuf column ${column.name} has unknown type ${column.type}`);
			}
			out[column.name] = this.value(i, column.type, bytes, view, start, end);
			o = end;
		}
		return out;
	}

	private value(i: number, type: ColumnType, bytes: Uint8Array, view: DataView, start: number, end: number): unknown {
		const length = end - start;
		const cached = this.lastBytes[i]!;
		if (length === this.lastLength[i]) {
			let same = true;
			for (let k = 0; k < length; k++) {
				if (cached[k] !== bytes[start + k]) {
					same = false;
					break;
				}
			}
			if (same) return this.lastValue[i];
		}
		let value: unknown;
		if (type === ColumnType.String || type === ColumnType.DateTime) value = utf8(bytes, start, end);
		else if (type === ColumnType.Json) value = JSON.parse(decoder.decode(bytes.subarray(start, end)));
		else if (type === ColumnType.Binary) value = bytes.slice(start, end);
		else value = fixed(type, view, start);
		const convert = this.converters[i];
		if (convert) value = convert(value);
		// objects (JSON, binary) are handed out once each: no feature shares one with another
		if (length <= CACHE_BYTES && (value === null || typeof value !== 'object')) {
			for (let k = 0; k < length; k++) cached[k] = bytes[start + k]!;
			this.lastLength[i] = length;
			this.lastValue[i] = value;
		} else {
			this.lastLength[i] = -1;
		}
		return value;
	}
}
