import { describe, expect, it } from 'vitest';
import { parseCreate, parsePatch } from '$lib/server/baustellen/input';
import { createBody, fieldLabel, patchBody, readForm, readGeometry } from './form-body';

const SQUARE = { type: 'Polygon', coordinates: [[[11.969, 51.482], [11.97, 51.482], [11.97, 51.4825], [11.969, 51.4825], [11.969, 51.482]]] };

function form(entries: [string, string][]): FormData {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
}

const FULL: [string, string][] = [
	['title', ' Erneuerung Trinkwasserleitung '],
	['description', 'Marktplatz Nordseite'],
	['workKind', 'leitungsbau'],
	['excavation', ''],
	['networks', 'wasser'],
	['networks', 'breitband'],
	['periodStart', '2027-03-01'],
	['periodEnd', '2027-03-31'],
	['confirmed', 'on'],
	['traffic', 'halbseitig'],
	['public', 'on'],
	['exemption', 'keine'],
	['promoter', 'org'],
	['bauherr', 'Max Muster'],
	['contactName', 'Bernd Bauleiter'],
	['contactPhone', '0345 1234'],
	['contactEmail', 'bau@example.org'],
	['ductKind', 'Leerrohr'],
	['ductCount', '2'],
	['ductDiameter', '50'],
	['ductKind', ''],
	['ductCount', ''],
	['ductDiameter', ''],
	['geometry', JSON.stringify(SQUARE)]
];

describe('readForm + createBody', () => {
	it('maps every field onto what parseCreate reads', () => {
		const v = readForm(form(FULL));
		expect(v.title).toBe('Erneuerung Trinkwasserleitung');
		expect(v.networks).toEqual(['wasser', 'breitband']);
		expect(v.ducts).toEqual([{ kind: 'Leerrohr', count: '2', diameterMm: '50' }]);
		const out = createBody(v);
		if (!('body' in out)) throw new Error('no body');
		const parsed = parseCreate(out.body, '2027-01-01');
		if (!('fields' in parsed)) throw new Error(JSON.stringify(parsed.problems));
		const f = parsed.fields;
		expect(f.workKind).toBe('leitungsbau');
		expect(f.excavation).toBe(true); // from the kind
		expect(f.datesConfirmed).toBe(true);
		expect(f.public).toBe(true);
		expect(f.publiclyFunded).toBe(false);
		expect(f.promoterPrivate).toBe(false);
		// a Bauherr is kept only for a private promoter
		expect(f.contact).toEqual({ name: 'Bernd Bauleiter', phone: '0345 1234', email: 'bau@example.org', bauherr: '' });
		expect(f.ducts).toEqual([{ kind: 'Leerrohr', count: 2, diameterMm: 50, note: '' }]);
		expect(f.footprint).toEqual(SQUARE);
	});

	it('unchecked boxes are false, explicit excavation wins over the kind, private promoter keeps the Bauherr', () => {
		const entries = FULL.filter(([k]) => !['public', 'confirmed', 'excavation', 'promoter'].includes(k));
		const v = readForm(form([...entries, ['excavation', 'nein'], ['promoter', 'privat']]));
		const out = createBody(v);
		if (!('body' in out)) throw new Error('no body');
		const parsed = parseCreate(out.body, '2027-01-01');
		if (!('fields' in parsed)) throw new Error(JSON.stringify(parsed.problems));
		expect(parsed.fields.public).toBe(false);
		expect(parsed.fields.datesConfirmed).toBe(false);
		expect(parsed.fields.excavation).toBe(false);
		expect(parsed.fields.promoterPrivate).toBe(true);
		expect(parsed.fields.contact.bauherr).toBe('Max Muster');
	});

	it('takes the pasted text, then the file, when nothing was drawn', () => {
		const base = FULL.filter(([k]) => k !== 'geometry');
		expect(readForm(form([...base, ['geometryText', JSON.stringify(SQUARE)]])).geometry).toBe(JSON.stringify(SQUARE));
		expect(readForm(form(base), ` ${JSON.stringify(SQUARE)} `).geometry).toBe(JSON.stringify(SQUARE));
	});

	it('names a missing area with the parser and a broken one itself', () => {
		const base = FULL.filter(([k]) => k !== 'geometry');
		const none = createBody(readForm(form(base)));
		if (!('body' in none)) throw new Error('no body');
		const parsed = parseCreate(none.body, '2027-01-01');
		expect('problems' in parsed && parsed.problems.map((p) => p.field)).toContain('footprint');
		const broken = createBody(readForm(form([...base, ['geometryText', '{"type":']])));
		expect(broken).toEqual({ problems: [{ field: 'footprint', message: expect.stringContaining('kein gültiges GeoJSON') }] });
	});

	it('a count typed as text is the parser’s problem, with the row in its field name', () => {
		const entries = FULL.map(([k, v]): [string, string] => (k === 'ductCount' && v === '2' ? [k, 'zwei'] : [k, v]));
		const out = createBody(readForm(form(entries)));
		if (!('body' in out)) throw new Error('no body');
		const parsed = parseCreate(out.body, '2027-01-01');
		if (!('problems' in parsed)) throw new Error('expected problems');
		expect(parsed.problems[0]!.field).toBe('ducts[0].count');
		expect(fieldLabel(parsed.problems[0]!.field)).toBe('Leerrohre, Zeile 1');
	});
});

describe('readGeometry', () => {
	it('reads a line as the axis of a corridor', () => {
		const line = { type: 'LineString', coordinates: [[11.969, 51.482], [11.97, 51.482]] };
		expect(readGeometry(JSON.stringify({ type: 'Feature', geometry: line, properties: {} }))).toEqual({ axis: line });
	});
	it('gathers the polygons of a FeatureCollection', () => {
		const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: SQUARE, properties: {} }] };
		expect(readGeometry(JSON.stringify(fc))).toEqual({ footprint: SQUARE });
	});
});

describe('patchBody', () => {
	it('leaves the geometry out when the form sent the current footprint back', () => {
		const v = readForm(form(FULL));
		const out = patchBody(v, SQUARE);
		if (!('body' in out)) throw new Error('no body');
		expect(out.body.footprint).toBeUndefined();
		const parsed = parsePatch(out.body);
		if (!('fields' in parsed)) throw new Error(JSON.stringify(parsed.problems));
		expect(Object.keys(parsed.fields).sort()).toEqual(['contact', 'datesConfirmed', 'description', 'ducts', 'networks', 'plannedEnd', 'plannedStart', 'public', 'title', 'traffic']);
	});
	it('sends a redrawn footprint', () => {
		const moved = { ...SQUARE, coordinates: [SQUARE.coordinates[0]!.map(([x, y]) => [x! + 0.001, y!])] };
		const out = patchBody(readForm(form([...FULL.filter(([k]) => k !== 'geometry'), ['geometry', JSON.stringify(moved)]])), SQUARE);
		if (!('body' in out)) throw new Error('no body');
		expect(out.body.footprint).toEqual(moved);
	});
});
