/**
 * @module layers/ingest/fgb-scan
 * Reads pass 1's output — GDAL's unindexed FlatGeobuf in EPSG:25832 — front to back, a megabyte at a
 * time, and hands out each feature the way the former GeoJSON route gave it (gdal-values.ts): GeoJSON
 * geometry with millimetre coordinates for validation, the same geometry flat for flatgeobuf's feature
 * builder, and the source properties.
 *
 * Why not flatgeobuf's `deserializeStream` on a file stream: measured on the 1 M-line benchmark's pass-1
 * file, iterating the features alone took it 3.5–4.0 s (two awaited reads and a copy per feature),
 * chunked reads 0.15 s; and its GeoJSON decoder throws on the empty geometries GDAL writes.
 */
import { open, type FileHandle } from 'node:fs/promises';
import * as flatbuffers from 'flatbuffers';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import type { CrsMeta } from 'flatgeobuf/lib/mjs/crs-meta.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { Feature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import { Geometry as FgbGeometry } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { featureAt } from '../reader/decode';
import { readHeader, SIZE_PREFIX_LEN } from '../reader/header';
import { roundMm, valueConverter, type SourceField } from './gdal-values';
import { PropertyDecoder } from './property-decoder';
import type { Geometry } from './validate';

/** A geometry as flatgeobuf's `buildGeometry` takes it; `ends` only for more than one ring or part. */
export interface Shape {
	type: GeometryType;
	xy?: Float64Array | number[];
	ends?: number[];
	parts?: Shape[];
}

export interface SourceFeature {
	/** as the GeoJSON route gave it: null for a missing or empty geometry */
	geometry: Geometry | null;
	/** the same coordinates for the builder; null where nothing can be stored (collections, empties) */
	shape: Shape | null;
	/** every column of the file, null where unset */
	properties: Record<string, unknown>;
}

const CHUNK = 1 << 20;

function pairs(xy: number[], from: number, to: number): number[][] {
	const out: number[][] = [];
	for (let i = from * 2; i < to * 2; i += 2) out.push([xy[i]!, xy[i + 1]!]);
	return out;
}

/**
 * The coordinates rounded to millimetres, as a plain array: a Float64Array per feature costs a backing
 * store and its sweeping — measured, garbage collection took more than half of reading 1 M features.
 */
function rounded(g: FgbGeometry): number[] {
	const raw = g.xyArray();
	const xy: number[] = [];
	if (raw) for (let i = 0; i < raw.length; i++) xy.push(roundMm(raw[i]!));
	return xy;
}

/** Rings or parts split at `ends` (vertex counts); no ends: one ring. */
function rings(g: FgbGeometry, xy: number[]): { coordinates: number[][][]; ends?: number[] } {
	const ends = g.endsArray();
	if (!ends || ends.length === 0) return { coordinates: [pairs(xy, 0, xy.length / 2)] };
	const coordinates: number[][][] = [];
	let start = 0;
	for (const end of ends) {
		coordinates.push(pairs(xy, start, end));
		start = end;
	}
	return { coordinates, ends: ends.length > 1 ? Array.from(ends) : undefined };
}

/** A typed geometry without coordinates, as GDAL passes on an empty GeoJSON line ("coordinates": []). */
function empty(type: GeometryType): { geometry: Geometry; shape: null } {
	return { geometry: { type: GeometryType[type], coordinates: [] }, shape: null };
}

function convert(g: FgbGeometry, type: GeometryType): { geometry: Geometry; shape: Shape | null } | null {
	switch (type) {
		case GeometryType.Point:
		case GeometryType.MultiPoint:
		case GeometryType.LineString: {
			const xy = rounded(g);
			if (xy.length === 0) return type === GeometryType.Point ? null : empty(type);
			const coordinates = type === GeometryType.Point ? [xy[0]!, xy[1]!] : pairs(xy, 0, xy.length / 2);
			return { geometry: { type: GeometryType[type], coordinates }, shape: { type, xy } };
		}
		case GeometryType.Polygon:
		case GeometryType.MultiLineString: {
			const xy = rounded(g);
			if (xy.length === 0) return empty(type);
			const { coordinates, ends } = rings(g, xy);
			return { geometry: { type: GeometryType[type], coordinates }, shape: { type, xy, ends } };
		}
		case GeometryType.MultiPolygon: {
			const polygons: number[][][][] = [];
			const parts: Shape[] = [];
			for (let i = 0; i < g.partsLength(); i++) {
				const part = convert(g.parts(i)!, GeometryType.Polygon);
				if (!part) continue;
				polygons.push(part.geometry.coordinates as number[][][]);
				parts.push(part.shape!);
			}
			return polygons.length ? { geometry: { type: 'MultiPolygon', coordinates: polygons }, shape: { type, parts } } : empty(type);
		}
		case GeometryType.GeometryCollection: {
			const geometries: Geometry[] = [];
			for (let i = 0; i < g.partsLength(); i++) {
				const part = g.parts(i)!;
				const converted = convert(part, part.type());
				if (converted) geometries.push(converted.geometry);
			}
			// a collection is refused (validate.ts), never stored: no shape
			return { geometry: { type: 'GeometryCollection', geometries }, shape: null };
		}
		default:
			// Triangle, TIN, PolyhedralSurface: the GeoJSON writer gave null. Curves do not come: pass 1
			// linearises them (-nlt CONVERT_TO_LINEAR), as the GeoJSON writer did.
			return null;
	}
}

