/**
 * Databases for integration tests: one migrated template per run (global-setup.ts), a fresh clone
 * of it per test file. CREATE DATABASE … TEMPLATE copies files, so a clone costs ~100 ms instead
 * of a full migration.
 */
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';

/** The maintenance database on the real server (127.0.0.1:5432 here and in CI). */
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function dbUrl(name: string): string {
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	return url.toString();
}

export function admin(): postgres.Sql {
	return postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
}

export interface FreshDb {
	name: string;
	url: string;
	sql: postgres.Sql;
	drop(): Promise<void>;
}

/** A new database cloned from the migrated template named in TIEFBLICK_TEMPLATE_DB. */
export async function freshDatabase(template = process.env.TIEFBLICK_TEMPLATE_DB): Promise<FreshDb> {
	if (!template) throw new Error('TIEFBLICK_TEMPLATE_DB fehlt: läuft global-setup.ts?');
	const name = `tiefblick_t_${randomBytes(5).toString('hex')}`;
	const a = admin();
	try {
		await a.unsafe(`create database ${name} template ${template}`);
	} finally {
		await a.end();
	}
	const url = dbUrl(name);
	const sql = postgres(url, { max: 4, onnotice: () => {} });
	return {
		name,
		url,
		sql,
		async drop() {
			await sql.end({ timeout: 5 });
			const a2 = admin();
			try {
				await a2.unsafe(`drop database if exists ${name} with (force)`);
			} finally {
				await a2.end();
			}
		}
	};
}
