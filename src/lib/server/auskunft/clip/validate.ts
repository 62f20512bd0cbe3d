/**
 * @module auskunft/clip/validate
 * Checks a drawn work area (GeoJSON, EPSG:4326) and transforms it to EPSG:25832.
 *
 * Validity is not optional: jsts's BufferOp gives silently wrong areas on self-intersecting rings.
 * In a bow-tie ring the two lobes run in opposite directions, and the buffer keeps only the lobe
 * with the shell's orientation — `POLYGON((0 0, 100 100, 100 0, 0 100, 0 0))` grown by 10 m covers
 * the right triangle only (5,250 m² instead of ~10,500 m²), without an exception. Lines under the
 * dropped lobe would never be reported. Drawn polygons self-intersect often (DESIGN.md: 18 of 1,000
 * random polygons; the jittered drawings of tests/integration/clip-postgis.test.ts: 31 of 1,031), so
 * we reject them with the place of the crossing, for the UI to mark.
 */
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import TopologyValidationError from 'jsts/org/locationtech/jts/operation/valid/TopologyValidationError.js';
import { lonLatToUtm, mapPositions, utmToLonLat } from '$lib/geo/crs';
import { toJsts } from './jsts';
import type { Polygonal, Position } from './types';

/** Most vertices a drawn work area may have (all rings; closing points not counted). */
export const MAX_WORK_AREA_VERTICES = 2_000;

export type WorkAreaErrorCode =
	| 'not_polygon'
	| 'invalid_coordinates'
	| 'empty'
	| 'too_few_points'
	| 'ring_not_closed'
	| 'too_many_vertices'
	| 'self_intersection'
	| 'hole_outside_shell'
	| 'nested_holes'
	| 'disconnected_interior'
	| 'nested_shells'
	| 'duplicate_rings'
	| 'invalid';

export type WorkAreaValidation =
	| {
			ok: true;
			/** the area in EPSG:25832, metres */
			area25832: Polygonal;
			/** planar area in EPSG:25832, m² */
			areaM2: number;
			/** all rings, metres */
			perimeterM: number;
	  }
	| {
			ok: false;
			code: WorkAreaErrorCode;
			/** German, for the person who drew the area */
			message: string;
			/** [lon, lat] of the problem, when there is one place to point at */
			location?: [number, number];
	  };

const fail = (code: WorkAreaErrorCode, message: string, location?: [number, number]): WorkAreaValidation =>
	location ? { ok: false, code, message, location } : { ok: false, code, message };

const deg = (v: number) => v.toFixed(5).replace('.', ',');
/** "bei 51,48262° N, 11,96970° O" */
const where = ([lon, lat]: [number, number]) => `bei ${deg(lat)}° N, ${deg(lon)}° O`;

const INVALID: Record<number, [WorkAreaErrorCode, (at: string) => string]> = {
	[TopologyValidationError.SELF_INTERSECTION]: [
		'self_intersection',
		(at) => `Die Umrandung des Arbeitsbereichs überschneidet sich selbst (${at}). Bitte so zeichnen, dass sich keine Linien kreuzen oder berühren.`
	],
	[TopologyValidationError.RING_SELF_INTERSECTION]: [
		'self_intersection',
		(at) => `Die Umrandung des Arbeitsbereichs berührt sich selbst (${at}). Bitte so zeichnen, dass sich keine Linien kreuzen oder berühren.`
	],
	[TopologyValidationError.HOLE_OUTSIDE_SHELL]: ['hole_outside_shell', (at) => `Eine Aussparung liegt außerhalb des Arbeitsbereichs (${at}).`],
	[TopologyValidationError.NESTED_HOLES]: ['nested_holes', (at) => `Zwei Aussparungen liegen ineinander (${at}).`],
	[TopologyValidationError.DISCONNECTED_INTERIOR]: [
		'disconnected_interior',
		(at) => `Aussparungen zerteilen den Arbeitsbereich (${at}). Bitte als getrennte Flächen zeichnen.`
	],
	[TopologyValidationError.NESTED_SHELLS]: ['nested_shells', (at) => `Zwei Teilflächen liegen ineinander (${at}).`],
	[TopologyValidationError.DUPLICATE_RINGS]: ['duplicate_rings', (at) => `Eine Umrandung ist doppelt vorhanden (${at}).`],
	[TopologyValidationError.TOO_FEW_POINTS]: ['too_few_points', (at) => `Eine Fläche hat zu wenige verschiedene Eckpunkte (${at}).`]
};

