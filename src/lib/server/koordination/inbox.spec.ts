/**
 * The road authority's Eingang on a real PostgreSQL (a fresh clone of the migrated template): only its
 * own Baustellen and permits, the five groups, overdue clocks first with working days left, the TKG
 * fiction date, a clash listed once, and the filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from '../../../../tests/integration/helpers/pg';
import { insertSampleBaustelle, insertSampleConflict } from '../kalender/sample';
import { inbox, parseInboxFilter } from './inbox';

let db: FreshDb;
const org = { firm: '', city: '', other: '' };
const ids: Record<string, string> = {};
const TODAY = '2030-03-20'; // a Wednesday

async function makeOrg(name: string, roles: string): Promise<{ id: string; user: string }> {
	const [o] = await db.sql<{ id: string }[]>`insert into organisations (name, roles, verified_at) values (${name}, string_to_array(${roles}, ','), now()) returning id`;
	const [u] = await db.sql<{ id: string }[]>`insert into users (email, name, password_hash) values (${`${name.replace(/\W/g, '')}@test.invalid`}, ${name}, 'x') returning id`;
	await db.sql`insert into memberships (user_id, org_id, role, status) values (${u!.id}, ${o!.id}, 'admin', 'active')`;
	return { id: o!.id, user: u!.id };
}

async function permit(baustelleId: string, kind: string, status: string, dates: { submitted?: string; complete?: string; due?: string }, authority = org.city): Promise<string> {
	const [p] = await db.sql<{ id: string }[]>`insert into permits (baustelle_id, kind, authority_org_id, status, submitted_at, complete_at, due_at, created_at, updated_at)
		values (${baustelleId}, ${kind}, ${authority}, ${status}, ${dates.submitted ?? null}, ${dates.complete ?? null}, ${dates.due ?? null}, now(), now()) returning id`;
	return p!.id;
}

beforeAll(async () => {
	db = await freshDatabase();
	const firm = await makeOrg('Stadtwerke Test', 'netzbetreiber,bauunternehmen');
	const city = await makeOrg('Stadt Test, Tiefbauamt', 'kommune');
	const other = await makeOrg('Gemeinde Nebenan', 'kommune');
	Object.assign(org, { firm: firm.id, city: city.id, other: other.id });
	const base = { orgId: firm.id, createdBy: firm.user, authorities: [city.id], networks: ['wasser'] };
	ids.planned = await insertSampleBaustelle(db.sql, { ...base, number: 'K-1', title: 'Trinkwasser', street: 'Leipziger Straße', status: 'beantragt', plannedStart: '2030-05-01', plannedEnd: '2030-05-31' });
	ids.clash = await insertSampleBaustelle(db.sql, { ...base, number: 'K-2', title: 'Glasfaser', street: 'Leipziger Straße', status: 'geplant', plannedStart: '2030-05-10', plannedEnd: '2030-06-10', promoterPrivate: true });
	ids.running = await insertSampleBaustelle(db.sql, { ...base, number: 'K-3', title: 'Fernwärme', street: 'Hansering', status: 'in_ausfuehrung', plannedStart: '2030-02-01', plannedEnd: '2030-03-10', actualStart: '2030-02-03' });
	ids.onTime = await insertSampleBaustelle(db.sql, { ...base, number: 'K-4', title: 'Strom', street: 'Große Ulrichstraße', status: 'in_ausfuehrung', plannedStart: '2030-03-01', plannedEnd: '2030-04-10', actualStart: '2030-03-02' });
	ids.done = await insertSampleBaustelle(db.sql, { ...base, number: 'K-5', title: 'Gas', street: 'Herrenstraße', status: 'abgeschlossen', plannedStart: '2030-01-10', plannedEnd: '2030-02-20', actualStart: '2030-01-10', actualEnd: '2030-02-18' });
	ids.granted = await insertSampleBaustelle(db.sql, { ...base, number: 'K-6', title: 'Abwasser', street: 'Große Ulrichstraße', status: 'genehmigt', plannedStart: '2030-04-01', plannedEnd: '2030-04-30' });
	ids.foreign = await insertSampleBaustelle(db.sql, { ...base, number: 'K-7', title: 'Nebenan', street: 'Leipziger Straße', status: 'geplant', plannedStart: '2030-05-01', plannedEnd: '2030-05-31', authorities: [other.id] });

	// applications: one overdue, one running, one TKG clock, one waiting for the completeness check, one sent back
	ids.pOverdue = await permit(ids.planned, 'aufgrabeerlaubnis', 'vollstaendig', { submitted: '2030-03-01', complete: '2030-03-04', due: '2030-03-18' });
	ids.pRunning = await permit(ids.planned, 'verkehrsrechtliche_anordnung', 'vollstaendig', { submitted: '2030-03-01', complete: '2030-03-19', due: '2030-04-02' });
	ids.pTkg = await permit(ids.clash, 'tkg_zustimmung', 'vollstaendig', { submitted: '2030-03-10', complete: '2030-03-11', due: '2030-06-11' });
	ids.pWaiting = await permit(ids.clash, 'aufgrabeerlaubnis', 'eingereicht', { submitted: '2030-03-15' });
	ids.pBack = await permit(ids.granted, 'sondernutzung', 'nachforderung', { submitted: '2030-03-02' });
	await permit(ids.granted, 'aufgrabeerlaubnis', 'erteilt', { submitted: '2030-03-02', complete: '2030-03-03', due: '2030-03-17' });
	await permit(ids.foreign, 'aufgrabeerlaubnis', 'eingereicht', { submitted: '2030-03-15' }, org.other);

	// a clash stored from both sides, a low one, a blocking moratorium, a co-laying chance
	await insertSampleConflict(db.sql, ids.planned, { kind: 'ueberschneidung', severity: 'hoch', message: 'K-1 überschneidet K-2', otherId: ids.clash });
	await insertSampleConflict(db.sql, ids.clash, { kind: 'ueberschneidung', severity: 'hoch', message: 'K-2 überschneidet K-1', otherId: ids.planned });
	await insertSampleConflict(db.sql, ids.onTime, { kind: 'frost', severity: 'niedrig', message: 'Frost' });
	await insertSampleConflict(db.sql, ids.granted, { kind: 'moratorium', severity: 'hoch', blocking: true, message: 'Aufbruchsperre Große Ulrichstraße' });
	await insertSampleConflict(db.sql, ids.planned, { kind: 'mitverlegung', severity: 'hinweis', message: 'Mitverlegung', otherId: ids.clash });
	await insertSampleConflict(db.sql, ids.done, { kind: 'ueberschneidung', severity: 'hoch', message: 'erledigt', otherId: ids.running });
});

afterAll(async () => {
	await db?.drop();
});

const numbers = (items: { number: string }[]) => items.map((i) => i.number);

describe('inbox', () => {
	it('groups the authority’s own Baustellen and nobody else’s', async () => {
		const box = await inbox(db.sql, org.city, TODAY);
		expect(numbers(box.neu)).toEqual(['K-2', 'K-1']);
		expect(numbers(box.laufend)).toEqual(['K-3', 'K-4']);
		expect(box.laufend[0]!.overrun).toBe(true);
		expect(box.laufend[1]!.overrun).toBe(false);
		expect(numbers(box.abnahme)).toEqual(['K-5']);
		expect(box.neu.find((b) => b.number === 'K-2')!.promoter).toBe('privat');
		expect(box.neu.find((b) => b.number === 'K-1')!.conflicts).toEqual({ count: 1, blocking: 0, highest: 'hoch' });
		const other = await inbox(db.sql, org.other, TODAY);
		expect(numbers(other.neu)).toEqual(['K-7']);
		expect(other.antraege.map((p) => p.baustelle.number)).toEqual(['K-7']);
	});

	it('lists pending applications overdue first, with working days left and the TKG fiction date', async () => {
		const { antraege } = await inbox(db.sql, org.city, TODAY);
		expect(antraege.map((p) => p.id)).toEqual([ids.pOverdue, ids.pRunning, ids.pTkg, ids.pWaiting, ids.pBack]);
		const [overdue, running, tkg, waiting, back] = antraege;
		// due Monday 18.03., today Wednesday 20.03.: two working days past
		expect(overdue!.clock).toMatchObject({ running: true, overdue: true, dueAt: '2030-03-18', daysLeft: -2 });
		expect(running!.clock).toMatchObject({ overdue: false, daysLeft: 9 });
		expect(running!.unit).toBe('arbeitstage');
		expect(tkg!.unit).toBe('monate');
		expect(tkg!.fictionFrom).toBe('2030-06-12');
		expect(running!.fictionFrom).toBeNull();
		expect(waiting!.clock.running).toBe(false);
		expect(waiting!.waitingDays).toBe(3);
		expect(back!.status).toBe('nachforderung');
	});

	it('lists a clash once, leaves out low ones, co-laying chances and finished works', async () => {
		const { konflikte } = await inbox(db.sql, org.city, TODAY);
		expect(konflikte.map((c) => [c.kind, c.baustelle.number])).toEqual([
			['moratorium', 'K-6'],
			['ueberschneidung', 'K-1']
		]);
		expect(konflikte[0]!.blocking).toBe(true);
		expect(konflikte[1]!.other?.number).toBe('K-2');
	});

	it('filters by street (as the calendar spells it) and by status', async () => {
		const byStreet = await inbox(db.sql, org.city, TODAY, parseInboxFilter(new URLSearchParams('strasse=leipziger str')));
		expect(numbers(byStreet.neu)).toEqual(['K-2', 'K-1']);
		expect(byStreet.laufend).toEqual([]);
		expect(byStreet.konflikte.map((c) => c.baustelle.number)).toEqual(['K-1']);
		expect(byStreet.streets).toContain('Hansering');
		const byStatus = await inbox(db.sql, org.city, TODAY, parseInboxFilter(new URLSearchParams('status=genehmigt')));
		expect(byStatus.neu).toEqual([]);
		expect(byStatus.antraege.map((p) => p.id)).toEqual([ids.pBack]);
		expect(parseInboxFilter(new URLSearchParams('status=unsinn')).status).toBeNull();
	});
});
