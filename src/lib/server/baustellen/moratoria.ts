/**
 * @module baustellen/moratoria
 * Aufbruchsperren (moratoria) of a road authority: a polygon or a street section, until a date, with
 * a legal basis, `warnung` or `sperre`, and the exemptions that may still dig (urgent repairs, house
 * connections …). An accepted surface (Abnahme) proposes one of the configured length; the authority
 * activates it. Every change re-checks the Baustellen it covers, so a new Sperre shows up at once.
 */
import { randomUUID } from 'node:crypto';
import BufferOp from 'jsts/org/locationtech/jts/operation/buffer/BufferOp.js';
import UnaryUnionOp from 'jsts/org/locationtech/jts/operation/union/UnaryUnionOp.js';
import { EXEMPTIONS, type Exemption, type Polygonal } from '$lib/baustellen';
import { utmToLonLat } from '$lib/geo/crs';
import type { Db } from '../db';
import { appendAudit } from '../audit/repo';
import { berlinDate } from '../auskunft/rules';
import { validateWorkArea } from '../auskunft/clip';
import { floatingFactory, fromJsts, toJsts } from '../auskunft/clip/jsts';
import { streetsNear } from '../auskunft/streets';
import { publish } from '../notifications/publish';
import { addYears } from './dates';
import { bboxOfCoordinates, mapGeometry, type Bbox } from './geometry';
import { isDate, type Problem } from './input';
import * as repo from './repo';
import { recomputeConflicts } from './conflicts';
import { conflictSettings, getAuthoritySettings } from './settings';

export type MoratoriumMode = 'warnung' | 'sperre';
export type MoratoriumStatus = 'vorgeschlagen' | 'aktiv' | 'aufgehoben';

export interface Moratorium {
	id: string;
	authorityOrgId: string;
	title: string;
	street: string;
	area4326: Polygonal;
	area25832: Polygonal;
	bbox: Bbox;
	validFrom: string;
	validUntil: string;
	legalBasis: string;
	mode: MoratoriumMode;
	exemptions: Exemption[];
	status: MoratoriumStatus;
	sourceBaustelleId: string | null;
	createdAt: Date;
}

/** A street section given by name becomes its axes in the street data grown by this much. */
const STREET_SECTION_HALF_WIDTH_M = 10;
export const DEFAULT_EXEMPTIONS: Exemption[] = ['dringende_reparatur', 'stoerungsbeseitigung'];

function map(r: Record<string, unknown>): Moratorium {
	return {
		id: r.id as string,
		authorityOrgId: r.authority_org_id as string,
		title: r.title as string,
		street: r.street as string,
		area4326: r.area_4326 as Polygonal,
		area25832: r.area_25832 as Polygonal,
		bbox: bboxOfCoordinates((r.area_25832 as Polygonal).coordinates),
		validFrom: repo.isoDate(r.valid_from as Date)!,
		validUntil: repo.isoDate(r.valid_until as Date)!,
		legalBasis: r.legal_basis as string,
		mode: r.mode as MoratoriumMode,
		exemptions: r.exemptions as Exemption[],
		status: r.status as MoratoriumStatus,
		sourceBaustelleId: (r.source_baustelle_id as string | null) ?? null,
		createdAt: r.created_at as Date
	};
}

export async function listMoratoria(db: Db, authorityOrgId: string): Promise<Moratorium[]> {
	const rows = await db`select * from moratoria where authority_org_id = ${authorityOrgId}
		order by array_position(array['vorgeschlagen','aktiv','aufgehoben'], status), valid_until desc`;
	return rows.map(map);
}

export async function getMoratorium(db: Db, id: string): Promise<Moratorium | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [r] = await db`select * from moratoria where id = ${id}`;
	return r ? map(r) : null;
}

/** The named street's axes (street data) grown into a section polygon, EPSG:25832. */
function streetSection(name: string, within: Bbox | null): Polygonal | null {
	const wanted = name.trim().toLowerCase();
	const box: Bbox = within ?? [-Infinity, -Infinity, Infinity, Infinity];
	const axes = streetsNear(box).filter((s) => s.name.toLowerCase() === wanted);
	if (!axes.length) return null;
	const lines = axes.map((s) => BufferOp.bufferOp(toJsts(s.geometry as never) as never, STREET_SECTION_HALF_WIDTH_M) as never);
	const union = UnaryUnionOp.union(floatingFactory.createGeometryCollection(lines) as never) as never;
	return fromJsts(union) as unknown as Polygonal;
}