function isPosition(p: unknown): p is Position {
	return Array.isArray(p) && p.length >= 2 && p.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/**
 * Checks a drawn work area, EPSG:4326 GeoJSON geometry (RFC 7946, [lon, lat]), and returns it in
 * EPSG:25832 with its area (m²) and perimeter (m) — or a German message and an error code.
 * Polygon and MultiPolygon only; at most MAX_WORK_AREA_VERTICES vertices; valid by JTS rules.
 * Area limits per Auskunft type and the service area are the caller's (they need `areaM2`).
 */
export function validateWorkArea(geometry4326: unknown): WorkAreaValidation {
	const g = geometry4326 as { type?: unknown; coordinates?: unknown } | null;
	if (typeof g !== 'object' || g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
		return fail('not_polygon', 'Der Arbeitsbereich muss eine Fläche sein (GeoJSON Polygon oder MultiPolygon).');
	if (!Array.isArray(g.coordinates)) return fail('invalid_coordinates', 'Der Arbeitsbereich hat keine lesbaren Koordinaten.');
	const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
	if (polygons.length === 0) return fail('empty', 'Der Arbeitsbereich ist leer.');

	let vertices = 0;
	for (const polygon of polygons) {
		if (!Array.isArray(polygon)) return fail('invalid_coordinates', 'Der Arbeitsbereich hat keine lesbaren Koordinaten.');
		if (polygon.length === 0) return fail('empty', 'Der Arbeitsbereich enthält eine leere Fläche.');
		for (const ring of polygon as unknown[]) {
			if (!Array.isArray(ring) || !ring.every(isPosition))
				return fail('invalid_coordinates', 'Der Arbeitsbereich enthält ungültige Koordinaten (erwartet: Längen- und Breitengrad, WGS 84).');
			for (const [lon, lat] of ring as Position[])
				if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90)
					return fail('invalid_coordinates', 'Der Arbeitsbereich enthält Koordinaten außerhalb von Längen- und Breitengrad (WGS 84, EPSG:4326).');
			if (ring.length < 4) return fail('too_few_points', 'Eine Fläche braucht mindestens drei verschiedene Eckpunkte.');
			const first = ring[0] as Position;
			const last = ring[ring.length - 1] as Position;
			if (first[0] !== last[0] || first[1] !== last[1])
				return fail('ring_not_closed', 'Die Umrandung des Arbeitsbereichs ist nicht geschlossen (erster und letzter Punkt müssen gleich sein).');
			vertices += ring.length - 1;
		}
	}
	if (vertices > MAX_WORK_AREA_VERTICES)
		return fail(
			'too_many_vertices',
			`Der Arbeitsbereich hat ${vertices.toLocaleString('de-DE')} Eckpunkte, erlaubt sind höchstens ${MAX_WORK_AREA_VERTICES.toLocaleString('de-DE')}. Bitte die Fläche vereinfachen.`
		);

	const toUtm = (p: number[]) => lonLatToUtm(p);
	const area25832 = (
		g.type === 'Polygon'
			? { type: 'Polygon', coordinates: mapPositions(g.coordinates as Position[][], toUtm) }
			: { type: 'MultiPolygon', coordinates: mapPositions(g.coordinates as Position[][][], toUtm) }
	) as Polygonal;

	const jsts = toJsts(area25832);
	const op = new IsValidOp(jsts);
	if (!op.isValid()) {
		const error = op.getValidationError();
		const c = error.getCoordinate();
		const location = c ? utmToLonLat([c.x, c.y]) : undefined;
		const at = location ? where(location) : 'Lage unbekannt';
		const known = INVALID[error.getErrorType()];
		return known
			? fail(known[0], known[1](at), location)
			: fail('invalid', `Der Arbeitsbereich ist keine gültige Fläche (${at}). Bitte neu zeichnen.`, location);
	}
	const areaM2 = jsts.getArea();
	if (!(areaM2 > 0)) return fail('empty', 'Der Arbeitsbereich hat keine Fläche.');
	return { ok: true, area25832, areaM2, perimeterM: jsts.getLength() };
}
