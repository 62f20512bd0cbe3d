/**
 * @module demo/seed
 * Seeds the demo accounts on the embedded default (or with TIEFBLICK_DEMO=1). Idempotent: an account
 * that exists is left as it is, so a restart neither duplicates nor resets anything.
 */
import type { Sql } from '../db';
import { now } from '../clock';
import { appendAudit } from '../audit/repo';
import { hashPassword } from '../auth/password';
import { emailTaken, findOrgByName, insertMembership, insertOrg, insertUser } from '../accounts/repo';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';

export async function seedDemo(sql: Sql, log = true): Promise<number> {
	let created = 0;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	for (const account of DEMO_ACCOUNTS) {
		await sql.begin(async (tx) => {
			if (await emailTaken(tx, account.email)) return;
			const org =
				(await findOrgByName(tx, account.org)) ??
				(await insertOrg(tx, { name: account.org, roles: account.roles, verifiedAt: account.verified ? now() : null }));
			const user = await insertUser(tx, { email: account.email, name: account.person, passwordHash });
			await insertMembership(tx, { userId: user.id, orgId: org.id, role: 'admin', status: 'active' });
			await appendAudit(tx, { action: 'demo.seeded', actorUser: user.id, actorOrg: org.id, subject: org.id });
			created++;
		});
	}
	if (log) {
		console.log(`\nDemo-Zugänge (Passwort für alle: ${DEMO_PASSWORD})${created ? `, ${created} neu angelegt` : ''}:`);
		for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(36)} ${a.org}`);
		console.log('');
	}
	return created;
}
