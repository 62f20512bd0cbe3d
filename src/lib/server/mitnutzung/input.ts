/**
 * @module mitnutzung/input
 * Reads POST /api/v1/mitnutzung (and the page's form): the route as a GeoJSON LineString or
 * MultiLineString in EPSG:4326 (also inside a Feature; `geometry` for `route`), the corridor in metres, an
 * optional title and the co-laying window. Every problem is named in German at its field.
 */
import type { Lineal } from '$lib/baustellen';
import { SERVICE_AREA_BBOX, SERVICE_AREA_NAME } from '$lib/auskunft';
import { CORRIDOR_DEFAULT_M, CORRIDOR_MAX_M, CORRIDOR_MIN_M, MAX_ROUTE_VERTICES } from '$lib/mitnutzung';
import { isDate } from '../baustellen/input';
import { addDays } from '../auskunft/rules';

export interface Problem {
	field: string;
	message: string;
}

export interface MitnutzungInput {
	route: Lineal;
	corridorM: number;
	title: string;
	period: { start: string; end: string };
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function lineal(v: unknown): Lineal | null {
	const g = obj(v);
	if (g.type === 'Feature') return lineal(g.geometry);
	if ((g.type === 'LineString' || g.type === 'MultiLineString') && Array.isArray(g.coordinates)) return g as unknown as Lineal;
	return null;
}

const isPosition = (p: unknown): p is number[] => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** The route's problems: shape, positions, vertex count, service area. Pure. */
export function routeProblems(route: Lineal): string | null {
	const parts: unknown[] = route.type === 'LineString' ? [route.coordinates] : route.coordinates;
	const [w, s, e, n] = SERVICE_AREA_BBOX;
	if (!parts.length) return 'Die Trasse ist leer. Bitte eine Linie mit mindestens zwei Punkten zeichnen.';
	let vertices = 0;
	for (const part of parts) {
		if (!Array.isArray(part) || part.length < 2) return 'Jeder Teil der Trasse braucht mindestens zwei Punkte.';
		if (!part.every(isPosition)) return 'Die Trasse enthält ungültige Koordinaten. Erwartet werden [Länge, Breite] in Grad (WGS 84, EPSG:4326).';
		vertices += part.length;
		if (part.some((p) => p[0]! < w || p[0]! > e || p[1]! < s || p[1]! > n)) {
			return `Die Trasse liegt außerhalb des Gebiets von Tiefblick (${SERVICE_AREA_NAME}). Bitte die Lage prüfen – sind Länge und Breite vertauscht?`;
		}
	}
	if (vertices > MAX_ROUTE_VERTICES) return `Die Trasse hat ${vertices.toLocaleString('de-DE')} Punkte; höchstens ${MAX_ROUTE_VERTICES.toLocaleString('de-DE')} sind möglich. Bitte vereinfachen oder aufteilen.`;
	return null;
}

export function parseMitnutzung(body: unknown, today: string): { input: MitnutzungInput } | { problems: Problem[]; code: string } {
	const b = obj(body);
	const problems: Problem[] = [];
	let code = 'validation';
	// the route under `route` or `geometry` — or the body itself is the GeoJSON (a bare LineString or Feature)
	const bare = b.type === 'LineString' || b.type === 'MultiLineString' || (b.type === 'Feature' && !b.route);
	const raw = b.route ?? b.geometry ?? (bare ? b : undefined);
	const route = lineal(raw);
	if (!route) {
		problems.push({ field: 'route', message: 'Bitte die geplante Trasse als GeoJSON-LineString oder -MultiLineString in WGS 84 (EPSG:4326) senden oder auf der Karte zeichnen.' });
	} else {
		const bad = routeProblems(route);
		if (bad) {
			problems.push({ field: 'route', message: bad });
			if (bad.includes('außerhalb')) code = 'outside_service_area';
		}
	}

	let corridorM = CORRIDOR_DEFAULT_M;
	if (b.corridorM !== undefined && b.corridorM !== null && b.corridorM !== '') {
		const n = Number(String(b.corridorM).replace(',', '.'));
		if (!Number.isFinite(n) || n < CORRIDOR_MIN_M || n > CORRIDOR_MAX_M) {
			problems.push({ field: 'corridorM', message: `Der Korridor muss zwischen ${String(CORRIDOR_MIN_M).replace('.', ',')} und ${CORRIDOR_MAX_M} m liegen.` });
		} else corridorM = n;
	}

	// an empty field of a plain form means "not given", like a missing key
	const given = (...values: unknown[]) => values.find((v) => v !== undefined && v !== null && v !== '');
	const period = obj(b.period);
	const start = given(period.start, b.from) ?? today;
	const end = given(period.end, b.to) ?? addDays(typeof start === 'string' && isDate(start) ? start : today, 365);
	if (!isDate(start)) problems.push({ field: 'period.start', message: 'Der Beginn des Zeitraums ist kein Datum (JJJJ-MM-TT).' });
	if (!isDate(end)) problems.push({ field: 'period.end', message: 'Das Ende des Zeitraums ist kein Datum (JJJJ-MM-TT).' });
	if (isDate(start) && isDate(end) && end < start) problems.push({ field: 'period.end', message: 'Das Ende des Zeitraums liegt vor seinem Beginn.' });

	const title = typeof b.title === 'string' ? b.title.trim().slice(0, 200) : '';
	if (problems.length) return { problems, code: problems.length === 1 ? code : 'validation' };
	return { input: { route: route!, corridorM, title, period: { start: start as string, end: end as string } } };
}
