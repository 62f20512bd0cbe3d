/**
 * @module baustellen/input
 * Reads the body of POST /api/v1/baustellen (and the form) or of PATCH into typed fields, or a list of
 * German, field-named problems. Lenient where clients differ without meaning anything different
 * (`geometry` for `footprint`, `period` or `plannedStart`/`plannedEnd`, `kind` for `workKind`);
 * strict about what changes the coordination (dates, geometry type, vocabularies — where only the
 * spelling may differ: `Halbseitige Sperrung` for `halbseitig`, see baustellen/vocab).
 * Geometry is only checked for shape here; validity and limits are checked by baustellen/geometry.
 */
import {
	EXCAVATING_KINDS,
	EXEMPTIONS,
	EXEMPTION_LABELS,
	TRAFFIC_IMPACTS,
	TRAFFIC_LABELS,
	WORK_KINDS,
	WORK_KIND_LABELS,
	type Duct,
	type Exemption,
	type Lineal,
	type Polygonal,
	type TrafficImpact,
	type WorkKind
} from '$lib/baustellen';
import { NETWORKS, NETWORK_INFO, type Network } from '$lib/layers/catalogue';
import { matchVocab } from './vocab';
import { isUuid } from '$lib/uuid';

const NETWORK_LABELS = Object.fromEntries(NETWORKS.map((n) => [n, NETWORK_INFO[n].label])) as Record<Network, string>;
/** Spellings of the field that are not a value or label of ours. */
const NETWORK_ALIASES: Record<string, Network> = {
	telekom: 'telekommunikation',
	tk: 'telekommunikation',
	glasfaser: 'breitband',
	trinkwasser: 'wasser',
	elektro: 'strom',
	strassenbeleuchtung: 'beleuchtung'
};
const TRAFFIC_ALIASES: Record<string, TrafficImpact> = { teilsperrung: 'halbseitig', halbseitige_sperrung: 'halbseitig', gehwegsperrung: 'gehweg', keine_einschraenkung: 'keine' };

export interface Problem {
	field: string;
	message: string;
}

export interface Contact {
	name: string;
	phone: string;
	email: string;
	/** the Bauherr when it is a private person; never public */
	bauherr: string;
}

