/**
 * @module koordination/aufbruchsperren
 * The Aufbruchsperren page's side of the moratoria: the list with how many Baustellen each one touches
 * now, and the two forms (create, change) read into what baustellen/moratoria expects. Creating and
 * changing stay in baustellen/moratoria (one transaction, re-check of the covered Baustellen).
 */
import { EXEMPTIONS, type Exemption, type Polygonal } from '$lib/baustellen';
import type { Db } from '../db';
import type { Problem } from '../baustellen/input';
import { isDate } from '../baustellen/input';
import { listMoratoria, type Moratorium, type MoratoriumMode, type MoratoriumStatus } from '../baustellen/moratoria';

export interface MoratoriumItem {
	id: string;
	title: string;
	street: string;
	/** EPSG:4326, for the map */
	area: Polygonal;
	validFrom: string;
	validUntil: string;
	legalBasis: string;
	mode: MoratoriumMode;
	exemptions: Exemption[];
	status: MoratoriumStatus;
	/** active, but its validity has ended */
	expired: boolean;
	/** the accepted Baustelle that proposed it */
	source: { id: string; number: string } | null;
	/** Baustellen with a stored conflict with it (blocking: of those, how many it stops) */
	affected: number;
	blocking: number;
}

export interface MoratoriumGroups {
	vorgeschlagen: MoratoriumItem[];
	aktiv: MoratoriumItem[];
	/** lifted or expired */
	beendet: MoratoriumItem[];
}

export const SELECTABLE_EXEMPTIONS: Exemption[] = EXEMPTIONS.filter((e) => e !== 'keine');

/** The authority's moratoria grouped for the page, each with the Baustellen it currently affects. */
export async function moratoriumGroups(db: Db, orgId: string, today: string): Promise<MoratoriumGroups> {
	const list = await listMoratoria(db, orgId);
	const counts = await db<{ moratorium_id: string; affected: number; blocking: number }[]>`
		select c.moratorium_id, count(distinct c.baustelle_id)::int as affected, count(distinct c.baustelle_id) filter (where c.blocking)::int as blocking
		from baustelle_conflicts c join moratoria m on m.id = c.moratorium_id
		where m.authority_org_id = ${orgId}
		group by c.moratorium_id`;
	const sources = await db<{ id: string; number: string }[]>`
		select b.id, b.number from baustellen b where b.id in (select source_baustelle_id from moratoria where authority_org_id = ${orgId})`;
	const items = list.map((m: Moratorium): MoratoriumItem => {
		const c = counts.find((x) => x.moratorium_id === m.id);
		return {
			id: m.id,
			title: m.title,
			street: m.street,
			area: m.area4326,
			validFrom: m.validFrom,
			validUntil: m.validUntil,
			legalBasis: m.legalBasis,
			mode: m.mode,
			exemptions: m.exemptions,
			status: m.status,
			expired: m.validUntil < today,
			source: sources.find((s) => s.id === m.sourceBaustelleId) ?? null,
			affected: c?.affected ?? 0,
			blocking: c?.blocking ?? 0
		};
	});
	const byUntil = (a: MoratoriumItem, b: MoratoriumItem) => a.validUntil.localeCompare(b.validUntil);
	return {
		vorgeschlagen: items.filter((m) => m.status === 'vorgeschlagen').sort(byUntil),
		aktiv: items.filter((m) => m.status === 'aktiv' && !m.expired).sort(byUntil),
		beendet: items.filter((m) => m.status === 'aufgehoben' || (m.status === 'aktiv' && m.expired)).sort((a, b) => byUntil(b, a))
	};
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** A drawn or pasted GeoJSON area: a geometry, a Feature or a FeatureCollection of one. */
function areaOf(raw: string): { area?: unknown; problem?: Problem } {
	if (!raw) return {};
	try {
		const j = JSON.parse(raw) as { type?: string; geometry?: unknown; features?: { geometry: unknown }[] };
		if (j.type === 'Feature') return { area: j.geometry };
		if (j.type === 'FeatureCollection') {
			if (j.features?.length === 1) return { area: j.features[0]!.geometry };
			return { problem: { field: 'area', message: 'Die GeoJSON-Datei muss genau eine Fläche enthalten.' } };
		}
		return { area: j };
	} catch {
		return { problem: { field: 'area', message: 'Die Fläche ist kein lesbares GeoJSON. Bitte die Fläche zeichnen oder ein GeoJSON-Polygon in WGS 84 einfügen.' } };
	}
}

/** The create form as the body `parseMoratorium` reads (the drawn area wins over the street name). */
export function moratoriumBody(form: FormData): { body: Record<string, unknown>; problems: Problem[] } {
	const { area, problem } = areaOf(text(form, 'area'));
	return {
		body: {
			title: text(form, 'title'),
			street: text(form, 'street'),
			...(area !== undefined ? { area } : {}),
			validFrom: text(form, 'validFrom') || undefined,
			validUntil: text(form, 'validUntil'),
			legalBasis: text(form, 'legalBasis'),
			mode: text(form, 'mode'),
			exemptions: form.getAll('exemptions').map(String)
		},
		problems: problem ? [problem] : []
	};
}

/** What the form sends back to refill itself after a refusal (never the area's JSON twice over). */
export function moratoriumValues(form: FormData): Record<string, string | string[]> {
	return {
		title: text(form, 'title'),
		street: text(form, 'street'),
		area: text(form, 'area'),
		validFrom: text(form, 'validFrom'),
		validUntil: text(form, 'validUntil'),
		legalBasis: text(form, 'legalBasis'),
		mode: text(form, 'mode'),
		exemptions: form.getAll('exemptions').map(String)
	};
}

export interface MoratoriumChange {
	validUntil: string;
	mode: MoratoriumMode;
	exemptions: Exemption[];
	legalBasis: string;
}

/** The change form (until-date, mode, exemptions, legal basis) of moratorium `m`. */
export function parseMoratoriumChange(form: FormData, m: { validFrom: string }): { ok: true; value: MoratoriumChange } | { ok: false; problems: Problem[] } {
	const problems: Problem[] = [];
	const validUntil = text(form, 'validUntil');
	if (!isDate(validUntil)) problems.push({ field: 'validUntil', message: 'Bitte angeben, bis wann die Aufbruchsperre gilt (Datum).' });
	else if (validUntil < m.validFrom) problems.push({ field: 'validUntil', message: 'Das Ende der Aufbruchsperre liegt vor ihrem Beginn.' });
	const mode = text(form, 'mode');
	if (mode !== 'warnung' && mode !== 'sperre') problems.push({ field: 'mode', message: 'Bitte die Wirkung wählen: Warnung oder Sperre.' });
	const raw = form.getAll('exemptions').map(String);
	const exemptions = raw.filter((e): e is Exemption => (SELECTABLE_EXEMPTIONS as string[]).includes(e));
	if (exemptions.length !== raw.length) problems.push({ field: 'exemptions', message: 'Unbekannte Ausnahme. Bitte nur die angebotenen Ausnahmen wählen.' });
	if (problems.length) return { ok: false, problems };
	return { ok: true, value: { validUntil, mode: mode as MoratoriumMode, exemptions: [...new Set(exemptions)], legalBasis: text(form, 'legalBasis').slice(0, 300) } };
}
