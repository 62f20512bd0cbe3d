/**
 * @module baustellen/geometry
 * A Baustelle's place: the footprint (validated like a drawn work area), the axis (given, or derived
 * from the footprint), and the streets it lies on. EPSG:25832 on the server, 4326 as sent and shown.
 *
 * The axis is what WZDx and the street history need: a line along the street. When the client sends
 * none we take the named street axes inside the footprint (the street the Baustelle lies on); where the
 * street data has none, the centre line of the footprint's minimum rectangle along its long side.
 */
import BufferOp from 'jsts/org/locationtech/jts/operation/buffer/BufferOp.js';
import BufferParameters from 'jsts/org/locationtech/jts/operation/buffer/BufferParameters.js';
import MinimumDiameter from 'jsts/org/locationtech/jts/algorithm/MinimumDiameter.js';
import { lonLatToUtm, mapPositions, utmToLonLat } from '$lib/geo/crs';
import { SERVICE_AREA_BBOX, SERVICE_AREA_NAME } from '$lib/auskunft';
import type { Lineal, Polygonal } from '$lib/baustellen';
import { validateWorkArea } from '../auskunft/clip';
import { fromJsts, intersection, toJsts, type JstsGeometry } from '../auskunft/clip/jsts';
import { streetsNear } from '../auskunft/streets';
import type { Problem } from './input';

export type Bbox = [number, number, number, number];

/** Largest footprint: a Baustelle is a street section, not a district (a Bauauskunft's 1 km²). */
export const MAX_FOOTPRINT_M2 = 1_000_000;
/** A street counts when this much of its axis lies inside the footprint. */
const MIN_STREET_LENGTH_M = 2;

export interface Place {
	footprint4326: Polygonal;
	footprint25832: Polygonal;
	axis4326: Lineal;
	axis25832: Lineal;
	axisDerived: boolean;
	bbox: Bbox;
	areaM2: number;
	streets: string[];
}

export function bboxOfCoordinates(coordinates: unknown): Bbox {
	const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
	const walk = (c: unknown) => {
		if (Array.isArray(c) && typeof c[0] === 'number') {
			const [x, y] = c as number[];
			if (x! < b[0]) b[0] = x!;
			if (y! < b[1]) b[1] = y!;
			if (x! > b[2]) b[2] = x!;
			if (y! > b[3]) b[3] = y!;
		} else if (Array.isArray(c)) c.forEach(walk);
	};
	walk(coordinates);
	return b;
}

function outsideServiceArea(coordinates: unknown): boolean {
	const [w, s, e, n] = SERVICE_AREA_BBOX;
	const b = bboxOfCoordinates(coordinates);
	return b[0] < w || b[2] > e || b[1] < s || b[3] > n;
}

function polygonalFromJsts(g: JstsGeometry): Polygonal {
	return fromJsts(g) as unknown as Polygonal;
}

/** The axis grown by half the width, flat ends: the footprint of works along a line. */
function footprintFromAxis(axis25832: Lineal, widthM: number): Polygonal {
	const params = new BufferParameters();
	params.setEndCapStyle(BufferParameters.CAP_FLAT);
	params.setQuadrantSegments(4);
	const grown = BufferOp.bufferOp(toJsts(axis25832 as never) as never, widthM / 2, params) as unknown as JstsGeometry;
	return polygonalFromJsts(grown);
}

function lineParts(g: JstsGeometry): number[][][] {
	const parts: number[][][] = [];
	for (let i = 0; i < g.getNumGeometries(); i++) {
		const part = g.getGeometryN(i);
		if (part.getDimension() === 1 && part.getLength() >= MIN_STREET_LENGTH_M) parts.push(part.getCoordinates().map((c) => [c.x, c.y]));
	}
	return parts;
}

/** Named street axes inside the footprint, by street, longest first. */
function streetsInside(footprint25832: Polygonal, bbox: Bbox): { name: string; parts: number[][][]; lengthM: number }[] {
	const area = toJsts(footprint25832 as never);
	const byName = new Map<string, { name: string; parts: number[][][]; lengthM: number }>();
	for (const street of streetsNear(bbox)) {
		const inside = intersection(toJsts(street.geometry as never), area);
		if (inside.isEmpty()) continue;
		const parts = lineParts(inside);
		if (!parts.length) continue;
		const entry = byName.get(street.name) ?? { name: street.name, parts: [], lengthM: 0 };
		entry.parts.push(...parts);
		entry.lengthM += inside.getLength();
		byName.set(street.name, entry);
	}
	return [...byName.values()].sort((a, b) => b.lengthM - a.lengthM);
}