export interface BaustelleFields {
	title: string;
	description: string;
	promoterPrivate: boolean;
	contact: Contact;
	networks: Network[];
	workKind: WorkKind;
	excavation: boolean;
	publiclyFunded: boolean;
	exemption: Exemption;
	/** EPSG:4326; when only an axis was sent, the footprint is the axis grown by half the width */
	footprint: Polygonal | null;
	axis: Lineal | null;
	widthM: number;
	streets: string[] | null;
	plannedStart: string;
	plannedEnd: string;
	datesConfirmed: boolean;
	traffic: TrafficImpact;
	public: boolean;
	auskunftId: string | null;
	ducts: Duct[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_WIDTH_M = 3;

export function isDate(v: unknown): v is string {
	return typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown, max: number): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const bool = (v: unknown): boolean | undefined => {
	if (typeof v === 'boolean') return v;
	if (v === 'true' || v === 'on' || v === '1' || v === 'ja') return true;
	if (v === 'false' || v === '0' || v === 'nein' || v === '') return false;
	return undefined;
};

function readPolygonal(v: unknown): Polygonal | null | 'bad' {
	if (v === undefined || v === null) return null;
	const g = obj(v);
	// a Feature is what most GIS tools export; take its geometry
	if (g.type === 'Feature') return readPolygonal(g.geometry);
	if ((g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates)) return g as unknown as Polygonal;
	return 'bad';
}

function readLineal(v: unknown): Lineal | null | 'bad' {
	if (v === undefined || v === null) return null;
	const g = obj(v);
	if (g.type === 'Feature') return readLineal(g.geometry);
	if ((g.type === 'LineString' || g.type === 'MultiLineString') && Array.isArray(g.coordinates)) return g as unknown as Lineal;
	return 'bad';
}

function readDucts(v: unknown, problems: Problem[]): Duct[] {
	if (v === undefined || v === null || v === '') return [];
	if (!Array.isArray(v)) {
		problems.push({ field: 'ducts', message: 'Leerrohre bitte als Liste angeben: [{ "kind": "Leerrohr", "count": 2, "diameterMm": 50 }].' });
		return [];
	}
	return v.slice(0, 20).map((d, i) => {
		const o = obj(d);
		const count = Number(o.count ?? 1);
		const diameter = o.diameterMm === undefined || o.diameterMm === null || o.diameterMm === '' ? null : Number(o.diameterMm);
		if (!Number.isInteger(count) || count < 1 || count > 100) problems.push({ field: `ducts[${i}].count`, message: 'Die Anzahl der Rohre muss zwischen 1 und 100 liegen.' });
		if (diameter !== null && (!Number.isFinite(diameter) || diameter <= 0 || diameter > 2000)) {
			problems.push({ field: `ducts[${i}].diameterMm`, message: 'Der Durchmesser muss in mm zwischen 1 und 2.000 liegen.' });
		}
		return { kind: text(o.kind, 100) || 'Leerrohr', count, diameterMm: diameter, note: text(o.note, 300) };
	});
}

/**
 * Full create body. `today` guards against registering works that already ended.
 * The fields of an Auskunft (creating from it in one click) are filled in by the service beforehand.
 */
export function parseCreate(body: unknown, today: string): { fields: BaustelleFields } | { problems: Problem[] } {
	const problems: Problem[] = [];
	const b = obj(body);
	const fields = readCommon(b, problems, true);
	const { plannedStart, plannedEnd } = fields;
	if (plannedEnd && plannedEnd < today) problems.push({ field: 'period.end', message: 'Der Zeitraum liegt in der Vergangenheit. Bitte die geplanten Termine prüfen.' });
	if (!fields.footprint && !fields.axis) {
		problems.push({ field: 'footprint', message: 'Bitte die Baustellenfläche als GeoJSON-Polygon (EPSG:4326) senden oder auf der Karte zeichnen.' });
	}
	if (fields.title.length < 3) problems.push({ field: 'title', message: 'Bitte die Maßnahme kurz benennen (z. B. „Erneuerung Trinkwasserleitung“).' });
	if (!plannedStart) problems.push({ field: 'period.start', message: 'Der geplante Baubeginn fehlt oder ist kein Datum (JJJJ-MM-TT).' });
	if (!plannedEnd) problems.push({ field: 'period.end', message: 'Das geplante Bauende fehlt oder ist kein Datum (JJJJ-MM-TT).' });
	if (problems.length) return { problems };
	return { fields: fields as BaustelleFields };
}

/** Partial body of PATCH: only the fields present; same rules. */
export function parsePatch(body: unknown): { fields: Partial<BaustelleFields>; status: string | null; actual: { start?: string; end?: string } } | { problems: Problem[] } {
	const problems: Problem[] = [];
	const b = obj(body);
	const all = readCommon(b, problems, false);
	const fields: Partial<BaustelleFields> = {};
	const has = (...keys: string[]) => keys.some((k) => k in b);
	if (has('title', 'description') && 'title' in b) fields.title = all.title;
	if (has('description')) fields.description = all.description;
	if (has('promoter', 'privat', 'promoterPrivate')) fields.promoterPrivate = all.promoterPrivate;
	if (has('contact')) fields.contact = all.contact;
	if (has('networks')) fields.networks = all.networks;
	if (has('workKind', 'kind')) fields.workKind = all.workKind;
	if (has('excavation', 'workKind', 'kind')) fields.excavation = all.excavation;
	if (has('publiclyFunded')) fields.publiclyFunded = all.publiclyFunded;
	if (has('exemption')) fields.exemption = all.exemption;
	if (has('footprint', 'geometry')) fields.footprint = all.footprint;
	if (has('axis')) fields.axis = all.axis;
	if (has('widthM')) fields.widthM = all.widthM;
	if (has('streets')) fields.streets = all.streets;
	if (has('period', 'plannedStart', 'start')) fields.plannedStart = all.plannedStart;
	if (has('period', 'plannedEnd', 'end')) fields.plannedEnd = all.plannedEnd;
	if (has('period', 'datesConfirmed', 'confirmed')) fields.datesConfirmed = all.datesConfirmed;
	if (has('traffic')) fields.traffic = all.traffic;
	if (has('public')) fields.public = all.public;
	if (has('auskunftId')) fields.auskunftId = all.auskunftId;
	if (has('ducts')) fields.ducts = all.ducts;
	if ('title' in b && all.title.length < 3) problems.push({ field: 'title', message: 'Bitte die Maßnahme kurz benennen.' });
	if (has('period', 'plannedStart', 'start') && !all.plannedStart) problems.push({ field: 'period.start', message: 'Der geplante Baubeginn ist kein Datum (JJJJ-MM-TT).' });
	if (has('period', 'plannedEnd', 'end') && !all.plannedEnd) problems.push({ field: 'period.end', message: 'Das geplante Bauende ist kein Datum (JJJJ-MM-TT).' });
	const status = typeof b.status === 'string' ? b.status : null;
	const actualRaw = obj(b.actual);
	const actual: { start?: string; end?: string } = {};
	const aStart = actualRaw.start ?? b.actualStart;
	const aEnd = actualRaw.end ?? b.actualEnd;
	if (aStart !== undefined && aStart !== null) {
		if (isDate(aStart)) actual.start = aStart;
		else problems.push({ field: 'actual.start', message: 'Der tatsächliche Baubeginn ist kein Datum (JJJJ-MM-TT).' });
	}
	if (aEnd !== undefined && aEnd !== null) {
		if (isDate(aEnd)) actual.end = aEnd;
		else problems.push({ field: 'actual.end', message: 'Das tatsächliche Bauende ist kein Datum (JJJJ-MM-TT).' });
	}
	if (problems.length) return { problems };
	return { fields, status, actual };
}

function readCommon(b: Record<string, unknown>, problems: Problem[], creating: boolean): Omit<BaustelleFields, 'plannedStart' | 'plannedEnd'> & { plannedStart: string; plannedEnd: string } {
	const description = text(b.description, 4000);
	let title = text(b.title, 200);
	if (!title && creating && description) title = description.split('\n')[0]!.slice(0, 120);

	const promoterRaw = b.promoter;
	const promoterPrivate =
		promoterRaw === 'privat' || bool(b.privat) === true || bool(b.promoterPrivate) === true || (typeof promoterRaw === 'object' && bool(obj(promoterRaw).privat) === true);

	const c = obj(b.contact);
	const contact: Contact = { name: text(c.name, 200), phone: text(c.phone, 60), email: text(c.email, 200), bauherr: text(c.bauherr, 200) };
	if (contact.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contact.email)) problems.push({ field: 'contact.email', message: 'Die E-Mail-Adresse des Ansprechpartners ist ungültig.' });

	let networks: Network[] = [];
	const netRaw = typeof b.networks === 'string' ? b.networks.split(',').map((s) => s.trim()).filter(Boolean) : b.networks;
	if (netRaw !== undefined && netRaw !== null) {
		if (!Array.isArray(netRaw)) problems.push({ field: 'networks', message: 'Sparten bitte als Liste angeben.' });
		else {
			const matched = netRaw.map((n) => matchVocab(n, NETWORKS, NETWORK_LABELS, NETWORK_ALIASES));
			const unknown = netRaw.filter((_, i) => !matched[i]);
			if (unknown.length) problems.push({ field: 'networks', message: `Unbekannte Sparte(n): ${unknown.map(String).join(', ')}. Erlaubt: ${NETWORKS.join(', ')}.` });
			networks = [...new Set(matched.filter((n): n is Network => n !== null))];
		}
	}

	const kindRaw = b.workKind ?? b.kind;
	let workKind: WorkKind = 'aufgrabung';
	if (kindRaw !== undefined && kindRaw !== null && kindRaw !== '') {
		const kind = matchVocab(kindRaw, WORK_KINDS, WORK_KIND_LABELS);
		if (kind) workKind = kind;
		else problems.push({ field: 'workKind', message: `Unbekannte Art der Arbeiten „${String(kindRaw)}“. Erlaubt: ${WORK_KINDS.join(', ')}.` });
	}
	const excavation = bool(b.excavation) ?? EXCAVATING_KINDS.includes(workKind);
	const publiclyFunded = bool(b.publiclyFunded) ?? false;

	let exemption: Exemption = 'keine';
	if (b.exemption !== undefined && b.exemption !== null && b.exemption !== '') {
		const matched = matchVocab(b.exemption, EXEMPTIONS, EXEMPTION_LABELS);
		if (matched) exemption = matched;
		else problems.push({ field: 'exemption', message: `Unbekannter Ausnahmegrund. Erlaubt: ${EXEMPTIONS.join(', ')}.` });
	}

	const footprint = readPolygonal(b.footprint ?? b.geometry);
	if (footprint === 'bad') problems.push({ field: 'footprint', message: 'Die Baustellenfläche muss ein GeoJSON-Polygon oder -MultiPolygon in WGS 84 (EPSG:4326) sein.' });
	const axis = readLineal(b.axis);
	if (axis === 'bad') problems.push({ field: 'axis', message: 'Die Achse muss eine GeoJSON-LineString oder -MultiLineString in WGS 84 (EPSG:4326) sein.' });
	const widthRaw = b.widthM === undefined || b.widthM === null || b.widthM === '' ? DEFAULT_WIDTH_M : Number(String(b.widthM).replace(',', '.'));
	if (!Number.isFinite(widthRaw) || widthRaw < 0.5 || widthRaw > 100) problems.push({ field: 'widthM', message: 'Die Breite der Baustelle muss zwischen 0,5 und 100 m liegen.' });

	let streets: string[] | null = null;
	const streetsRaw = typeof b.streets === 'string' ? b.streets.split(/[,;]/) : b.streets;
	if (Array.isArray(streetsRaw)) streets = [...new Set(streetsRaw.map((s) => text(s, 120)).filter(Boolean))].slice(0, 20);

	const period = obj(b.period);
	const start = period.start ?? b.plannedStart ?? b.start;
	const end = period.end ?? b.plannedEnd ?? b.end;
	const plannedStart = isDate(start) ? start : '';
	const plannedEnd = isDate(end) ? end : '';
	if (plannedStart && plannedEnd && plannedEnd < plannedStart) problems.push({ field: 'period.end', message: 'Das geplante Bauende liegt vor dem Baubeginn.' });
	const certainty = period.certainty ?? b.certainty;
	const datesConfirmed = bool(period.confirmed) ?? bool(b.datesConfirmed) ?? bool(b.confirmed) ?? certainty === 'bestaetigt';

	let traffic: TrafficImpact = 'keine';
	if (b.traffic !== undefined && b.traffic !== null && b.traffic !== '') {
		const matched = matchVocab(b.traffic, TRAFFIC_IMPACTS, TRAFFIC_LABELS, TRAFFIC_ALIASES);
		if (matched) traffic = matched;
		else problems.push({ field: 'traffic', message: `Unbekannte Verkehrsbeeinträchtigung. Erlaubt: ${TRAFFIC_IMPACTS.join(', ')}.` });
	}
	const isPublic = bool(b.public) ?? true;

	let auskunftId: string | null = null;
	if (b.auskunftId !== undefined && b.auskunftId !== null && b.auskunftId !== '') {
		if (typeof b.auskunftId === 'string' && isUuid(b.auskunftId)) auskunftId = b.auskunftId;
		else problems.push({ field: 'auskunftId', message: 'Die Kennung der Leitungsauskunft ist ungültig.' });
	}

	return {
		title,
		description,
		promoterPrivate,
		contact,
		networks,
		workKind,
		excavation,
		publiclyFunded,
		exemption,
		footprint: footprint === 'bad' ? null : footprint,
		axis: axis === 'bad' ? null : axis,
		widthM: Number.isFinite(widthRaw) ? widthRaw : DEFAULT_WIDTH_M,
		streets,
		plannedStart,
		plannedEnd,
		datesConfirmed,
		traffic,
		public: isPublic,
		auskunftId,
		ducts: readDucts(b.ducts, problems)
	};
}
