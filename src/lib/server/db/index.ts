/**
 * @module db
 * The one postgres.js instance. `DATABASE_URL` set → that PostgreSQL; unset → embedded PGlite behind
 * pglite-socket, reached through the same client code (see embedded.ts).
 *
 * Every function that runs inside a transaction takes the `tx` it is given (type `Db`): a query on the
 * outer `sql` inside `sql.begin()` waits for a second connection — on PGlite's single-query socket it
 * deadlocks, on PostgreSQL it silently escapes the transaction.
 */
import postgres from 'postgres';
import { config } from '../config';
import { startEmbedded, type Embedded } from './embedded';
import { migrate } from './migrate';

/** A connection or a transaction: what repo functions take. */
export type Db = postgres.ISql;
export type Sql = postgres.Sql;

/** Set by `connect()` during server init; modules import this live binding. */
export let sql: Sql;
let embedded: Embedded | null = null;
let ready = false;

export function createClient(url: string, max = config.dbPoolMax): Sql {
	return postgres(url, {
		max,
		onnotice: () => {},
		connection: { application_name: 'tiefblick', TimeZone: 'UTC' }
	});
}

/** Connects (starting the embedded database if needed) and applies pending migrations. */
export async function connect(): Promise<Sql> {
	if (sql) return sql;
	let url = config.databaseUrl;
	let max = config.dbPoolMax;
	if (!url) {
		// One connection: pglite-socket queues protocol *messages*, not whole queries, so two connections'
		// Parse/Bind/Execute interleave outside a transaction — one's Execute then finds the other's unnamed
		// portal ("portal \"\" does not exist") or runs the other's statement. PGlite runs one query at a
		// time anyway; postgres.js queues the rest in order.
		max = 1;
		embedded = await startEmbedded(config.dataDir, max);
		url = embedded.url;
		console.log(`[db] eingebettete Datenbank (PGlite) unter ${embedded.dir}`);
	}
	sql = createClient(url, max);
	await migrate(sql);
	ready = true;
	return sql;
}

export function isEmbedded(): boolean {
	return embedded !== null;
}

/** For /healthz: the database answers and migrations went through. */
export async function healthy(): Promise<boolean> {
	if (!ready) return false;
	try {
		await sql`select 1`;
		return true;
	} catch {
		return false;
	}
}

export async function disconnect(): Promise<void> {
	if (sql) await sql.end({ timeout: 5 });
	if (embedded) await embedded.stop();
	embedded = null;
}
