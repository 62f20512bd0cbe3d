import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import type { IParsedGeometry } from 'flatgeobuf/lib/mjs/generic/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { describe, expect, it } from 'vitest';
import { FeatureEncoder } from './feature-encoder';
import { shapeOf, TEST_COLUMNS, testFeatures } from './synthetic-layer';

const header = { columns: TEST_COLUMNS } as HeaderMeta;

describe('FeatureEncoder', () => {
	it('writes the very bytes flatgeobuf’s buildFeature writes, for every geometry kind and property', () => {
		const encoder = new FeatureEncoder(TEST_COLUMNS);
		for (const f of testFeatures(600, 4)) {
			const shape = shapeOf(f.geometry);
			const values = TEST_COLUMNS.map((c) => f.properties[c.name] ?? null);
			const expected = buildFeature(shape as unknown as IParsedGeometry, f.properties, header);
			expect(encoder.encode(shape, values), f.properties.source_id as string).toEqual(expected);
		}
	});

	it('encodes any string as TextEncoder does: long, non-ASCII, astral, lone surrogates', () => {
		const encoder = new FeatureEncoder(TEST_COLUMNS);
		const [line] = testFeatures(1, 2, 'LineString');
		const shape = shapeOf(line!.geometry);
		for (const note of ['x'.repeat(5000), 'Straße ÄÖÜ äöü ß', 'Leitung 🚧 🔧', 'a\ud800b', '\udc00', '', 'ü'.repeat(3000)]) {
			const properties: Record<string, string | number | null> = { ...line!.properties, note };
			const expected = buildFeature(shape as unknown as IParsedGeometry, properties, header);
			expect(encoder.encode(shape, TEST_COLUMNS.map((c) => properties[c.name] ?? null))).toEqual(expected);
		}
	});

	it('builds features 8-byte aligned in length, so they stay aligned one after the other', () => {
		const encoder = new FeatureEncoder(TEST_COLUMNS);
		for (const f of testFeatures(60, 8)) {
			expect(encoder.encode(shapeOf(f.geometry), TEST_COLUMNS.map((c) => f.properties[c.name] ?? null)).length % 8).toBe(0);
		}
	});
});
