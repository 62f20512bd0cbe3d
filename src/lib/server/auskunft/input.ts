/**
 * @module auskunft/input
 * Reads the body of POST /api/v1/auskuenfte (and the request form) into a typed request, or a list of
 * German, field-named problems. Geometry is only checked for shape here; validity, vertex and area
 * limits need the clip module (validateWorkArea).
 */
import { AUSKUNFT_TYPES, WORK_CLASSES, type AuskunftType, type WorkClass } from './rules';

export interface Site {
	bauherr: string;
	firma: string;
	bauleiter: string;
	mobil: string;
	strasse: string;
	hausnummer: string;
	gemarkung: string;
	flurstueck: string;
	tiefeM: number | null;
	verfahren: string;
}

export interface AuskunftInput {
	type: AuskunftType;
	/** Polygon or MultiPolygon, EPSG:4326 (RFC 7946) */
	geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
	workClass: WorkClass;
	period: { start: string; end: string };
	description: string;
	reference: string | null;
	site: Site;
}

export interface Problem {
	field: string;
	message: string;
}

const SITE_TEXT_FIELDS = ['bauherr', 'firma', 'bauleiter', 'mobil', 'strasse', 'hausnummer', 'gemarkung', 'flurstueck', 'verfahren'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(v: unknown): v is string {
	return typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
}

export function parseAuskunftInput(body: unknown, today: string): { input: AuskunftInput } | { problems: Problem[] } {
	const problems: Problem[] = [];
	const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;

	if (!AUSKUNFT_TYPES.includes(b.type as AuskunftType)) {
		problems.push({ field: 'type', message: `Bitte die Art der Auskunft angeben: ${AUSKUNFT_TYPES.join(', ')}.` });
	}
	if (!WORK_CLASSES.includes(b.workClass as WorkClass)) {
		problems.push({ field: 'workClass', message: `Bitte die Arbeitsklasse angeben: ${WORK_CLASSES.join(', ')}.` });
	}
	const g = b.geometry as { type?: unknown; coordinates?: unknown } | undefined;
	if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
		problems.push({ field: 'geometry', message: 'Bitte den Arbeitsbereich als GeoJSON-Polygon oder -MultiPolygon in WGS 84 (EPSG:4326) senden.' });
	}
	const period = (b.period && typeof b.period === 'object' ? b.period : {}) as Record<string, unknown>;
	if (!isDate(period.start)) problems.push({ field: 'period.start', message: 'Baubeginn fehlt oder ist kein Datum (JJJJ-MM-TT).' });
	if (!isDate(period.end)) problems.push({ field: 'period.end', message: 'Bauende fehlt oder ist kein Datum (JJJJ-MM-TT).' });
	if (isDate(period.start) && isDate(period.end)) {
		if (period.end < period.start) problems.push({ field: 'period.end', message: 'Das Bauende liegt vor dem Baubeginn.' });
		if (period.end < today) problems.push({ field: 'period.end', message: 'Der Zeitraum liegt in der Vergangenheit.' });
	}
	const description = typeof b.description === 'string' ? b.description.trim() : '';
	if (description.length < 3) problems.push({ field: 'description', message: 'Bitte die Arbeiten kurz beschreiben (z. B. „Hausanschluss Wasser, Aufgrabung Gehweg“).' });
	if (description.length > 2000) problems.push({ field: 'description', message: 'Die Beschreibung darf höchstens 2.000 Zeichen lang sein.' });
	const reference = typeof b.reference === 'string' && b.reference.trim() ? b.reference.trim() : null;
	if (reference && reference.length > 100) problems.push({ field: 'reference', message: 'Das eigene Zeichen darf höchstens 100 Zeichen lang sein.' });

	const rawSite = (b.site && typeof b.site === 'object' ? b.site : {}) as Record<string, unknown>;
	const site = {} as Site;
	for (const f of SITE_TEXT_FIELDS) {
		const v = rawSite[f];
		site[f] = typeof v === 'string' ? v.trim().slice(0, 200) : '';
	}
	const depth = rawSite.tiefeM;
	site.tiefeM = null;
	if (depth !== undefined && depth !== null && depth !== '') {
		const n = typeof depth === 'number' ? depth : Number(String(depth).replace(',', '.'));
		if (!Number.isFinite(n) || n < 0 || n > 50) problems.push({ field: 'site.tiefeM', message: 'Die Aushubtiefe muss zwischen 0 und 50 m liegen.' });
		else site.tiefeM = n;
	}
	if (problems.length) return { problems };
	return {
		input: {
			type: b.type as AuskunftType,
			geometry: g as AuskunftInput['geometry'],
			workClass: b.workClass as WorkClass,
			period: { start: period.start as string, end: period.end as string },
			description,
			reference,
			site
		}
	};
}
