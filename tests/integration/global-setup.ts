/**
 * Once per vitest run: a migrated template database on the real PostgreSQL that every integration
 * test file clones. Removed again at the end.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { migrate } from '../../src/lib/server/db/migrate';
import { admin, dbUrl } from './helpers/pg';

export default async function setup(): Promise<() => Promise<void>> {
	process.env.TZ = 'Europe/Berlin';
	const name = `tiefblick_tpl_${randomBytes(4).toString('hex')}`;
	const a = admin();
	try {
		await a.unsafe(`create database ${name}`);
	} catch (e) {
		await a.end();
		throw new Error(
			`Keine Test-Datenbank: PostgreSQL unter ${dbUrl('postgres')} nicht erreichbar (${(e as Error).message}). ` +
				'Lokal starten oder TEST_DATABASE_URL setzen.'
		);
	}
	await a.end();
	const sql = postgres(dbUrl(name), { max: 1, onnotice: () => {} });
	await migrate(sql);
	await sql.end();
	// workers inherit the environment of the main process
	process.env.TIEFBLICK_TEMPLATE_DB = name;
	return async () => {
		const a2 = admin();
		await a2.unsafe(`drop database if exists ${name} with (force)`);
		await a2.end();
	};
}
