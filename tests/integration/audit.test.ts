/**
 * The audit chain under concurrency and tampering: parallel logins must not fork it, a changed row is
 * caught by `npm run audit:verify`, and the chain holds no personal data.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { Browser, TEST_PASSWORD, seedAccount } from './helpers/client';
import { verifyAuditChain } from '../../src/lib/server/audit/repo';

let db: FreshDb;
let server: TestServer;

beforeAll(async () => {
	db = await freshDatabase();
	server = await startServer({ DATABASE_URL: db.url });
	await seedAccount(db.sql, { org: 'Bau P', roles: ['bauunternehmen'], verified: true, email: 'p@bau.example' });
});
afterAll(async () => {
	await server?.stop();
	await db?.drop();
});

function verifyCli(): { status: number | null; out: string } {
	const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/lib/server/audit/verify-cli.ts'], {
		env: { ...process.env, DATABASE_URL: db.url },
		encoding: 'utf8'
	});
	return { status: r.status, out: r.stdout + r.stderr };
}

describe('audit chain', () => {
	it('stays one chain under 24 parallel logins (successes and failures)', async () => {
		const attempts = Array.from({ length: 24 }, (_, i) =>
			new Browser(server.url).login('p@bau.example', i % 3 === 0 ? 'falsches-Passwort' : TEST_PASSWORD)
		);
		const statuses = (await Promise.all(attempts)).map((r) => r.status);
		expect(statuses.filter((s) => s === 303)).toHaveLength(16);
		expect(statuses.filter((s) => s === 400)).toHaveLength(8);

		const rows = await db.sql<{ seq: string; action: string }[]>`select seq, action from audit_log order by seq`;
		expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
		expect(rows.filter((r) => r.action === 'login.success')).toHaveLength(16);
		expect(rows.filter((r) => r.action === 'login.failure')).toHaveLength(8);
		const result = await verifyAuditChain(db.sql);
		expect(result).toEqual({ ok: true, checked: 24, break: null });
	});

	it('keeps e-mails and IPs out of the chain, beside it with an expiry', async () => {
		const chain = JSON.stringify(await db.sql`select * from audit_log`);
		expect(chain).not.toContain('@');
		expect(chain).not.toContain('127.0.0.1');
		const personal = await db.sql<{ email: string; ip: string; expires_at: Date }[]>`select * from audit_personal`;
		expect(personal.length).toBeGreaterThan(0);
		expect(personal[0]!.email).toBe('p@bau.example');
		expect(personal[0]!.ip).toMatch(/127\.0\.0\.1/);
		// erasure of personal data does not touch the chain
		await db.sql`delete from audit_personal`;
		expect((await verifyAuditChain(db.sql)).ok).toBe(true);
	});

	it('refuses updates and deletes on the table', async () => {
		await expect(db.sql`update audit_log set action = 'x' where seq = 1`).rejects.toThrow(/nur anhängbar/);
		await expect(db.sql`delete from audit_log where seq = 1`).rejects.toThrow(/nur anhängbar/);
	});

	it('npm run audit:verify passes an intact chain and names the first tampered row', async () => {
		const ok = verifyCli();
		expect(ok.status, ok.out).toBe(0);
		expect(ok.out).toContain('Audit-Kette intakt: 24 Einträge geprüft.');

		// an attacker with database rights bypasses the trigger and rewrites row 7
		await db.sql.begin(async (tx) => {
			await tx`alter table audit_log disable trigger audit_log_no_update`;
			await tx`update audit_log set data = ${tx.json({ via: 'session', forged: true })} where seq = 7`;
			await tx`alter table audit_log enable trigger audit_log_no_update`;
		});
		const broken = verifyCli();
		expect(broken.status).toBe(1);
		expect(broken.out).toContain('Audit-Kette GEBROCHEN bei Eintrag Nr. 7: Inhalt passt nicht zum gespeicherten Hash.');
	});
});