export interface MoratoriumInput {
	title: string;
	street: string;
	area4326: Polygonal;
	area25832: Polygonal;
	validFrom: string;
	validUntil: string;
	legalBasis: string;
	mode: MoratoriumMode;
	exemptions: Exemption[];
}

export function parseMoratorium(body: Record<string, unknown>, today: string): { ok: true; value: MoratoriumInput } | { ok: false; problems: Problem[] } {
	const problems: Problem[] = [];
	const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
	const street = text(body.street, 120);
	const title = text(body.title, 200) || (street ? `Aufbruchsperre ${street}` : '');
	if (title.length < 3) problems.push({ field: 'title', message: 'Bitte die Aufbruchsperre benennen (z. B. „Aufbruchsperre Große Ulrichstraße nach Deckenerneuerung“).' });
	const validFrom = isDate(body.validFrom) ? body.validFrom : today;
	const validUntil = isDate(body.validUntil) ? body.validUntil : '';
	if (!validUntil) problems.push({ field: 'validUntil', message: 'Bitte angeben, bis wann die Aufbruchsperre gilt (JJJJ-MM-TT).' });
	else if (validUntil < validFrom) problems.push({ field: 'validUntil', message: 'Das Ende der Aufbruchsperre liegt vor ihrem Beginn.' });
	const mode = body.mode === 'warnung' ? 'warnung' : body.mode === 'sperre' || body.mode === undefined || body.mode === '' ? 'sperre' : null;
	if (!mode) problems.push({ field: 'mode', message: 'Wirkung bitte als „warnung“ oder „sperre“ angeben.' });
	const rawEx = Array.isArray(body.exemptions) ? body.exemptions : typeof body.exemptions === 'string' ? body.exemptions.split(',').filter(Boolean) : [];
	const exemptions = [...new Set(rawEx)].filter((e): e is Exemption => EXEMPTIONS.includes(e as Exemption) && e !== 'keine');
	if (rawEx.length !== exemptions.length && rawEx.some((e) => e !== 'keine')) problems.push({ field: 'exemptions', message: `Unbekannte Ausnahme. Erlaubt: ${EXEMPTIONS.filter((e) => e !== 'keine').join(', ')}.` });

	let area25832: Polygonal | null = null;
	let area4326: Polygonal | null = null;
	const g = (body.area ?? body.geometry) as { type?: string; coordinates?: unknown } | undefined;
	if (g && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
		const checked = validateWorkArea(g as never);
		if (!checked.ok) problems.push({ field: 'area', message: checked.message });
		else {
			area25832 = checked.area25832 as unknown as Polygonal;
			area4326 = g as Polygonal;
		}
	} else if (g) {
		problems.push({ field: 'area', message: 'Die Fläche muss ein GeoJSON-Polygon in WGS 84 sein.' });
	} else if (street) {
		area25832 = streetSection(street, null);
		if (!area25832) problems.push({ field: 'street', message: `Die Straße „${street}“ ist in den Straßendaten nicht bekannt. Bitte die Fläche auf der Karte zeichnen.` });
		else area4326 = mapGeometry(area25832, (p) => utmToLonLat(p).map((v) => Math.round(v * 1e7) / 1e7));
	} else {
		problems.push({ field: 'area', message: 'Bitte eine Fläche zeichnen oder einen Straßennamen angeben.' });
	}
	if (problems.length || !area25832 || !area4326 || !mode) return { ok: false, problems };
	return { ok: true, value: { title, street, area4326, area25832, validFrom, validUntil, legalBasis: text(body.legalBasis, 300), mode, exemptions } };
}

/** Re-checks every Baustelle of the moratorium's area whose window touches it. */
async function recheckCovered(tx: Db, m: { bbox: Bbox; validFrom: string; validUntil: string }, today: string, at: Date): Promise<number> {
	const rows = await tx<{ id: string }[]>`select id from baustellen where bbox && ${repo.boxLiteral(m.bbox)}::box and status <> 'storniert'
		and coalesce(actual_end, planned_end) >= ${m.validFrom} and coalesce(actual_start, planned_start) <= ${m.validUntil}`;
	for (const { id } of rows) {
		const b = (await repo.getBaustelle(tx, id))!;
		const authorities = await repo.authoritiesOf(tx, id);
		const settings = await getAuthoritySettings(tx, authorities.find((a) => a.reason === 'gebiet')?.id ?? authorities[0]?.id ?? null);
		await recomputeConflicts(tx, b, conflictSettings(settings), today, at);
	}
	return rows.length;
}

