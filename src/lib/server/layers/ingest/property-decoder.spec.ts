import { openSync, fstatSync, readFileSync, closeSync } from 'node:fs';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { describe, expect, it } from 'vitest';
import { featureAt } from '../reader/decode';
import { readHeader, SIZE_PREFIX_LEN } from '../reader/header';
import { decodeProperties } from '../reader/properties';
import { FeatureEncoder } from './feature-encoder';
import { PropertyDecoder } from './property-decoder';
import { shapeOf, TEST_COLUMNS, testFeatures } from './synthetic-layer';

/** The property bytes of every feature of an unindexed FlatGeobuf, in file order. */
function propertyBytes(path: string) {
	const fd = openSync(path, 'r');
	const { meta, end } = readHeader(fd, fstatSync(fd).size);
	closeSync(fd);
	const bytes = new Uint8Array(readFileSync(path));
	const out: (Uint8Array | null)[] = [];
	for (let pos = end; pos < bytes.length; ) {
		const length = SIZE_PREFIX_LEN + new DataView(bytes.buffer).getUint32(pos, true);
		out.push(featureAt(bytes, pos, length).propertiesArray());
		pos += length;
	}
	return { columns: meta.columns!, out };
}

describe('PropertyDecoder', () => {
	it('decodes as the reader does: GDAL’s Int, Double, Long, Bool, String and DateTime columns', () => {
		const { columns, out } = propertyBytes('tests/fixtures/fgb/network-noindex.fgb');
		expect(new Set(columns.map((c) => ColumnType[c.type]))).toEqual(new Set(['String', 'Int', 'Double', 'Long', 'Bool', 'DateTime']));
		const decoder = new PropertyDecoder(columns, columns.map(() => null));
		expect(out.length).toBeGreaterThan(200);
		for (const bytes of out) expect(decoder.decode(bytes)).toEqual(decodeProperties(bytes, columns));
	});

	it('hands out a repeated value again, and a changed one of the same length anew', () => {
		const encoder = new FeatureEncoder(TEST_COLUMNS);
		const decoder = new PropertyDecoder(TEST_COLUMNS, TEST_COLUMNS.map(() => null));
		const [f] = testFeatures(1, 1, 'Point');
		const shape = shapeOf(f!.geometry);
		// "PE-HD", "PE-HD", "PE-HX" (same length), null, "PE-HD"; 1.5, 1.5, 2.5 (same 8 bytes length)
		const rows = [
			['A', 'PE-HD', 1.5, 1, 2 ** 40, null],
			['B', 'PE-HD', 1.5, 1, 2 ** 40, 'Straße'],
			['C', 'PE-HX', 2.5, 2, -(2 ** 40), 'Straße'],
			['D', null, null, null, null, 'Strasse'],
			['E', 'PE-HD', 2.5, 2, -(2 ** 40), '']
		];
		for (const row of rows) {
			const built = encoder.encode(shape, row).slice();
			const bytes = featureAt(built, 0, built.length).propertiesArray();
			expect(decoder.decode(bytes)).toEqual(Object.fromEntries(TEST_COLUMNS.map((c, i) => [c.name, row[i]])));
		}
	});

	it('applies a column’s conversion once per distinct value', () => {
		let calls = 0;
		const decoder = new PropertyDecoder(TEST_COLUMNS, TEST_COLUMNS.map((c) => (c.name === 'material' ? (v: unknown) => (calls++, `<${v}>`) : null)));
		const encoder = new FeatureEncoder(TEST_COLUMNS);
		const shape = shapeOf(testFeatures(1, 1, 'Point')[0]!.geometry);
		const decode = (material: string) => {
			const built = encoder.encode(shape, ['x', material, null, null, null, null]).slice();
			return decoder.decode(featureAt(built, 0, built.length).propertiesArray()).material;
		};
		expect([decode('GGG'), decode('GGG'), decode('PVC'), decode('GGG')]).toEqual(['<GGG>', '<GGG>', '<PVC>', '<GGG>']);
		expect(calls).toBe(3);
	});
});