export class FgbScanner {
	private buf = new Uint8Array(CHUNK);
	/**
	 * One ByteBuffer per read buffer, one Feature and one Geometry accessor for all features: flatbuffers'
	 * ByteBuffer constructs a TextDecoder each time — per feature, that was most of the garbage.
	 */
	private bb = new flatbuffers.ByteBuffer(this.buf);
	private readonly feature = new Feature();
	private readonly geometry = new FgbGeometry();
	private pos: number;
	private readonly properties: PropertyDecoder;

	private constructor(
		private readonly file: FileHandle,
		private readonly size: number,
		start: number,
		private readonly geometryType: GeometryType,
		readonly columns: ColumnMeta[],
		readonly crs: CrsMeta | null,
		sourceFields: SourceField[],
		private readonly surfaces: boolean
	) {
		this.pos = start;
		const bySource = new Map(sourceFields.map((f) => [f.name, f]));
		const converters = columns.map((c) => valueConverter(ColumnType[c.type] ?? '', bySource.get(c.name)));
		this.properties = new PropertyDecoder(columns, converters);
	}

	/**
	 * Opens an unindexed FlatGeobuf; `sourceFields` are the source's field types from ogrinfo.
	 * `surfaces`: the source layer holds TINs or polyhedral surfaces. Pass 1 turns them into polygons; the
	 * GeoJSON writer gave null geometries, so they are read as null.
	 */
	static async open(path: string, sourceFields: SourceField[], opts: { surfaces?: boolean } = {}): Promise<FgbScanner> {
		const file = await open(path, 'r');
		try {
			const { size } = await file.stat();
			// GDAL writes nothing at all for a layer without features
			if (size === 0) return new FgbScanner(file, 0, 0, GeometryType.Unknown, [], null, sourceFields, false);
			const { meta, end } = readHeader(file.fd, size);
			if (meta.indexNodeSize > 0 && meta.featuresCount > 0) throw new Error('pass 1 wrote a spatial index');
			return new FgbScanner(file, size, end, meta.geometryType, meta.columns ?? [], meta.crs, sourceFields, opts.surfaces ?? false);
		} catch (e) {
			await file.close();
			throw e;
		}
	}

	/** The features of the next chunk, in file order; an empty array at the end of the file. */
	async next(): Promise<SourceFeature[]> {
		if (this.pos >= this.size) return [];
		const start = this.pos;
		const length = Math.min(this.buf.length, this.size - start);
		const { bytesRead } = await this.file.read(this.buf, 0, length, start);
		if (bytesRead !== length) throw new Error(`FlatGeobuf ends early at ${start}`);
		const view = new DataView(this.buf.buffer, 0, length);
		const out: SourceFeature[] = [];
		let at = 0;
		while (at + SIZE_PREFIX_LEN <= length) {
			const featureLength = SIZE_PREFIX_LEN + view.getUint32(at, true);
			if (start + at + featureLength > this.size) throw new Error(`FlatGeobuf feature at ${start + at} runs past the end`);
			if (at + featureLength > length) break;
			out.push(this.decode(at, featureLength));
			at += featureLength;
		}
		if (at === 0) {
			if (length < SIZE_PREFIX_LEN) throw new Error(`FlatGeobuf ends inside a size prefix at ${start}`);
			// one feature bigger than the buffer: grow it and read again
			this.buf = new Uint8Array(Math.max(this.buf.length * 2, SIZE_PREFIX_LEN + view.getUint32(0, true)));
			this.bb = new flatbuffers.ByteBuffer(this.buf);
			return this.next();
		}
		this.pos = start + at;
		return out;
	}

	private decode(at: number, length: number): SourceFeature {
		let feature: Feature;
		if (at % 8 === 0) {
			this.bb.setPosition(at);
			feature = Feature.getSizePrefixedRootAsFeature(this.bb, this.feature);
		} else {
			// coordinates are read through Float64Array views, which need 8-byte alignment: copy
			feature = featureAt(this.buf, at, length);
		}
		const properties = this.properties.decode(feature.propertiesArray());
		const g = this.surfaces ? null : feature.geometry(this.geometry);
		const converted = g ? convert(g, this.geometryType === GeometryType.Unknown ? g.type() : this.geometryType) : null;
		return { geometry: converted?.geometry ?? null, shape: converted?.shape ?? null, properties };
	}

	async close(): Promise<void> {
		await this.file.close();
	}
}
