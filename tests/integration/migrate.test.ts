/** Migrations: idempotent, in one transaction, and a gap or an edited applied file stops the start. */
import { cpSync, mkdtempSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { loadMigrations, migrate } from '../../src/lib/server/db/migrate';

let db: FreshDb;
let dir: string;

beforeAll(async () => {
	db = await freshDatabase();
	dir = mkdtempSync(join(tmpdir(), 'tb-sql-'));
	cpSync('sql', dir, { recursive: true });
});
afterAll(async () => {
	await db?.drop();
	rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
	it('applies nothing twice', async () => {
		expect(await migrate(db.sql, loadMigrations(dir))).toEqual([]);
	});

	it('applies a new file, and rolls back all of it when one statement fails', async () => {
		const next = String(loadMigrations(dir).length + 1).padStart(4, '0');
		writeFileSync(join(dir, `${next}_broken.sql`), 'create table probe_a (id int);\nselect * from table_that_is_not_there;\n');
		await expect(migrate(db.sql, loadMigrations(dir))).rejects.toThrow(/table_that_is_not_there/);
		expect(await db.sql`select 1 from pg_tables where tablename = 'probe_a'`).toHaveLength(0);
		writeFileSync(join(dir, `${next}_broken.sql`), 'create table probe_a (id int);\n');
		expect(await migrate(db.sql, loadMigrations(dir))).toEqual([Number(next)]);
	});

	it('stops on a gap in the numbers', () => {
		writeFileSync(join(dir, '0099_gap.sql'), 'select 1;');
		expect(() => loadMigrations(dir)).toThrow(/lückenhaft/);
		rmSync(join(dir, '0099_gap.sql'));
	});

	it('stops when an applied file was edited', async () => {
		appendFileSync(join(dir, '0001_auth.sql'), '\n-- a harmless looking edit\n');
		await expect(migrate(db.sql, loadMigrations(dir))).rejects.toThrow(/0001_auth\.sql wurde nach dem Einspielen verändert/);
	});
});
