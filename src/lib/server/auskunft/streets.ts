/**
 * @module auskunft/streets
 * Street axes with names for the plans (orientation and labels), EPSG:25832. Until a platform admin
 * imports basemap layers, they come from the committed OSM subset of Halle's Altstadt
 * (layers/demo/source, © OpenStreetMap contributors, ODbL). Loaded once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lonLatToUtm, mapPositions } from '$lib/geo/crs';
import type { Bbox } from './repo';

export interface Street {
	name: string;
	geometry: { type: 'LineString'; coordinates: number[][] };
	bbox: Bbox;
}

const SOURCE = resolve('layers/demo/source/halle_altstadt_subset.geojson');
let cache: Street[] | null = null;

function load(): Street[] {
	if (!existsSync(SOURCE)) return [];
	const fc = JSON.parse(readFileSync(SOURCE, 'utf8')) as { features: { properties: { name?: string }; geometry: { type: string; coordinates: number[][] } }[] };
	return fc.features
		.filter((f) => f.properties.name && f.geometry.type === 'LineString')
		.map((f) => {
			const coordinates = mapPositions(f.geometry.coordinates, lonLatToUtm) as number[][];
			const xs = coordinates.map((c) => c[0]!);
			const ys = coordinates.map((c) => c[1]!);
			return {
				name: f.properties.name!,
				geometry: { type: 'LineString' as const, coordinates },
				bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as Bbox
			};
		});
}

/** Named streets whose bbox meets `bbox` (EPSG:25832). */
export function streetsNear(bbox: Bbox): Street[] {
	cache ??= load();
	return cache.filter((s) => s.bbox[2] >= bbox[0] && s.bbox[0] <= bbox[2] && s.bbox[3] >= bbox[1] && s.bbox[1] <= bbox[3]);
}

/** Distinct street names, sorted, to propose in the request form. */
export function streetNames(): string[] {
	cache ??= load();
	return [...new Set(cache.map((s) => s.name))].sort((a, b) => a.localeCompare(b, 'de'));
}

/** The parts of the street called `name` (case and accents as typed are ignored), EPSG:25832. */
export function streetsNamed(name: string): Street[] {
	cache ??= load();
	return cache.filter((s) => s.name.localeCompare(name, 'de', { sensitivity: 'base' }) === 0);
}
