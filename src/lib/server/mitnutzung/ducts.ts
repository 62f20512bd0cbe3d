/**
 * @module mitnutzung/ducts
 * One layer file against a route: its ducts in operation with a free duct near the route, and the route
 * stretches each covers. EPSG:25832, metres. No database here, so the benchmark runs the same code.
 */
import type { LayerFeature, LayerReader } from '../layers/reader';
import { boxesAlong, coverByLines, type Interval, type Position, type RouteIndex } from './cover';

/** Layers are searched in boxes of this size along the route (see cover.ts#boxesAlong), metres. */
export const SEARCH_BOX_M = 250;

/** A finite number from a feature property, else null. */
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A feature counts as a reusable duct when it is in operation and says it has a free duct. */
export function reusable(p: Record<string, unknown>): boolean {
	return p.status === 'in_betrieb' && (num(p.ducts_free) ?? 0) >= 1;
}

function lineParts(geometry: { type: string; coordinates?: unknown } | null): Position[][] {
	if (geometry?.type === 'LineString') return [geometry.coordinates as Position[]];
	if (geometry?.type === 'MultiLineString') return geometry.coordinates as Position[][];
	return [];
}

export interface DuctHit {
	feature: LayerFeature;
	/** merged stretches of the route, metres along it */
	cover: Interval[];
}

/** The reusable ducts of the layer near the route (none of them twice) and what each covers; `found` counts the candidates. */
export function ductsAlong(reader: Pick<LayerReader, 'search'>, route: RouteIndex, corridorM: number): { found: number; hits: DuctHit[] } {
	const byId = new Map<number, LayerFeature>();
	for (const box of boxesAlong(route, SEARCH_BOX_M, corridorM)) for (const f of reader.search(box)) if (reusable(f.properties)) byId.set(f.id, f);
	const features = [...byId.values()];
	const cover = coverByLines(route, features.map((f) => lineParts(f.geometry)), corridorM);
	return { found: features.length, hits: features.map((feature, i) => ({ feature, cover: cover[i]! })).filter((x) => x.cover.length) };
}
