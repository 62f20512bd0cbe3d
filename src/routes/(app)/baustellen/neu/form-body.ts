/**
 * The Baustelle form (create and edit) as the body the service's parsers read (`parseCreate`,
 * `parsePatch`), and back as the values that refill the form after a refusal. Pure: the page's actions
 * read the FormData and hand it here, so the mapping is tested without a server.
 */
import { formText, type Problem } from '$lib/form-fields';
import { parseAreaGeoJson } from '$lib/map/import-geojson';

export interface DuctValues {
	kind: string;
	count: string;
	diameterMm: string;
}

/** What the form shows: strings as typed, so a refused form comes back exactly as it was sent. */
export interface BaustelleFormValues {
	title: string;
	description: string;
	workKind: string;
	/** 'ja' | 'nein' | '' (empty: follow the kind of works) */
	excavation: string;
	networks: string[];
	periodStart: string;
	periodEnd: string;
	confirmed: boolean;
	traffic: string;
	public: boolean;
	publiclyFunded: boolean;
	exemption: string;
	/** 'org' | 'privat' */
	promoter: string;
	bauherr: string;
	contactName: string;
	contactPhone: string;
	contactEmail: string;
	ducts: DuctValues[];
	auskunftId: string;
	/** GeoJSON text: drawn on the map, pasted, or read from the uploaded file */
	geometry: string;
}

/** Rows of the Leerrohre table; a row with nothing typed into it is no row. */
function readDucts(form: FormData): DuctValues[] {
	const kinds = form.getAll('ductKind').map(String);
	const counts = form.getAll('ductCount').map(String);
	const diameters = form.getAll('ductDiameter').map(String);
	const rows: DuctValues[] = [];
	for (let i = 0; i < Math.max(kinds.length, counts.length, diameters.length); i++) {
		const row = { kind: (kinds[i] ?? '').trim(), count: (counts[i] ?? '').trim(), diameterMm: (diameters[i] ?? '').trim() };
		if (row.kind || row.count || row.diameterMm) rows.push(row);
	}
	return rows;
}

/**
 * Reads the posted form. `fileText` is an uploaded GeoJSON file (the fallback without JavaScript);
 * the drawn geometry (hidden field) wins, then the pasted text, then the file.
 */
export function readForm(form: FormData, fileText: string | null = null): BaustelleFormValues {
	const drawn = formText(form, 'geometry') || formText(form, 'geometryText') || (fileText ?? '').trim();
	return {
		title: formText(form, 'title'),
		description: formText(form, 'description'),
		workKind: formText(form, 'workKind'),
		excavation: formText(form, 'excavation'),
		networks: form.getAll('networks').map(String),
		periodStart: formText(form, 'periodStart'),
		periodEnd: formText(form, 'periodEnd'),
		confirmed: form.get('confirmed') === 'on',
		traffic: formText(form, 'traffic'),
		public: form.get('public') === 'on',
		publiclyFunded: form.get('publiclyFunded') === 'on',
		exemption: formText(form, 'exemption'),
		promoter: formText(form, 'promoter') === 'privat' ? 'privat' : 'org',
		bauherr: formText(form, 'bauherr'),
		contactName: formText(form, 'contactName'),
		contactPhone: formText(form, 'contactPhone'),
		contactEmail: formText(form, 'contactEmail'),
		ducts: readDucts(form),
		auskunftId: formText(form, 'auskunftId'),
		geometry: drawn
	};
}

/**
 * The geometry text as `footprint` (a polygon, also from a FeatureCollection or an EPSG:25832 file) or
 * `axis` (a line: a corridor the server grows by the default width). `null` when empty.
 */
