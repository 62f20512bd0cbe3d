/**
 * @module layers/reader/decode
 * One feature's bytes → a GeoJSON-like feature: geometry with flatgeobuf's own decoder, properties with
 * ours (properties.ts).
 */
import * as flatbuffers from 'flatbuffers';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { Feature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import type { Geometry as FgbGeometry } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry.js';
import type { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { fromGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import { SIZE_PREFIX_LEN } from './header';
import { decodeProperties } from './properties';
import type { Geometry, LayerFeature } from './types';

export interface DecodeContext {
	geometryType: GeometryType;
	columns: ColumnMeta[];
}

/**
 * The feature whose size prefix starts at `pos` of `bytes` and that is `length` bytes long, prefix
 * included. flatgeobuf reads coordinates through Float64Array views, which must be 8-byte aligned. Writers
 * align a feature's vectors to the start of its size prefix, and GDAL and flatgeobuf also put every
 * feature at an 8-aligned file offset (checked on their output) — but the format does not promise it, so
 * an unaligned feature is copied first (a memcpy, cheaper than reading it again).
 */
export function featureAt(bytes: Uint8Array, pos: number, length: number): Feature {
	const declared = length - SIZE_PREFIX_LEN;
	const prefix = (bytes[pos]! | (bytes[pos + 1]! << 8) | (bytes[pos + 2]! << 16) | (bytes[pos + 3]! << 24)) >>> 0;
	if (prefix !== declared) throw new Error(`FlatGeobuf feature at ${pos}: size prefix ${prefix}, expected ${declared}`);
	let bb: flatbuffers.ByteBuffer;
	if ((bytes.byteOffset + pos) % 8 === 0) {
		bb = new flatbuffers.ByteBuffer(bytes);
		bb.setPosition(pos);
	} else {
		bb = new flatbuffers.ByteBuffer(bytes.slice(pos, pos + length));
	}
	return Feature.getSizePrefixedRootAsFeature(bb);
}

/**
 * Properties are read with the header's columns (per-feature column lists, which the spec allows and no
 * writer we use produces, are not read).
 */
export function decodeFeature(feature: Feature, id: number, ctx: DecodeContext): LayerFeature {
	const g = feature.geometry();
	const geometry = g ? (fromGeometry(g, ctx.geometryType) as Geometry) : null;
	return { type: 'Feature', id, geometry, properties: decodeProperties(feature.propertiesArray(), ctx.columns) };
}

/** Grows `box` ([minX, minY, maxX, maxY]) by every coordinate of `g`, parts included. */
export function extendBox(g: FgbGeometry, box: Float64Array | number[]): void {
	const xy = g.xyArray();
	if (xy) {
		for (let i = 0; i < xy.length; i += 2) {
			const x = xy[i]!;
			const y = xy[i + 1]!;
			if (x < box[0]!) box[0] = x;
			if (y < box[1]!) box[1] = y;
			if (x > box[2]!) box[2] = x;
			if (y > box[3]!) box[3] = y;
		}
	}
	for (let p = 0; p < g.partsLength(); p++) {
		const part = g.parts(p);
		if (part) extendBox(part, box);
	}
}
