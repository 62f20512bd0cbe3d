/**
 * The demo's construction calendar (issue #5, point 9) against `node build`: a demo start on a fresh
 * database seeds the Baustellen through the service — with a high overlap, a blocking Aufbruchsperre,
 * a § 146 TKG co-laying chance, permits in many states, a running § 127 TKG clock and every lifecycle
 * status — dated relative to the server clock (two different FAKE_NOW dates), and a restart seeds
 * nothing new. Then the embedded default (no DATABASE_URL) seeds the same.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { api, createToken } from './helpers/client';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';

/** The one row a count query returns. */
const onlyRow = <T>(rows: readonly T[]): T => {
	if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
	return rows[0]!;
};

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
});

const berlinDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(iso));
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const seedLine = (output: string) => output.split('\n').find((l) => l.startsWith('Demo-Baustellen angelegt'));

async function demoServer(dbUrl: string, dataDir: string, fakeNow: string): Promise<TestServer> {
	return startServer({ DATABASE_URL: dbUrl, DATA_DIR: dataDir, TIEFBLICK_DEMO: '1', FAKE_NOW: fakeNow }, 120_000);
}

/** Everything the demo promises, read straight from the database. */
async function checkDemo(db: FreshDb, today: string): Promise<void> {
	const sql = db.sql;
	const { n } = onlyRow(await sql<{ n: number }[]>`select count(*)::int as n from baustellen`);
	expect(n).toBeGreaterThanOrEqual(12);
	expect(n).toBeLessThanOrEqual(18);

	const statuses = (await sql<{ status: string }[]>`select distinct status from baustellen`).map((r) => r.status);
	expect(statuses).toEqual(expect.arrayContaining(['geplant', 'beantragt', 'genehmigt', 'in_ausfuehrung', 'abgeschlossen', 'abgenommen', 'storniert']));

	// dated around today: one running since about two weeks, one finished, most still ahead
	const [running] = await sql<{ start: string; end: string }[]>`
		select actual_start::text as start, planned_end::text as end from baustellen where status = 'in_ausfuehrung'`;
	expect(running!.start >= plusDays(today, -21) && running!.start <= plusDays(today, -7)).toBe(true);
	expect(running!.end > today).toBe(true);
	const { ahead } = onlyRow(await sql<{ ahead: number }[]>`select count(*)::int as ahead from baustellen where planned_start > ${today}::date`);
	expect(ahead).toBeGreaterThanOrEqual(8);
	const { future } = onlyRow(await sql<{ future: number }[]>`
		select count(*)::int as future from baustellen
		where actual_start > ${today}::date or actual_end > ${today}::date or (created_at at time zone 'Europe/Berlin')::date > ${today}::date`);
	expect(future).toBe(0);

	// conflicts: the same section dug twice, the Aufbruchsperre blocking and exempting, § 146 TKG, frost
	const conflicts = await sql<{ kind: string; severity: string; blocking: boolean; tkg146: string | null; exempted: string | null; message: string }[]>`
		select kind, severity, blocking, details->>'tkg146' as tkg146, details->>'exempted' as exempted, message from baustelle_conflicts`;
	const high = conflicts.find((c) => c.kind === 'ueberschneidung' && c.severity === 'hoch');
	expect(high?.message).toContain('gleicher Straßenabschnitt (Große Ulrichstraße)');
	expect(conflicts.some((c) => c.kind === 'moratorium' && c.blocking && c.severity === 'hoch')).toBe(true);
	expect(conflicts.some((c) => c.kind === 'moratorium' && !c.blocking && c.exempted === 'true')).toBe(true);
	const colaying = conflicts.find((c) => c.kind === 'mitverlegung' && c.tkg146 === 'true');
	expect(colaying?.message).toContain('§ 146 TKG');
	expect(conflicts.some((c) => c.kind === 'frost')).toBe(true);

	// the Aufbruchsperre after last year's Deckenerneuerung, and the proposal after today's Abnahme
	const moratoria = await sql<{ status: string; mode: string; valid_from: string; valid_until: string; legal_basis: string; exemptions: string[] }[]>`
		select status, mode, valid_from::text, valid_until::text, legal_basis, exemptions from moratoria order by status`;
	const active = moratoria.find((m) => m.status === 'aktiv')!;
	const lastYear = Number(today.slice(0, 4)) - 1;
	expect(active).toMatchObject({ mode: 'sperre' });
	expect(active.valid_from.startsWith(String(lastYear))).toBe(true);
	expect(active.valid_until > plusDays(today, 900) && active.valid_until < plusDays(today, 1460)).toBe(true);
	expect(active.legal_basis).toContain(`Deckenerneuerung ${lastYear}`);
	expect(active.exemptions).toContain('hausanschluss');
	expect(moratoria.some((m) => m.status === 'vorgeschlagen' && m.valid_from === today)).toBe(true);
	const [decke] = await sql<{ number: string; created: string }[]>`
		select number, created_at::date::text as created from baustellen where status = 'abgenommen' and planned_start < ${`${lastYear + 1}-01-01`}::date`;
	expect(decke!.number.startsWith(`BS-${lastYear}-`)).toBe(true);

	// permits: many states, a running § 127 TKG clock due within weeks, working-day clocks still running
	const permits = await sql<{ kind: string; status: string; due: string | null; conditions: string; reason: string; authority: string }[]>`
		select p.kind, p.status, p.due_at::text as due, p.conditions, p.reason, o.name as authority
		from permits p join organisations o on o.id = p.authority_org_id`;
	const permitStatuses = new Set(permits.map((p) => p.status));
	expect(permitStatuses.size).toBeGreaterThanOrEqual(5);
	for (const s of ['offen', 'eingereicht', 'vollstaendig', 'nachforderung', 'erteilt', 'erteilt_mit_auflagen', 'abgelehnt']) expect(permitStatuses).toContain(s);
	const tkg = permits.find((p) => p.kind === 'tkg_zustimmung' && p.status === 'vollstaendig')!;
	expect(tkg.due! > today && tkg.due! <= plusDays(today, 42)).toBe(true);
	for (const p of permits.filter((p) => p.status === 'vollstaendig')) expect(p.due! > today).toBe(true);
	expect(permits.find((p) => p.status === 'erteilt_mit_auflagen')!.conditions.length).toBeGreaterThan(20);
	expect(permits.find((p) => p.status === 'abgelehnt')!.reason.length).toBeGreaterThan(20);
	expect(permits.find((p) => p.status === 'nachforderung')!.reason.length).toBeGreaterThan(20);
	// the Land decides the Aufgrabeerlaubnis on its L 164 (Demo)
	expect(permits.some((p) => p.kind === 'aufgrabeerlaubnis' && p.authority.startsWith('Landesstraßenbaubehörde'))).toBe(true);

	// interkommunal: one Baustelle routed to both municipalities
	const { both } = onlyRow(await sql<{ both: number }[]>`select count(*)::int as both from (
		select baustelle_id from baustelle_authorities where reason = 'gebiet' group by baustelle_id having count(*) >= 2) x`);
	expect(both).toBeGreaterThanOrEqual(1);

	// a private promoter: the Bauherr only in the contact
	const [privat] = await sql<{ contact: { bauherr: string } }[]>`select contact from baustellen where promoter_private`;
	expect(privat!.contact.bauherr).not.toBe('');
}

