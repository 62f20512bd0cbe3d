/**
 * @module db/migrate
 * Forward-only plain-SQL migrations `sql/NNNN_name.sql`, all pending ones in one transaction.
 * A gap in the numbers or an edited, already applied file stops the start: silently running a
 * schema that differs from the files is worse than not starting.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Sql } from './index';

export interface Migration {
	version: number;
	name: string;
	file: string;
	sql: string;
	checksum: string;
}

/** The migrations folder: `sql/` of the project root (the server always runs from there). */
export const MIGRATIONS_DIR = resolve(process.env.SQL_DIR ?? 'sql');

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.sort();
	return files.map((file, i) => {
		const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
		if (!match) throw new Error(`Migration "${file}" heißt nicht NNNN_name.sql.`);
		const version = Number(match[1]);
		if (version !== i + 1) {
			throw new Error(`Migrationen lückenhaft: erwartet ${String(i + 1).padStart(4, '0')}_…, gefunden ${file}.`);
		}
		const text = readFileSync(join(dir, file), 'utf8');
		return { version, name: match[2]!, file, sql: text, checksum: sha256(text) };
	});
}

function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** Applies pending migrations; returns the versions applied now. */
export async function migrate(sql: Sql, migrations = loadMigrations()): Promise<number[]> {
	return sql.begin(async (tx) => {
		// Two servers starting at once must not both apply the same file.
		await tx`select pg_advisory_xact_lock(727001)`;
		await tx`create table if not exists schema_migrations (
			version integer primary key,
			name text not null,
			checksum text not null,
			applied_at timestamptz not null default now()
		)`;
		const applied = await tx<{ version: number; name: string; checksum: string }[]>`
			select version, name, checksum from schema_migrations order by version`;
		for (const row of applied) {
			const file = migrations.find((m) => m.version === row.version);
			if (!file) {
				throw new Error(
					`Datenbank hat Migration ${row.version} (${row.name}), die im Ordner sql/ fehlt. Start abgebrochen.`
				);
			}
			if (file.checksum !== row.checksum) {
				throw new Error(
					`Migration ${file.file} wurde nach dem Einspielen verändert (Prüfsumme weicht ab). ` +
						'Angewandte Migrationen nie ändern — eine neue anlegen. Start abgebrochen.'
				);
			}
		}
		const done = new Set(applied.map((r) => r.version));
		const pending = migrations.filter((m) => !done.has(m.version));
		for (const m of pending) {
			await tx.unsafe(m.sql).simple();
			await tx`insert into schema_migrations (version, name, checksum) values (${m.version}, ${m.name}, ${m.checksum})`;
		}
		return pending.map((m) => m.version);
	});
}