/** Centre line of the minimum rectangle along its long side. */
function rectangleAxis(footprint25832: Polygonal): number[][] {
	const rect = new MinimumDiameter(toJsts(footprint25832 as never) as never).getMinimumRectangle() as unknown as JstsGeometry;
	const c = rect.getCoordinates();
	if (c.length < 4) {
		// degenerate (a line or a point): its own extent
		const first = c[0]!;
		const last = c[c.length - 1]!;
		return [
			[first.x, first.y],
			[last.x, last.y]
		];
	}
	const mid = (a: { x: number; y: number }, b: { x: number; y: number }) => [(a.x + b.x) / 2, (a.y + b.y) / 2];
	const d = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
	// sides 0-1 and 2-3 are opposite, as are 1-2 and 3-0: join the midpoints of the two short sides
	return d(c[0]!, c[1]!) <= d(c[1]!, c[2]!) ? [mid(c[0]!, c[1]!), mid(c[2]!, c[3]!)] : [mid(c[1]!, c[2]!), mid(c[3]!, c[0]!)];
}

function deriveAxis(footprint25832: Polygonal, inside: { parts: number[][][] }[]): Lineal {
	// the street the Baustelle mainly lies on; a crossing's side street is not its axis
	const main = inside[0];
	if (main) return main.parts.length === 1 ? { type: 'LineString', coordinates: main.parts[0]! } : { type: 'MultiLineString', coordinates: main.parts };
	return { type: 'LineString', coordinates: rectangleAxis(footprint25832) };
}

/** The geometry with `fn` applied to every position. */
export function mapGeometry<G extends { type: string; coordinates: unknown }>(g: G, fn: (p: number[]) => number[]): G {
	return { ...g, coordinates: mapPositions(g.coordinates, fn) };
}

const round = <G extends { type: string; coordinates: unknown }>(g: G, digits: number): G => mapGeometry(g, (p) => p.map((v) => Math.round(v * 10 ** digits) / 10 ** digits));

/**
 * Validates and completes a Baustelle's place. `footprint` and/or `axis` are EPSG:4326; `streets`
 * given by the client win over derived ones (the street data may not know a new street).
 */
export function resolvePlace(input: { footprint: Polygonal | null; axis: Lineal | null; widthM: number; streets: string[] | null }): { ok: true; place: Place } | { ok: false; code: string; message: string; problems: Problem[] } {
	const fail = (code: string, field: string, message: string) => ({ ok: false as const, code, message, problems: [{ field, message }] });
	const all = [input.footprint?.coordinates, input.axis?.coordinates];
	if (outsideServiceArea(all.filter(Boolean))) {
		return fail('outside_service_area', input.footprint ? 'footprint' : 'axis', `Die Baustelle liegt außerhalb des Gebiets von Tiefblick (${SERVICE_AREA_NAME}). Bitte die Lage prüfen – sind Länge und Breite vertauscht?`);
	}
	let axis25832: Lineal | null = input.axis ? mapGeometry(input.axis, lonLatToUtm) : null;
	if (axis25832) {
		const g = toJsts(axis25832 as never);
		if (g.getLength() < 0.5) return fail('invalid_axis', 'axis', 'Die Achse ist kürzer als 0,5 m. Bitte eine Linie entlang der Baustelle zeichnen.');
	}
	let footprint4326 = input.footprint;
	if (!footprint4326 && axis25832) {
		footprint4326 = round(mapGeometry(footprintFromAxis(axis25832, input.widthM), utmToLonLat), 7);
	}
	if (!footprint4326) return fail('missing_footprint', 'footprint', 'Bitte die Baustellenfläche als Polygon senden oder auf der Karte zeichnen.');
	const checked = validateWorkArea(footprint4326 as never);
	if (!checked.ok) return fail(checked.code, 'footprint', checked.message);
	if (checked.areaM2 > MAX_FOOTPRINT_M2) {
		return fail('area_too_large', 'footprint', `Die Baustellenfläche ist ${Math.round(checked.areaM2).toLocaleString('de-DE')} m² groß; höchstens 1 km² je Baustelle. Bitte in Abschnitte teilen.`);
	}
	const footprint25832 = checked.area25832 as unknown as Polygonal;
	const bbox = bboxOfCoordinates(footprint25832.coordinates);
	const inside = streetsInside(footprint25832, bbox);
	const axisDerived = !axis25832;
	axis25832 ??= deriveAxis(footprint25832, inside);
	const axis4326 = round(mapGeometry(axis25832, utmToLonLat), 7);
	const streets = input.streets?.length ? input.streets : inside.map((s) => s.name);
	return {
		ok: true,
		place: {
			footprint4326,
			footprint25832,
			axis4326,
			axis25832: round(axis25832, 3),
			axisDerived,
			bbox,
			areaM2: Math.round(checked.areaM2 * 10) / 10,
			streets
		}
	};
}