describe('demo Baustellen on PostgreSQL', () => {
	it('seeds a coherent calendar relative to the server clock, and only once', { timeout: 300_000 }, async () => {
		const db = await freshDatabase();
		const dataDir = mkdtempSync(join(tmpdir(), 'tb-demo-bs-'));
		cleanups.push(() => db.drop(), () => rmSync(dataDir, { recursive: true, force: true }));
		const fakeNow = '2027-03-10T09:00:00+01:00';
		const first = await demoServer(db.url, dataDir, fakeNow);
		let numbers: string[];
		try {
			const line = seedLine(first.output());
			expect(line, first.output()).toMatch(/^Demo-Baustellen angelegt: (\d+) von \1 in /);
			console.log(`PostgreSQL: ${line}`);
			expect(first.output()).not.toContain('[demo] Baustellen');
			await checkDemo(db, berlinDate(fakeNow));

			// what the Tiefbauamt sees through the API: its Baustellen with their conflicts
			const token = await createToken(first.url, 'tiefbauamt@halle.demo', DEMO_PASSWORD);
			const list = await api(first.url, 'GET', '/api/v1/baustellen?scope=behoerde&limit=200', { token });
			expect(list.status).toBe(200);
			expect(list.body.total).toBeGreaterThanOrEqual(10);
			const blocked = list.body.items.find((b: any) => b.conflicts.blocking > 0);
			expect(blocked.title).toContain('Gasleitung');
			const konflikte = await api(first.url, 'GET', `/api/v1/baustellen/${blocked.id}/konflikte`, { token });
			expect(konflikte.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'moratorium', blocking: true })]));
			numbers = (await db.sql<{ number: string }[]>`select number from baustellen order by number`).map((r) => r.number);
		} finally {
			await first.stop();
		}

		const second = await demoServer(db.url, dataDir, fakeNow);
		try {
			expect(seedLine(second.output())).toBeUndefined();
			expect((await db.sql<{ number: string }[]>`select number from baustellen order by number`).map((r) => r.number)).toEqual(numbers);
		} finally {
			await second.stop();
		}
	});

	it('dates the same calendar around another today', { timeout: 300_000 }, async () => {
		const db = await freshDatabase();
		const dataDir = mkdtempSync(join(tmpdir(), 'tb-demo-bs-'));
		cleanups.push(() => db.drop(), () => rmSync(dataDir, { recursive: true, force: true }));
		// in the frost period, a week before Christmas
		const fakeNow = '2026-12-17T15:00:00+01:00';
		const server = await demoServer(db.url, dataDir, fakeNow);
		try {
			expect(seedLine(server.output()), server.output()).toBeDefined();
			await checkDemo(db, berlinDate(fakeNow));
		} finally {
			await server.stop();
		}
	});
});

describe('demo Baustellen on the embedded database', () => {
	it('seeds them on the first start without DATABASE_URL', { timeout: 300_000 }, async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'tb-demo-bs-pglite-'));
		cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
		const server = await startServer({ DATABASE_URL: undefined, TIEFBLICK_DEMO: undefined, DATA_DIR: dataDir }, 240_000);
		try {
			const line = seedLine(server.output());
			expect(line, server.output()).toMatch(/^Demo-Baustellen angelegt: (\d+) von \1 in /);
			console.log(`PGlite: ${line}`);
			expect(server.output()).not.toContain('[demo] Baustellen');
			// the seeding's notifications kick the webhook dispatcher while the seeding goes on: with more
			// than one connection the socket interleaved their statements ("portal \"\" does not exist")
			expect(server.output()).not.toContain('PostgresError');
			const token = await createToken(server.url, 'admin@tiefblick.demo', DEMO_PASSWORD);
			const list = await api(server.url, 'GET', '/api/v1/baustellen?limit=200', { token });
			expect(list.status).toBe(200);
			expect(list.body.total).toBeGreaterThanOrEqual(12);
			const statuses = new Set(list.body.items.map((b: any) => b.status));
			for (const s of ['in_ausfuehrung', 'abgeschlossen', 'abgenommen', 'storniert']) expect(statuses).toContain(s);
		} finally {
			await server.stop();
		}
	});
});
