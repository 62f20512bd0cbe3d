/**
 * @module strassenraum/input
 * The query of GET /api/v1/strassenraum: `lon` and `lat` (or `at=lon,lat`) in WGS 84 degrees, optional
 * `street` (the axis to use when streets meet — or, alone, the street to cut at its middle) and
 * `halfWidthM`. Pure; problems in German.
 */
import { SERVICE_AREA_BBOX, SERVICE_AREA_NAME } from '$lib/auskunft';
import { HALF_WIDTH_DEFAULT_M, HALF_WIDTH_MAX_M } from '$lib/strassenraum';
import type { SectionQuery } from './service';

export interface Problem {
	field: string;
	message: string;
}

const number = (v: string | null): number | null => (v === null || v.trim() === '' ? null : Number(v.replace(',', '.')));

export function parseSectionQuery(q: URLSearchParams): { query: SectionQuery } | { problems: Problem[]; code: string } {
	const problems: Problem[] = [];
	let lon = number(q.get('lon'));
	let lat = number(q.get('lat'));
	const at = q.get('at');
	if (at !== null && lon === null && lat === null) {
		const parts = at.split(',');
		if (parts.length === 2) {
			lon = number(parts[0]!);
			lat = number(parts[1]!);
		} else problems.push({ field: 'at', message: '„at“ braucht Länge und Breite, durch Komma getrennt: at=11.9697,51.4826.' });
	}
	const street = q.get('street')?.trim().slice(0, 120) || null;
	if (lon === null && lat === null && street && !problems.length) {
		// the street alone: the service cuts it at the middle of its longest part
	} else if (lon === null || lat === null) {
		if (!problems.length) problems.push({ field: 'lon', message: 'Bitte den Punkt auf der Straße angeben: lon und lat in Grad (WGS 84), z. B. lon=11.9697&lat=51.4826 — oder nur street=<Straßenname>.' });
	} else if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
		problems.push({ field: 'lon', message: 'lon und lat müssen Zahlen sein (Grad, WGS 84).' });
	} else {
		const [w, s, e, n] = SERVICE_AREA_BBOX;
		if (lon < w || lon > e || lat < s || lat > n) {
			return { code: 'outside_service_area', problems: [{ field: 'lon', message: `Der Punkt liegt außerhalb des Gebiets von Tiefblick (${SERVICE_AREA_NAME}). Sind Länge und Breite vertauscht?` }] };
		}
	}
	let halfWidthM = HALF_WIDTH_DEFAULT_M;
	const hw = number(q.get('halfWidthM'));
	if (hw !== null) {
		if (!Number.isFinite(hw) || hw < 1 || hw > HALF_WIDTH_MAX_M) problems.push({ field: 'halfWidthM', message: `halfWidthM muss zwischen 1 und ${HALF_WIDTH_MAX_M} m liegen.` });
		else halfWidthM = hw;
	}
	if (problems.length) return { problems, code: 'validation' };
	return { query: { at: lon !== null && lat !== null ? [lon, lat] : null, street, halfWidthM } };
}
