/**
 * @module layers/ingest/schema
 * The columns of a stored layer version: the normalised fields (mapping.ts) in their order. Their types
 * are what GDAL's GeoJSON reader chose when the normalised features went through GeoJSON, so files
 * written now read like the stored ones: text fields String; a number field Int when every value is an
 * integer within 32 bits, Long within 64, else Double; a field without any value String.
 *
 * Features are built before the last value is seen, so they are built with the type a field almost
 * always ends up with (depth_m Double, the counts Int; a count beyond 32 bits goes into a spare Double
 * column). When a field ends up otherwise — say every depth is a whole number — `rebuildFeature`
 * re-encodes the features once more before the file is written.
 */
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import type { Geometry as FgbGeometry } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import type { IParsedGeometry } from 'flatgeobuf/lib/mjs/generic/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { featureAt } from '../reader/decode';
import { decodeProperties } from '../reader/properties';
import type { Shape } from './fgb-scan';
import { INTEGER, NUMERIC, SCHEMA_FIELDS, type SchemaField } from './mapping';

/** GDAL's column attributes as it writes them for GeoJSON-typed fields (checked on its output). */
function column(name: string, type: ColumnType): ColumnMeta {
	const real = type === ColumnType.Double;
	return { name, type, title: null, description: null, width: real ? -1 : 0, precision: real ? 0 : -1, scale: -1, nullable: true, unique: false, primary_key: false };
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_LIMIT = 2 ** 63;

/** What JSON.stringify made of a number and GDAL's reader typed it as: 1 Integer, 2 Integer64, 3 Real. */
function numberKind(v: number): 1 | 2 | 3 {
	if (!Number.isInteger(v)) return 3;
	if (v >= INT32_MIN && v <= INT32_MAX) return 1;
	return v >= -INT64_LIMIT && v < INT64_LIMIT ? 2 : 3;
}

const KIND_TYPE = [ColumnType.String, ColumnType.Int, ColumnType.Long, ColumnType.Double];
const spare = (field: SchemaField) => `${field}\u0000double`;

export class LayerSchema {
	/** the columns features are built with: the schema fields, then the spare Double columns */
	readonly working: ColumnMeta[] = [
		...SCHEMA_FIELDS.map((f) => column(f, INTEGER.includes(f) ? ColumnType.Int : f === 'depth_m' ? ColumnType.Double : ColumnType.String)),
		...INTEGER.map((f) => column(spare(f), ColumnType.Double))
	];
	private readonly row: (string | number | null)[] = new Array(this.working.length).fill(null);
	private readonly numeric = SCHEMA_FIELDS.map((f) => (NUMERIC.includes(f) ? (INTEGER.includes(f) ? 2 : 1) : 0));
	private readonly spareIndex = SCHEMA_FIELDS.map((f) => (INTEGER.includes(f) ? SCHEMA_FIELDS.length + INTEGER.indexOf(f) : -1));
	/** per field: 0 no number seen, else the widest numberKind */
	private readonly kindOf = new Int8Array(SCHEMA_FIELDS.length);
	private kind(field: SchemaField): number {
		return this.kindOf[SCHEMA_FIELDS.indexOf(field)]!;
	}

	/**
	 * The feature's values in working-column order (one array, reused: valid until the next call); notes
	 * what each number field holds.
	 */
	values(properties: Record<SchemaField, string | number | null>): (string | number | null)[] {
		const row = this.row;
		for (let i = SCHEMA_FIELDS.length; i < row.length; i++) row[i] = null;
		for (let i = 0; i < SCHEMA_FIELDS.length; i++) {
			const v = properties[SCHEMA_FIELDS[i]!];
			row[i] = v;
			if (this.numeric[i] === 0 || v === null) continue;
			// JSON has no -0: the GeoJSON route stored 0
			const n = v === 0 ? 0 : (v as number);
			row[i] = n;
			const kind = numberKind(n);
			if (kind > this.kindOf[i]!) this.kindOf[i] = kind;
			if (this.numeric[i] === 2 && kind > 1) {
				row[this.spareIndex[i]!] = n;
				row[i] = null;
			}
		}
		return row;
	}

	/** The columns of the file, once every feature was seen. */
	columns(): ColumnMeta[] {
		return SCHEMA_FIELDS.map((f) => column(f, NUMERIC.includes(f) ? KIND_TYPE[this.kind(f)]! : ColumnType.String));
	}

	/** True when features built with the working columns must be built again for `columns()`. */
	needsRebuild(): boolean {
		return NUMERIC.some((f) => {
			const kind = this.kind(f);
			return INTEGER.includes(f) ? kind > 1 : kind === 1 || kind === 2;
		});
	}

	/** A working feature (size-prefixed bytes) built again with the file's columns. */
	rebuildFeature(bytes: Uint8Array, columns: ColumnMeta[]): Uint8Array {
		const feature = featureAt(bytes, 0, bytes.length);
		const values = decodeProperties(feature.propertiesArray(), this.working) as Record<string, number | string | null>;
		for (const field of INTEGER) values[field] ??= values[spare(field)]!;
		return buildWith(shapeOf(feature.geometry()!), values, columns);
	}
}

/** flatgeobuf's feature builder: size-prefixed bytes of one feature; it reads only the header's columns. */
export function buildWith(shape: Shape, values: Record<string, string | number | null>, columns: ColumnMeta[]): Uint8Array {
	const header = { columns } as HeaderMeta;
	// its builder takes Float64Arrays as well as number[] for xy
	return buildFeature(shape as unknown as IParsedGeometry, values, header);
}

/** A stored geometry back into flatgeobuf's builder input; the builder wrote every part's type. */
function shapeOf(g: FgbGeometry): Shape {
	const parts: Shape[] = [];
	for (let i = 0; i < g.partsLength(); i++) parts.push(shapeOf(g.parts(i)!));
	if (parts.length) return { type: g.type(), parts };
	const ends = g.endsArray();
	return { type: g.type(), xy: g.xyArray() ?? new Float64Array(0), ends: ends && ends.length > 1 ? Array.from(ends) : undefined };
}
