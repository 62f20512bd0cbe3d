/**
 * @module map/streets
 * Street search over the street GeoJSON (OpenStreetMap lines, EPSG:4326): ways grouped by name, found
 * by any part of the name. "strasse" finds "Straße", "Ulrichstr" finds "Ulrichstraße", umlauts may be
 * typed as ae/oe/ue.
 */
import { foldGerman } from '$lib/text';
import type { BBox, Position } from './types';

export interface Street {
	name: string;
	/** extent of all ways of that name */
	bbox: BBox;
	/** the ways, [lon, lat] */
	lines: Position[][];
	/** normalised name for matching */
	key: string;
}

interface StreetFeature {
	properties?: { name?: unknown } | null;
	geometry?: { type?: string; coordinates?: unknown } | null;
}

/** Lower case, ß → ss, ä/ö/ü → ae/oe/ue, dots and dashes → blanks, blanks collapsed. */
export function normaliseName(s: string): string {
	return foldGerman(s)
		.replace(/[.\-–/]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

function linesOf(geometry: StreetFeature['geometry']): Position[][] {
	if (geometry?.type === 'LineString') return [geometry.coordinates as Position[]];
	if (geometry?.type === 'MultiLineString') return geometry.coordinates as Position[][];
	return [];
}

/** Groups named street lines by name, sorted alphabetically (German collation). */
export function indexStreets(collection: { features?: StreetFeature[] }): Street[] {
	const byName = new Map<string, Street>();
	for (const f of collection.features ?? []) {
		const name = typeof f.properties?.name === 'string' ? f.properties.name.trim() : '';
		const lines = linesOf(f.geometry);
		if (!name || lines.length === 0) continue;
		let street = byName.get(name);
		if (!street) {
			street = { name, bbox: [Infinity, Infinity, -Infinity, -Infinity], lines: [], key: normaliseName(name) };
			byName.set(name, street);
		}
		for (const line of lines) {
			street.lines.push(line);
			for (const [lon, lat] of line as [number, number][]) {
				street.bbox = [Math.min(street.bbox[0], lon), Math.min(street.bbox[1], lat), Math.max(street.bbox[2], lon), Math.max(street.bbox[3], lat)];
			}
		}
	}
	const collator = new Intl.Collator('de');
	return [...byName.values()].sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * Streets whose name contains the query: names starting with it first, then names with a word
 * starting with it, then the rest; each group alphabetical.
 */
export function searchStreets(streets: Street[], query: string, limit = 8): Street[] {
	const q = normaliseName(query);
	if (!q) return [];
	const rank = (s: Street): number => {
		const i = s.key.indexOf(q);
		if (i < 0) return -1;
		if (i === 0) return 0;
		return s.key[i - 1] === ' ' ? 1 : 2;
	};
	const ranked: Street[][] = [[], [], []];
	for (const s of streets) {
		const r = rank(s);
		if (r >= 0) ranked[r]!.push(s);
	}
	return ranked.flat().slice(0, limit);
}
