/**
 * The calendar's query on a real PostgreSQL (a fresh clone of the migrated template): who sees what
 * (the security model), filters, the street rule in SQL against the one in TypeScript, a street's
 * history with its moratoria.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from '../../../../tests/integration/helpers/pg';
import { normaliseStreet } from '$lib/kalender/street';
import { filterOptions, listCalendarItems, streetHistory } from './query';
import { insertSampleBaustelle, insertSampleConflict, insertSampleMoratorium } from './sample';

let db: FreshDb;
const org: Record<'firm' | 'other' | 'city' | 'platform' | 'person', string> = { firm: '', other: '', city: '', platform: '', person: '' };
const ids: Record<string, string> = {};

async function makeOrg(name: string, roles: string): Promise<{ id: string; user: string }> {
	const [o] = await db.sql<{ id: string }[]>`insert into organisations (name, roles, verified_at) values (${name}, string_to_array(${roles}, ','), now()) returning id`;
	const [u] = await db.sql<{ id: string }[]>`insert into users (email, name, password_hash) values (${`${name.replace(/\W/g, '')}@test.invalid`}, ${name}, 'x') returning id`;
	await db.sql`insert into memberships (user_id, org_id, role, status) values (${u!.id}, ${o!.id}, 'admin', 'active')`;
	return { id: o!.id, user: u!.id };
}

const viewer = (orgId: string, isPlatform = false) => ({ orgId, isPlatform });
const numbers = (items: { number: string }[]) => items.map((i) => i.number).sort();

beforeAll(async () => {
	db = await freshDatabase();
	const firm = await makeOrg('Stadtwerke Test', 'netzbetreiber,bauunternehmen');
	const other = await makeOrg('Andere Firma', 'bauunternehmen');
	const city = await makeOrg('Stadt Test, Tiefbauamt', 'kommune');
	const platform = await makeOrg('Plattform', 'plattform');
	const person = await makeOrg('Erika Mustermann', 'bauunternehmen');
	Object.assign(org, { firm: firm.id, other: other.id, city: city.id, platform: platform.id, person: person.id });

	const base = { createdBy: firm.user, authorities: [city.id], networks: ['wasser'] };
	ids.public = await insertSampleBaustelle(db.sql, { ...base, orgId: firm.id, number: 'T-1', title: 'Trinkwasser', street: 'Leipziger Straße', streets: ['Leipziger Str.'], status: 'genehmigt', plannedStart: '2027-03-01', plannedEnd: '2027-03-31' });
	ids.hidden = await insertSampleBaustelle(db.sql, { ...base, orgId: firm.id, number: 'T-2', title: 'Störung Kabel', street: 'Mansfelder Straße', status: 'in_ausfuehrung', plannedStart: '2027-03-10', plannedEnd: '2027-03-12', public: false, networks: ['strom'] });
	ids.private = await insertSampleBaustelle(db.sql, { ...base, createdBy: person.user, orgId: person.id, number: 'T-3', title: 'Hausanschluss', street: 'Herrenstraße', status: 'geplant', plannedStart: '2027-04-01', plannedEnd: '2027-04-03', promoterPrivate: true, networks: ['gas'] });
	ids.noAuthority = await insertSampleBaustelle(db.sql, { ...base, createdBy: other.user, orgId: other.id, number: 'T-4', title: 'Kran', street: 'Große Ulrichstraße', status: 'storniert', plannedStart: '2027-03-05', plannedEnd: '2027-03-05', public: false, authorities: [] });
	ids.old = await insertSampleBaustelle(db.sql, { ...base, orgId: firm.id, number: 'T-5', title: 'Kabel 2019', street: 'Leipziger Straße', streets: ['LEIPZIGER STRASSE', 'Marktplatz'], status: 'abgenommen', plannedStart: '2019-05-01', plannedEnd: '2019-06-30', actualStart: '2019-05-06', actualEnd: '2019-07-12', networks: ['strom'] });
	ids.late = await insertSampleBaustelle(db.sql, { ...base, orgId: firm.id, number: 'T-6', title: 'Spät begonnen', street: 'Hansering', status: 'in_ausfuehrung', plannedStart: '2027-01-01', plannedEnd: '2027-01-10', actualStart: '2027-01-20', networks: ['fernwaerme'] });
	await insertSampleConflict(db.sql, ids.public, { kind: 'ueberschneidung', severity: 'mittel', message: 'x', otherId: ids.hidden });
	await insertSampleConflict(db.sql, ids.public, { kind: 'moratorium', severity: 'hoch', blocking: true, message: 'y' });
	await insertSampleConflict(db.sql, ids.private, { kind: 'frost', severity: 'niedrig', message: 'z' });
	await insertSampleMoratorium(db.sql, { authorityOrgId: city.id, title: 'Sperre Leipziger', street: 'Leipziger Str.', validFrom: '2019-08-01', validUntil: '2024-07-31' });
	// drawn as an area along Leipziger Straße, but without a street name
	await insertSampleMoratorium(db.sql, { authorityOrgId: city.id, title: 'Sperre Fläche ohne Namen', street: 'Leipziger Straße', part: [0.3, 0.5], validFrom: '2027-01-01', validUntil: '2031-12-31' });
	await db.sql`update moratoria set street = '' where title = 'Sperre Fläche ohne Namen'`;
	await insertSampleMoratorium(db.sql, { authorityOrgId: city.id, title: 'Aufgehoben', street: 'Leipziger Straße', validFrom: '2020-01-01', validUntil: '2030-01-01', status: 'aufgehoben' });
	await insertSampleMoratorium(db.sql, { authorityOrgId: city.id, title: 'Andere Straße', street: 'Volkmannstraße', validFrom: '2020-01-01', validUntil: '2030-01-01' });
});

afterAll(async () => {
	await db?.drop();
});

describe('who sees what', () => {
	it('the promoter sees its own, public or not, with conflicts', async () => {
		const items = await listCalendarItems(db.sql, viewer(org.firm), {});
		expect(numbers(items)).toEqual(['T-1', 'T-2', 'T-3', 'T-5', 'T-6']);
		const t1 = items.find((i) => i.number === 'T-1')!;
		expect(t1).toMatchObject({ own: true, publicOnly: false, promoter: 'Stadtwerke Test', conflicts: { count: 2, highest: 'hoch', blocking: true } });
		expect(t1.authorities).toEqual([{ id: org.city, name: 'Stadt Test, Tiefbauamt' }]);
		expect(t1.footprint.type).toBe('Polygon');
		// T-3 is public but another org's private promoter: no name, no id, no conflicts
		expect(items.find((i) => i.number === 'T-3')).toMatchObject({ own: false, publicOnly: true, promoter: 'privat', promoterOrgId: '', conflicts: { count: 0, highest: null, blocking: false } });
	});

	it('the authority sees what it decides on, the private promoter included', async () => {
		const items = await listCalendarItems(db.sql, viewer(org.city), {});
		expect(numbers(items)).toEqual(['T-1', 'T-2', 'T-3', 'T-5', 'T-6']);
		expect(items.find((i) => i.number === 'T-3')).toMatchObject({ promoter: 'Erika Mustermann', promoterOrgId: org.person, publicOnly: false, conflicts: { count: 1, highest: 'niedrig' } });
	});

	it('another organisation sees public ones only, with public fields', async () => {
		const items = await listCalendarItems(db.sql, viewer(org.other), {});
		expect(numbers(items)).toEqual(['T-1', 'T-3', 'T-4', 'T-5', 'T-6']); // T-4 is its own
		expect(items.find((i) => i.number === 'T-1')).toMatchObject({ publicOnly: true, conflicts: { count: 0, highest: null, blocking: false }, promoter: 'Stadtwerke Test' });
		expect(JSON.stringify(items)).not.toContain('Erika Mustermann');
		expect(JSON.stringify(items)).not.toContain(org.person);
	});

	it('the platform admin sees everything', async () => {
		expect(numbers(await listCalendarItems(db.sql, viewer(org.platform, true), {}))).toEqual(['T-1', 'T-2', 'T-3', 'T-4', 'T-5', 'T-6']);
	});

	it('a private promoter cannot be found by id or name by those who see public fields only', async () => {
		expect(await listCalendarItems(db.sql, viewer(org.other), { promoterOrgId: org.person })).toEqual([]);
		expect(await listCalendarItems(db.sql, viewer(org.other), { q: 'Mustermann' })).toEqual([]);
		expect(numbers(await listCalendarItems(db.sql, viewer(org.city), { q: 'mustermann' }))).toEqual(['T-3']);
		const options = await filterOptions(db.sql, viewer(org.other));
		expect(options.promoters.map((p) => p.name)).toEqual(['Andere Firma', 'Stadtwerke Test']);
		expect(options.authorities.map((p) => p.name)).toEqual(['Stadt Test, Tiefbauamt']);
		expect((await filterOptions(db.sql, viewer(org.city))).promoters.map((p) => p.name)).toContain('Erika Mustermann');
	});
});

describe('filters', () => {
	const v = () => viewer(org.platform, true);

	it('overlap the window with actual dates where known', async () => {
		expect(numbers(await listCalendarItems(db.sql, v(), { from: '2027-03-12', to: '2027-03-20' }))).toEqual(['T-1', 'T-2']);
		expect(numbers(await listCalendarItems(db.sql, v(), { from: '2019-07-01', to: '2019-07-10' }))).toEqual(['T-5']);
		// begun after its planned end: runs from the actual start, never ends before it
		const late = (await listCalendarItems(db.sql, v(), { from: '2027-01-15', to: '2027-01-25' })).find((i) => i.number === 'T-6')!;
		expect([late.start, late.end]).toEqual(['2027-01-20', '2027-01-20']);
	});

	it('by network, status, promoter, authority, text and limit', async () => {
		expect(numbers(await listCalendarItems(db.sql, v(), { networks: ['strom', 'gas'] }))).toEqual(['T-2', 'T-3', 'T-5']);
		expect(numbers(await listCalendarItems(db.sql, v(), { statuses: ['storniert', 'geplant'] }))).toEqual(['T-3', 'T-4']);
		expect(await listCalendarItems(db.sql, v(), { statuses: [] })).toEqual([]);
		expect(numbers(await listCalendarItems(db.sql, v(), { promoterOrgId: org.other }))).toEqual(['T-4']);
		expect(numbers(await listCalendarItems(db.sql, v(), { authorityOrgId: org.city }))).toEqual(['T-1', 'T-2', 'T-3', 'T-5', 'T-6']);
		expect(numbers(await listCalendarItems(db.sql, v(), { q: 't-2' }))).toEqual(['T-2']);
		expect(numbers(await listCalendarItems(db.sql, v(), { q: '100%' }))).toEqual([]);
		expect(await listCalendarItems(db.sql, v(), { limit: 2 })).toHaveLength(2);
		expect((await listCalendarItems(db.sql, v(), {}))[0]!.number).toBe('T-5'); // earliest first
	});

	it('by part of a street name, however it is spelt', async () => {
		expect(numbers(await listCalendarItems(db.sql, v(), { street: 'leipziger str' }))).toEqual(['T-1', 'T-5']);
		expect(numbers(await listCalendarItems(db.sql, v(), { street: 'Ulrichstr.' }))).toEqual(['T-4']);
		expect(numbers(await listCalendarItems(db.sql, v(), { street: 'Leipziger Straße', from: '2027-01-01' }))).toEqual(['T-1']);
	});

	it('normalises street names in SQL exactly as in TypeScript', async () => {
		const names = ['Leipziger Straße', 'Leipziger Str.', 'LEIPZIGER STRASSE', 'Große Ulrichstr.', 'Äußere Öhrstraße', 'Georg-Cantor-Str', 'Str. des Friedens', 'Strandweg', '  Am   Kirchtor ', 'Müller/Weg – Süd'];
		for (const name of names) {
			const [row] = await db.sql<{ n: string }[]>`select regexp_replace(trim(regexp_replace(translate(
				replace(replace(replace(replace(replace(replace(replace(lower(${name}::text), 'ß', 'ss'), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'ae'), 'Ö', 'oe'), 'Ü', 'ue'),
				'.-–/', '    '), '\\s+', ' ', 'g')), 'str( |$)', 'strasse\\1', 'g') as n`;
			expect(row!.n, name).toBe(normaliseStreet(name));
		}
		// and the query itself finds each spelling of the stored „Leipziger Str.“
		for (const name of names.slice(0, 3)) expect(numbers((await streetHistory(db.sql, v(), name)).items), name).toEqual(['T-1', 'T-5']);
	});
});

describe('a street’s history', () => {
	it('lists every year’s works and the moratoria by name or by area, not lifted ones', async () => {
		const h = await streetHistory(db.sql, viewer(org.other), 'leipziger strasse');
		expect(h.items.map((i) => [i.number, i.start, i.end])).toEqual([
			['T-5', '2019-05-06', '2019-07-12'],
			['T-1', '2027-03-01', '2027-03-31']
		]);
		expect(h.moratoria.map((m) => m.title)).toEqual(['Sperre Leipziger', 'Sperre Fläche ohne Namen']);
		expect(h.moratoria[0]).toMatchObject({ validFrom: '2019-08-01', validUntil: '2024-07-31', mode: 'sperre', status: 'aktiv' });
	});

	it('leaves out cancelled works and what the viewer may not see', async () => {
		expect((await streetHistory(db.sql, viewer(org.platform, true), 'Große Ulrichstraße')).items).toEqual([]);
		expect((await streetHistory(db.sql, viewer(org.other), 'Mansfelder Straße')).items).toEqual([]);
		expect(numbers((await streetHistory(db.sql, viewer(org.city), 'Mansfelder Straße')).items)).toEqual(['T-2']);
		expect(await streetHistory(db.sql, viewer(org.other), 'Nirgendwo')).toEqual({ items: [], moratoria: [] });
	});
});