export function readGeometry(text: string): { footprint?: unknown; axis?: unknown } | { problem: Problem } | null {
	if (!text) return null;
	let json: { type?: string; geometry?: { type?: string } | null };
	try {
		json = JSON.parse(text) as typeof json;
	} catch {
		return { problem: { field: 'footprint', message: 'Die Geometrie ist kein gültiges GeoJSON (JSON lässt sich nicht lesen). Bitte ein Polygon oder eine Linie in WGS 84 angeben.' } };
	}
	const geometry = json?.type === 'Feature' ? json.geometry : json;
	if (geometry?.type === 'LineString' || geometry?.type === 'MultiLineString') return { axis: geometry };
	const area = parseAreaGeoJson(text);
	if (!area.ok) return { problem: { field: 'footprint', message: area.message } };
	return { footprint: area.geometry };
}

/** Ducts as the parser reads them: numbers where typed, the parser's defaults where not. */
function ductsBody(ducts: DuctValues[]): unknown[] {
	const num = (v: string) => (v === '' ? undefined : Number(v.replace(',', '.')));
	return ducts.map((d) => ({ kind: d.kind, count: num(d.count), diameterMm: num(d.diameterMm) }));
}

function contactBody(v: BaustelleFormValues) {
	// the Bauherr is a natural person's name only for private promoters; it is never kept otherwise
	return { name: v.contactName, phone: v.contactPhone, email: v.contactEmail, bauherr: v.promoter === 'privat' ? v.bauherr : '' };
}

/** The body of `parseCreate`, or the geometry's problem. */
export function createBody(v: BaustelleFormValues): { body: Record<string, unknown> } | { problems: Problem[] } {
	const place = readGeometry(v.geometry);
	if (place && 'problem' in place) return { problems: [place.problem] };
	return {
		body: {
			title: v.title,
			description: v.description,
			workKind: v.workKind,
			excavation: v.excavation === 'ja' ? true : v.excavation === 'nein' ? false : undefined,
			networks: v.networks,
			period: { start: v.periodStart, end: v.periodEnd, confirmed: v.confirmed },
			traffic: v.traffic,
			public: v.public,
			publiclyFunded: v.publiclyFunded,
			exemption: v.exemption,
			promoter: v.promoter === 'privat' ? 'privat' : undefined,
			contact: contactBody(v),
			ducts: ductsBody(v.ducts),
			auskunftId: v.auskunftId || undefined,
			...(place ?? {})
		}
	};
}

/**
 * The body of `parsePatch` for the edit form: every field the form shows, the geometry only when it
 * differs from `currentFootprint` (the form sends the current one back when nothing was redrawn).
 */
export function patchBody(v: BaustelleFormValues, currentFootprint: unknown): { body: Record<string, unknown> } | { problems: Problem[] } {
	const place = readGeometry(v.geometry);
	if (place && 'problem' in place) return { problems: [place.problem] };
	const moved = place && (place.axis || JSON.stringify(place.footprint) !== JSON.stringify(currentFootprint));
	return {
		body: {
			title: v.title,
			description: v.description,
			networks: v.networks,
			period: { start: v.periodStart, end: v.periodEnd, confirmed: v.confirmed },
			traffic: v.traffic,
			public: v.public,
			contact: contactBody(v),
			ducts: ductsBody(v.ducts),
			...(moved ? place : {})
		}
	};
}

/** The German field names of the service's problems, for the summary above the form. */
export function fieldLabel(field: string): string {
	const duct = /^ducts\[(\d+)\]/.exec(field);
	if (duct) return `Leerrohre, Zeile ${Number(duct[1]) + 1}`;
	const labels: Record<string, string> = {
		title: 'Maßnahme',
		description: 'Beschreibung',
		workKind: 'Art der Arbeiten',
		networks: 'Sparten',
		'period.start': 'Baubeginn',
		'period.end': 'Bauende',
		traffic: 'Verkehr',
		exemption: 'Ausnahmegrund',
		'contact.email': 'E-Mail des Ansprechpartners',
		footprint: 'Baustellenfläche',
		axis: 'Baustellenfläche',
		widthM: 'Baustellenfläche',
		auskunftId: 'Leitungsauskunft'
	};
	return labels[field] ?? 'Angaben';
}
