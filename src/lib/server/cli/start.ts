/**
 * `npm start` — builds when the sources are newer than the build, then serves it.
 * Without DATABASE_URL the server starts its embedded PostgreSQL (PGlite) and seeds the demo.
 *
 * BODY_SIZE_LIMIT is lifted because adapter-node's own limit answers with plain text; the server
 * enforces its limits itself and answers in the v1 JSON shape (hooks.server.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_ENTRY = 'build/index.js';
const SOURCES = ['src', 'static', 'sql', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

function buildIfNeeded(): void {
	const built = existsSync(BUILD_ENTRY) ? statSync(BUILD_ENTRY).mtimeMs : 0;
	const sources = Math.max(...SOURCES.map(newestMtime));
	if (built >= sources) return;
	console.log(built ? 'Quellen geändert – baue neu …' : 'Erster Start – baue die Anwendung …');
	const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
		stdio: 'inherit'
	});
	if (result.status !== 0) {
		console.error('Build fehlgeschlagen.');
		process.exit(result.status ?? 1);
	}
}

buildIfNeeded();

const port = process.env.PORT ?? '3000';
const env: NodeJS.ProcessEnv = {
	...process.env,
	PORT: port,
	HOST: process.env.HOST ?? '127.0.0.1',
	ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`,
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? 'Infinity'
};
if (!env.DATABASE_URL) console.log('Kein DATABASE_URL gesetzt – starte eingebettete Datenbank (PGlite) mit Demodaten.');
console.log(`Tiefblick startet auf ${env.ORIGIN}`);

const server = spawn(process.execPath, [BUILD_ENTRY], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
