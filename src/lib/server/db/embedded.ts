/**
 * @module db/embedded
 * PGlite (PostgreSQL compiled to WASM) behind pglite-socket, so `npm start` needs no database server.
 * Measured: first open of a fresh data dir ~6 s / ~900 MB peak, reopen ~0.7 s / ~340 MB.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface Embedded {
	url: string;
	dir: string;
	stop(): Promise<void>;
}

export async function startEmbedded(dataDir: string, maxConnections: number): Promise<Embedded> {
	const dir = resolve(dataDir, 'pglite');
	// PGlite creates its own folder but not the parent.
	mkdirSync(resolve(dataDir), { recursive: true });
	const db = await PGlite.create(dir);
	// Port 0: the OS picks a free port. Never the socket's default 5432, where a real server may listen.
	// maxConnections must be ≥ the pool's max, or the extra pool connections hang.
	const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
	await server.start();
	const conn = server.getServerConn(); // "127.0.0.1:PORT"
	return {
		url: `postgres://postgres@${conn}/postgres`,
		dir,
		async stop() {
			await server.stop();
			await db.close();
		}
	};
}