export async function createMoratorium(tx: Db, actor: { userId: string; orgId: string }, input: MoratoriumInput, at: Date, status: MoratoriumStatus = 'aktiv', sourceBaustelleId: string | null = null): Promise<string> {
	const id = randomUUID();
	const bbox = bboxOfCoordinates(input.area25832.coordinates);
	await tx`insert into moratoria (id, authority_org_id, title, street, area_4326, area_25832, bbox, valid_from, valid_until, legal_basis, mode, exemptions, status, source_baustelle_id, created_at)
		values (${id}, ${actor.orgId}, ${input.title}, ${input.street}, ${tx.json(input.area4326 as never)}, ${tx.json(input.area25832 as never)}, ${repo.boxLiteral(bbox)}::box,
			${input.validFrom}, ${input.validUntil}, ${input.legalBasis}, ${input.mode}, ${`{${input.exemptions.join(',')}}`}::text[], ${status}, ${sourceBaustelleId}, ${at})`;
	if (status === 'aktiv') await recheckCovered(tx, { bbox, validFrom: input.validFrom, validUntil: input.validUntil }, berlinDate(at), at);
	await appendAudit(tx, { action: 'moratorium.created', actorUser: actor.userId, actorOrg: actor.orgId, subject: id, data: { status, mode: input.mode, until: input.validUntil } });
	return id;
}

/** Activate a proposal, lift, or change dates/mode/exemptions; re-checks the covered Baustellen. */
export async function changeMoratorium(
	tx: Db,
	actor: { userId: string; orgId: string },
	m: Moratorium,
	change: { status?: MoratoriumStatus; validUntil?: string; mode?: MoratoriumMode; exemptions?: Exemption[]; legalBasis?: string },
	at: Date
): Promise<void> {
	const next = { ...m, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as Moratorium;
	await tx`update moratoria set status = ${next.status}, valid_until = ${next.validUntil}, mode = ${next.mode},
		exemptions = ${`{${next.exemptions.join(',')}}`}::text[], legal_basis = ${next.legalBasis} where id = ${m.id}`;
	await recheckCovered(tx, { bbox: m.bbox, validFrom: m.validFrom, validUntil: next.validUntil > m.validUntil ? next.validUntil : m.validUntil }, berlinDate(at), at);
	await appendAudit(tx, { action: 'moratorium.changed', actorUser: actor.userId, actorOrg: actor.orgId, subject: m.id, data: { ...change } });
}

/** After an accepted surface: propose an Aufbruchsperre over the footprint for the configured years. */
export async function proposeMoratorium(tx: Db, b: repo.BaustelleRow, actor: { userId: string; orgId: string }, years: number, at: Date): Promise<string> {
	const today = berlinDate(at);
	const input: MoratoriumInput = {
		title: `Aufbruchsperre nach Abnahme ${b.number}${b.streets.length ? ` (${b.streets.join(', ')})` : ''}`,
		street: b.streets[0] ?? '',
		area4326: b.footprint4326,
		area25832: b.footprint25832,
		validFrom: today,
		validUntil: addYears(today, years),
		legalBasis: 'Neue Oberfläche nach Abnahme (Aufgrabungsrichtlinie der Straßenbaubehörde)',
		mode: 'sperre',
		exemptions: DEFAULT_EXEMPTIONS
	};
	const id = await createMoratorium(tx, actor, input, at, 'vorgeschlagen', b.id);
	await publish(tx, {
		type: 'moratorium.vorgeschlagen',
		orgIds: [actor.orgId],
		title: `Aufbruchsperre vorgeschlagen: ${b.number}`,
		body: `Nach der Abnahme von „${b.title}“ wird eine Aufbruchsperre bis ${input.validUntil.split('-').reverse().join('.')} vorgeschlagen. Bitte prüfen und aktivieren.`,
		link: `/koordination/aufbruchsperren`,
		subjectId: id,
		data: { moratorium: id, baustelle: b.number, validUntil: input.validUntil }
	});
	return id;
}

