/**
 * @module demo/networks/streets
 * Street axes for the demo networks: the named OSM ways of the source file, projected to
 * EPSG:25832 and joined into one chain per street run. Networks follow a chain, so a main runs on
 * one side of the street from way to way instead of jumping sides where OSM split the way or
 * digitised it the other way round.
 */
import { toUtm } from './crs';
import { dedupe, lineLength, simplify, type Line, type Pt } from './geometry';

/** The source file's shape: OSM ways with `id` ("way/123"), optional `name` and `lts` (0–4). */
export interface StreetSourceCollection {
	type: 'FeatureCollection';
	features: {
		type: 'Feature';
		properties: { id: string; name?: string | null; lts?: number | null };
		geometry: { type: 'LineString'; coordinates: number[][] };
	}[];
}

export interface Street {
	/** stable id: the first way's OSM id, e.g. "way/4914122" */
	id: string;
	name: string;
	/** highest level of traffic stress of its ways; 3–4 ≈ main road */
	lts: number;
	/** EPSG:25832 */
	axis: Line;
	length: number;
	/** lon/lat keys ("11.97,51.48") of the ends, for finding junctions */
	endKeys: [string, string];
	/** every vertex key, for finding junctions on the way */
	vertexKeys: Set<string>;
}

/** Named ways that are no street with a trench under it (rail trail, shopping arcades, park, foot bridge). */
const NOT_A_STREET = new Set(['Hafenbahntrasse', 'Händelgalerie', 'Thaliapassage', 'Stadtpark', 'Steg']);

interface Way {
	id: string;
	name: string;
	lts: number;
	coords: number[][];
}

const key = (c: readonly number[]): string => `${c[0]},${c[1]}`;

/**
 * The streets inside `area` (lon/lat bbox [west, south, east, north]; a way must lie wholly inside),
 * chained by name where exactly two ways of that name meet, ordered by id for a stable output.
 */
export function loadStreets(source: StreetSourceCollection, area: readonly [number, number, number, number]): Street[] {
	const [w, s, e, n] = area;
	const ways: Way[] = source.features
		.filter((f) => f.geometry?.type === 'LineString' && f.properties.name && !NOT_A_STREET.has(f.properties.name))
		.filter((f) => f.geometry.coordinates.every(([x, y]) => x! >= w && x! <= e && y! >= s && y! <= n))
		.map((f) => ({ id: f.properties.id, name: f.properties.name!, lts: f.properties.lts ?? 0, coords: f.geometry.coordinates }))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

	const byName = new Map<string, Way[]>();
	for (const way of ways) byName.set(way.name, [...(byName.get(way.name) ?? []), way]);

	const streets: Street[] = [];
	for (const [name, group] of byName) {
		for (const chain of chainWays(group)) {
			const coords = chain.flatMap((c, i) => (i === 0 ? c.coords : c.coords.slice(1)));
			// 0.2 m: removes survey jitter, keeps every kerb line bend that matters for an offset
			const axis = simplify(dedupe(coords.map((c) => toUtm(c))), 0.2);
			if (axis.length < 2) continue;
			streets.push({
				id: chain[0]!.id,
				name,
				lts: Math.max(...chain.map((c) => c.lts)),
				axis,
				length: lineLength(axis),
				endKeys: [key(coords[0]!), key(coords[coords.length - 1]!)],
				vertexKeys: new Set(coords.map(key))
			});
		}
	}
	return streets.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Chains of ways, each way oriented along its chain. Joins only where a node has exactly two ways. */
function chainWays(group: Way[]): Way[][] {
	const atNode = new Map<string, Way[]>();
	for (const way of group) {
		for (const k of [key(way.coords[0]!), key(way.coords[way.coords.length - 1]!)]) {
			atNode.set(k, [...(atNode.get(k) ?? []), way]);
		}
	}
	const used = new Set<Way>();
	const partner = (way: Way, nodeKey: string): Way | null => {
		const ways = atNode.get(nodeKey) ?? [];
		if (ways.length !== 2) return null;
		const other = ways[0] === way ? ways[1]! : ways[0]!;
		return other === way || used.has(other) ? null : other;
	};
	const chains: Way[][] = [];
	for (const start of group) {
		if (used.has(start)) continue;
		used.add(start);
		const chain: Way[] = [start];
		// grow forwards from the end, then backwards from the start
		for (;;) {
			const last = chain[chain.length - 1]!;
			const endKey = key(last.coords[last.coords.length - 1]!);
			const next = partner(last, endKey);
			if (!next) break;
			used.add(next);
			chain.push(key(next.coords[0]!) === endKey ? next : reversed(next));
		}
		for (;;) {
			const first = chain[0]!;
			const startKey = key(first.coords[0]!);
			const prev = partner(first, startKey);
			if (!prev) break;
			used.add(prev);
			chain.unshift(key(prev.coords[prev.coords.length - 1]!) === startKey ? prev : reversed(prev));
		}
		chains.push(chain);
	}
	return chains;
}

function reversed(way: Way): Way {
	return { ...way, coords: way.coords.slice().reverse() };
}

/** The lon/lat bbox, projected: handy for coverage areas around the demo area. */
export function areaToUtm(area: readonly [number, number, number, number]): { min: Pt; max: Pt } {
	const corners = [toUtm([area[0], area[1]]), toUtm([area[2], area[1]]), toUtm([area[0], area[3]]), toUtm([area[2], area[3]])];
	return {
		min: [Math.min(...corners.map((c) => c[0])), Math.min(...corners.map((c) => c[1]))],
		max: [Math.max(...corners.map((c) => c[0])), Math.max(...corners.map((c) => c[1]))]
	};
}
