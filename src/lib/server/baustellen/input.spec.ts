import { describe, expect, it } from 'vitest';
import { parseCreate, parsePatch } from './input';

const square = { type: 'Polygon', coordinates: [[[11.96, 51.48], [11.961, 51.48], [11.961, 51.481], [11.96, 51.481], [11.96, 51.48]]] };
const base = { title: 'Erneuerung Trinkwasserleitung', footprint: square, period: { start: '2030-04-01', end: '2030-04-30' } };

describe('parseCreate', () => {
	it('fills the defaults a promoter would expect', () => {
		const r = parseCreate(base, '2030-03-01');
		if ('problems' in r) throw new Error(JSON.stringify(r.problems));
		expect(r.fields).toMatchObject({ workKind: 'aufgrabung', excavation: true, traffic: 'keine', public: true, publiclyFunded: false, exemption: 'keine', promoterPrivate: false, datesConfirmed: false });
	});

	it('accepts the aliases clients use: geometry, plannedStart/plannedEnd, kind, a Feature', () => {
		const r = parseCreate({ title: 'Kranstellung', geometry: { type: 'Feature', geometry: square }, plannedStart: '2030-04-01', plannedEnd: '2030-04-02', kind: 'kranstellung' }, '2030-03-01');
		if ('problems' in r) throw new Error(JSON.stringify(r.problems));
		expect(r.fields.footprint?.type).toBe('Polygon');
		expect(r.fields.workKind).toBe('kranstellung');
		expect(r.fields.excavation).toBe(false);
		expect(r.fields.plannedEnd).toBe('2030-04-02');
	});

	it('reads vocabularies as people spell them: labels, umlauts, case, a few aliases', () => {
		const r = parseCreate({ ...base, traffic: 'Halbseitige Sperrung', workKind: 'Oberflächenarbeiten', networks: ['Fernwärme', 'telekom', 'Gas', 'gas'], exemption: 'Hausanschluss' }, '2030-03-01');
		if ('problems' in r) throw new Error(JSON.stringify(r.problems));
		expect(r.fields).toMatchObject({ traffic: 'halbseitig', workKind: 'oberflaechenarbeiten', exemption: 'hausanschluss' });
		expect(r.fields.networks).toEqual(['fernwaerme', 'telekommunikation', 'gas']);
	});

	it('takes the title from the description when only that is given', () => {
		const r = parseCreate({ ...base, title: undefined, description: 'Hausanschluss Gas Markt 7\nmit Gehwegaufbruch' }, '2030-03-01');
		expect('fields' in r && r.fields.title).toBe('Hausanschluss Gas Markt 7');
	});

	it('names every faulty field in German', () => {
		const r = parseCreate({ title: 'x', footprint: { type: 'Point', coordinates: [0, 0] }, period: { start: '2030-02-30', end: '2029-01-01' }, traffic: 'gesperrt', workKind: 'graben', networks: ['wasser', 'kabel'] }, '2030-03-01');
		expect('problems' in r).toBe(true);
		if (!('problems' in r)) return;
		const fields = r.problems.map((p) => p.field);
		expect(fields).toEqual(expect.arrayContaining(['title', 'footprint', 'period.start', 'period.end', 'traffic', 'workKind', 'networks']));
		expect(r.problems.find((p) => p.field === 'networks')!.message).toContain('kabel');
	});

	it('refuses a period that already ended and one that ends before it starts', () => {
		const past = parseCreate({ ...base, period: { start: '2029-01-01', end: '2029-01-31' } }, '2030-03-01');
		expect('problems' in past && past.problems[0]!.message).toContain('Vergangenheit');
		const reversed = parseCreate({ ...base, period: { start: '2030-05-01', end: '2030-04-01' } }, '2030-03-01');
		expect('problems' in reversed && reversed.problems.some((p) => p.message.includes('vor dem Baubeginn'))).toBe(true);
	});

	it('reads a private promoter and keeps the Bauherr in the contact', () => {
		const r = parseCreate({ ...base, promoter: 'privat', contact: { bauherr: 'Erika Mustermann', email: 'nicht-gueltig' } }, '2030-03-01');
		expect('problems' in r && r.problems.map((p) => p.field)).toEqual(['contact.email']);
		const ok = parseCreate({ ...base, promoter: 'privat', contact: { bauherr: 'Erika Mustermann' } }, '2030-03-01');
		expect('fields' in ok && ok.fields.promoterPrivate && ok.fields.contact.bauherr).toBe('Erika Mustermann');
	});

	it('reads ducts and refuses impossible ones', () => {
		const ok = parseCreate({ ...base, ducts: [{ kind: 'Speedpipe', count: 4, diameterMm: 12 }] }, '2030-03-01');
		expect('fields' in ok && ok.fields.ducts).toEqual([{ kind: 'Speedpipe', count: 4, diameterMm: 12, note: '' }]);
		const bad = parseCreate({ ...base, ducts: [{ count: 0 }] }, '2030-03-01');
		expect('problems' in bad && bad.problems[0]!.field).toBe('ducts[0].count');
	});
});

describe('parsePatch', () => {
	it('keeps only the fields that were sent', () => {
		const r = parsePatch({ traffic: 'vollsperrung' });
		if ('problems' in r) throw new Error('unexpected');
		expect(r.fields).toEqual({ traffic: 'vollsperrung' });
		expect(r.status).toBeNull();
	});

	it('reads a status step with its reported date', () => {
		const r = parsePatch({ status: 'in_ausfuehrung', actual: { start: '2030-04-02' } });
		if ('problems' in r) throw new Error('unexpected');
		expect(r.status).toBe('in_ausfuehrung');
		expect(r.actual).toEqual({ start: '2030-04-02' });
	});

	it('refuses a broken date', () => {
		const r = parsePatch({ period: { start: 'morgen', end: '2030-04-30' } });
		expect('problems' in r && r.problems[0]!.field).toBe('period.start');
	});
});
