/**
 * @module layers/coverage
 * An operator's coverage area (Zuständigkeitsgebiet): uploaded or drawn by the operator, or — when none
 * is given — derived from its layers: the convex hull of all active versions' hulls, grown by
 * DERIVED_MARGIN_M. Over-approximating is the safe side: a request touching it gets an explicit answer.
 * Never shown to anyone but the operator and the platform admin.
 */
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import GeoJSONWriter from 'jsts/org/locationtech/jts/io/GeoJSONWriter.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import BufferOp from 'jsts/org/locationtech/jts/operation/buffer/BufferOp.js';
import ConvexHull from 'jsts/org/locationtech/jts/algorithm/ConvexHull.js';
import type Geometry from 'jsts/org/locationtech/jts/geom/Geometry.js';
import type { Db } from '../db';
import { activeHulls } from './repo';

export const DERIVED_MARGIN_M = 100;

const factory = new GeometryFactory();
const reader = new GeoJSONReader(factory);
const writer = new GeoJSONWriter();

export interface MultiPolygon {
	type: 'MultiPolygon';
	coordinates: number[][][][];
}

export interface Coverage {
	geometry: MultiPolygon;
	source: 'upload' | 'drawn' | 'derived';
	updatedAt: Date;
}

function toMulti(g: Geometry): MultiPolygon {
	const json = writer.write(g) as unknown as { type: string; coordinates: number[][][] | number[][][][] };
	return json.type === 'Polygon'
		? { type: 'MultiPolygon', coordinates: [json.coordinates as number[][][]] }
		: (json as MultiPolygon);
}

export async function getCoverage(db: Db, orgId: string): Promise<Coverage | null> {
	const [row] = await db<{ geometry: MultiPolygon; source: Coverage['source']; updated_at: Date }[]>`
		select geometry, source, updated_at from coverage_areas where org_id = ${orgId}`;
	return row ? { geometry: row.geometry, source: row.source, updatedAt: row.updated_at } : null;
}

async function store(db: Db, orgId: string, g: Geometry, source: Coverage['source']): Promise<void> {
	const env = g.getEnvelopeInternal();
	const geometry = toMulti(g);
	await db`insert into coverage_areas (org_id, geometry, source, min_x, min_y, max_x, max_y, updated_at)
		values (${orgId}, ${db.json(geometry as never)}, ${source}, ${env.getMinX()}, ${env.getMinY()}, ${env.getMaxX()}, ${env.getMaxY()}, now())
		on conflict (org_id) do update set geometry = excluded.geometry, source = excluded.source,
			min_x = excluded.min_x, min_y = excluded.min_y, max_x = excluded.max_x, max_y = excluded.max_y, updated_at = now()`;
}

/**
 * Stores an operator-given area (EPSG:25832 Polygon/MultiPolygon). Returns a German reason when it is
 * not a valid area.
 */
export async function setCoverage(db: Db, orgId: string, geometry: { type: string; coordinates: unknown }, source: 'upload' | 'drawn'): Promise<string | null> {
	if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return 'Das Gebiet muss eine Fläche (Polygon oder MultiPolygon) sein.';
	let g: Geometry;
	try {
		g = reader.read(geometry);
	} catch {
		return 'Die Fläche lässt sich nicht lesen.';
	}
	const op = new IsValidOp(g);
	if (!op.isValid()) return `Die Fläche ist ungültig (${op.getValidationError().getMessage()}). Bitte Selbstüberschneidungen entfernen.`;
	if (g.getArea() < 100) return 'Die Fläche ist zu klein.';
	await store(db, orgId, g, source);
	return null;
}

/** Recomputes a derived area after an activation; an uploaded or drawn area is left alone. */
export async function refreshDerivedCoverage(db: Db, orgId: string): Promise<void> {
	const current = await getCoverage(db, orgId);
	if (current && current.source !== 'derived') return;
	const hulls = await activeHulls(db, orgId);
	if (hulls.length === 0) return;
	const coords = hulls.flatMap((h) => reader.read(h as object).getCoordinates());
	const hull = new ConvexHull(coords, factory).getConvexHull();
	await store(db, orgId, BufferOp.bufferOp(hull, DERIVED_MARGIN_M), 'derived');
}

/** Back to a derived area (the operator deletes their own). */
export async function resetToDerived(db: Db, orgId: string): Promise<void> {
	await db`delete from coverage_areas where org_id = ${orgId}`;
	await refreshDerivedCoverage(db, orgId);
}
