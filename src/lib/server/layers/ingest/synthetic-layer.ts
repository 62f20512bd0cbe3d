/**
 * @module layers/ingest/synthetic-layer
 * Seeded test layers for the writer's and the encoder's specs: points, lines, polygons with holes and
 * their Multi* forms, with properties that are sometimes null, sometimes empty, sometimes umlauts.
 * Not used by the product.
 */
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { boxOf } from '../reader/brute-force';
import { BENCH_LINE, randomLine, randomPoint, randomRing, seededRandom } from '../reader/synthetic';
import type { Bbox, Geometry, Position } from '../reader/types';
import type { Shape } from './fgb-scan';
import { FeatureEncoder } from './feature-encoder';
import type { FeatureSource } from './fgb-writer';

export interface TestFeature {
	type: 'Feature';
	geometry: Geometry;
	properties: Record<string, string | number | null>;
}

const col = (name: string, type: ColumnType): ColumnMeta => ({
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

export const TEST_COLUMNS: ColumnMeta[] = [
	col('source_id', ColumnType.String),
	col('material', ColumnType.String),
	col('depth_m', ColumnType.Double),
	col('ducts_total', ColumnType.Int),
	col('big', ColumnType.Long),
	col('note', ColumnType.String)
];

/** Around Halle, 4 km square: dense enough for many hits per query. */
export const TEST_EXTENT: Bbox = [704_000, 5_705_000, 708_000, 5_709_000];

const KINDS = ['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'] as const;

function polygon(rnd: () => number): Position[][] {
	const centre = randomPoint(rnd, TEST_EXTENT);
	const radius = 5 + rnd() * 40;
	const shell = randomRing(rnd, centre, radius, 8 + Math.floor(rnd() * 8));
	// a hole well inside the shell (the shell's radius never falls below 70 %)
	return rnd() < 0.3 ? [shell, randomRing(rnd, centre, radius * 0.2, 6).reverse()] : [shell];
}

function geometry(rnd: () => number, kind: (typeof KINDS)[number]): Geometry {
	const parts = 2 + Math.floor(rnd() * 2);
	switch (kind) {
		case 'Point':
			return { type: kind, coordinates: randomPoint(rnd, TEST_EXTENT) };
		case 'LineString':
			return { type: kind, coordinates: randomLine(rnd, TEST_EXTENT, BENCH_LINE) };
		case 'Polygon':
			return { type: kind, coordinates: polygon(rnd) };
		case 'MultiPoint':
			return { type: kind, coordinates: Array.from({ length: parts }, () => randomPoint(rnd, TEST_EXTENT)) };
		case 'MultiLineString':
			return { type: kind, coordinates: Array.from({ length: parts }, () => randomLine(rnd, TEST_EXTENT, BENCH_LINE)) };
		case 'MultiPolygon':
			return { type: kind, coordinates: Array.from({ length: parts }, () => polygon(rnd)) };
	}
}

/** `n` features of every kind, or of `only` that kind; source_id "F-<i>" is unique. */
export function testFeatures(n: number, seed = 1, only?: (typeof KINDS)[number]): TestFeature[] {
	const rnd = seededRandom(seed);
	const pick = <T>(values: T[]) => values[Math.floor(rnd() * values.length)]!;
	return Array.from({ length: n }, (_, i) => ({
		type: 'Feature',
		geometry: geometry(rnd, only ?? KINDS[i % KINDS.length]!),
		properties: {
			source_id: `F-${i}`,
			material: pick(['PE-HD', 'GGG', 'Stahl', '', null, 'Größe Ü']),
			depth_m: rnd() < 0.2 ? null : Math.round(rnd() * 300) / 100,
			ducts_total: rnd() < 0.5 ? null : Math.floor(rnd() * 24) - 4,
			big: rnd() < 0.5 ? null : pick([2 ** 40 + i, -(2 ** 33), 0, 2 ** 53 - 1]),
			note: rnd() < 0.7 ? null : 'Straßenquerung, Überdeckung geprüft'
		}
	}));
}

/** A GeoJSON geometry as flatgeobuf's builder takes it (as fgb-scan.ts makes it). */
export function shapeOf(g: Geometry): Shape {
	const type = GeometryType[g.type as keyof typeof GeometryType];
	const flat = (rings: Position[][]): Shape => ({
		type,
		xy: Float64Array.from(rings.flat(1).flat()),
		ends: rings.length > 1 ? rings.map((_, i) => rings.slice(0, i + 1).reduce((s, r) => s + r.length, 0)) : undefined
	});
	switch (g.type) {
		case 'Point':
			return { type, xy: Float64Array.from(g.coordinates) };
		case 'LineString':
		case 'MultiPoint':
			return { type, xy: Float64Array.from(g.coordinates.flat()) };
		case 'Polygon':
		case 'MultiLineString':
			return flat(g.coordinates);
		case 'MultiPolygon':
			return { type, parts: g.coordinates.map((p) => ({ ...flat(p), type: GeometryType.Polygon })) };
		default:
			throw new Error(`no shape for ${g.type}`);
	}
}

/** The features built by the ingest's encoder, held in memory. */
export function memorySource(features: TestFeature[], columns = TEST_COLUMNS): FeatureSource & { bytes: Uint8Array[] } {
	const encoder = new FeatureEncoder(columns);
	const bytes = features.map((f) => encoder.encode(shapeOf(f.geometry), columns.map((c) => f.properties[c.name] ?? null)).slice());
	return {
		count: features.length,
		boxes: Float64Array.from(features.flatMap((f) => boxOf(f.geometry))),
		lengths: Uint32Array.from(bytes, (b) => b.length),
		bytes,
		read: (i, target) => target.set(bytes[i]!)
	};
}
