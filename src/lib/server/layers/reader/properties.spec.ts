import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { buildFeature, parseProperties } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { describe, expect, it } from 'vitest';
import { featureAt } from './decode';
import { decodeProperties, utf8 } from './properties';

const column = (name: string, type: ColumnType): ColumnMeta => ({
	name,
	type,
	title: null,
	description: null,
	width: -1,
	precision: -1,
	scale: -1,
	nullable: true,
	unique: false,
	primary_key: false
});

const columns = [
	column('bool', ColumnType.Bool),
	column('short', ColumnType.Short),
	column('ushort', ColumnType.UShort),
	column('int', ColumnType.Int),
	column('uint', ColumnType.UInt),
	column('long', ColumnType.Long),
	column('float', ColumnType.Float),
	column('double', ColumnType.Double),
	column('date', ColumnType.DateTime),
	column('id', ColumnType.String),
	column('text', ColumnType.String),
	column('json', ColumnType.Json),
	column('blob', ColumnType.Binary),
	column('missing', ColumnType.String)
];

const header: HeaderMeta = {
	geometryType: GeometryType.Point,
	columns,
	envelope: null,
	featuresCount: 1,
	indexNodeSize: 0,
	crs: null,
	title: null,
	description: null,
	metadata: null
};

/** One feature encoded by flatgeobuf's own writer, decoded by flatgeobuf and by us. */
function roundTrip(properties: Record<string, unknown>) {
	// flatgeobuf's writer skips null but chokes on undefined: every column gets a value
	const all = { ...Object.fromEntries(columns.map((c) => [c.name, null])), ...properties };
	const bytes = buildFeature(parseGeometry({ type: 'Point', coordinates: [1, 2] }), all as never, header);
	const feature = featureAt(bytes, 0, bytes.length);
	return { ours: decodeProperties(feature.propertiesArray(), columns), theirs: parseProperties(feature, columns) };
}

describe('decodeProperties', () => {
	it('decodes every column type as flatgeobuf does, nulls filled in', () => {
		const { ours, theirs } = roundTrip({
			bool: true,
			short: -12,
			ushort: 65_000,
			int: -2_000_000_000,
			uint: 4_000_000_000,
			long: -(2 ** 40) - 5,
			float: 1.5,
			double: Math.PI,
			date: '2024-05-17T00:00:00',
			id: 'S-12345',
			text: 'Straßenquerung, Überdeckung geprüft — 0,6 m 🚧',
			json: { depth: [0.6, 1.2], note: 'Muffe' },
			blob: new Uint8Array([0, 1, 255]),
			missing: null
		});
		expect(ours).toEqual({ ...theirs, missing: null });
		expect(ours.long).toBe(-(2 ** 40) - 5);
		expect(Object.keys(ours)).toEqual(columns.map((c) => c.name));
	});

	it('keeps Binary values when the read buffer is reused', () => {
		const { ours } = roundTrip({ blob: new Uint8Array([7, 8, 9]) });
		const blob = ours.blob as Uint8Array;
		expect(blob.byteOffset).toBe(0);
		expect(blob.buffer.byteLength).toBe(3);
	});

	it('decodes ASCII, non-ASCII and long strings the same as TextDecoder', () => {
		const enc = new TextEncoder();
		for (const s of ['', 'a', 'in_betrieb', 'x'.repeat(32), 'y'.repeat(33), 'Straße', 'ÄÖÜäöüß', '€ 12', '𝄞 clef']) {
			const bytes = new Uint8Array([9, 9, ...enc.encode(s), 9]);
			expect(utf8(bytes, 2, bytes.length - 1)).toBe(s);
		}
	});

	it('gives an all-null object for a feature without properties', () => {
		const { ours } = roundTrip({});
		expect(Object.values(ours).every((v) => v === null)).toBe(true);
	});
});
