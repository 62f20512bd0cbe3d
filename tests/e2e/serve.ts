/**
 * The web server for the end-to-end tests (playwright.config.ts → webServer):
 * creates a fresh database `tiefblick_e2e_<timestamp>_<pid>`, starts the built app (`node build`) on it
 * with the demo accounts seeded, forwards SIGINT/SIGTERM to it and drops the database when it exits.
 *
 * The server runs from a private copy of build/ (in the system's temp folder, with a link to node_modules),
 * so a `vite build` started elsewhere during the run cannot pull files from under it: adapter-node
 * crashes on a static file that vanished between lookup and read.
 *
 * Two processes: tsx runs this file as a thin launcher, which starts the same file again under plain
 * `node --import tsx` as the supervisor that owns the database and the server. Reason: on SIGTERM the
 * tsx CLI waits only ~60 ms for its child to acknowledge the signal and then SIGKILLs it; on a busy
 * machine that killed the cleanup half way (database and temp folder left behind). The supervisor is
 * not tsx's child, gets the process group's signal from Playwright directly, and holds stdout open
 * until it is done, so Playwright waits for it (gracefulShutdown in playwright.config.ts).
 *
 * TEST_DATABASE_URL may point at the admin/maintenance database of another server
 * (default postgres://postgres@127.0.0.1:5432/postgres); the test database is created beside it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const BUILD_DIR = process.env.TIEFBLICK_BUILD_DIR ?? 'build';
const BUILD_ENTRY = join(BUILD_DIR, 'index.js');
const STOP_GRACE_MS = 5_000;
const ROLE_ENV = 'TIEFBLICK_E2E_SERVE_ROLE';

function log(message: string): void {
	console.log(`[e2e-serve] ${message}`);
}

function adminUrl(): URL {
	const url = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
	if (url.pathname === '' || url.pathname === '/') url.pathname = '/postgres';
	return url;
}

function admin(url: URL) {
	return postgres(url.toString(), { max: 1, onnotice: () => {}, connect_timeout: 10 });
}

async function createDatabase(url: URL, name: string): Promise<void> {
	const sql = admin(url);
	try {
		await sql`create database ${sql(name)}`;
	} finally {
		await sql.end({ timeout: 5 });
	}
}

async function dropDatabase(url: URL, name: string): Promise<void> {
	const sql = admin(url);
	try {
		await sql`drop database if exists ${sql(name)} with (force)`;
		log(`Datenbank ${name} gelöscht.`);
	} catch (e) {
		console.error(`[e2e-serve] Datenbank ${name} konnte nicht gelöscht werden:`, e);
	} finally {
		await sql.end({ timeout: 5 }).catch(() => {});
	}
}

/** Copies build/ to a temp folder beside a node_modules link; returns the folder. */
function snapshotBuild(): string {
	const dir = mkdtempSync(join(tmpdir(), 'tiefblick-e2e-'));
	cpSync(BUILD_DIR, join(dir, 'build'), { recursive: true });
	symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
	return dir;
}

let child: ChildProcess | null = null;
let stopping = false;
let killTimer: NodeJS.Timeout | null = null;

const running = (c: ChildProcess | null): c is ChildProcess => c !== null && c.exitCode === null && c.signalCode === null;

function stop(signal: NodeJS.Signals): void {
	if (stopping) return;
	stopping = true;
	log(`${signal} – beende den Server …`);
	if (!running(child)) return; // not started yet: main() drops the database itself
	child.kill(signal);
	// adapter-node only closes the HTTP server; anything else left open could keep the process alive.
	const c = child;
	killTimer = setTimeout(() => {
		if (running(c)) {
			log('Server beendet sich nicht – SIGKILL.');
			c.kill('SIGKILL');
		}
	}, STOP_GRACE_MS);
}
async function supervise(): Promise<void> {
	// Registered before anything is created, so a stop during start-up still drops the database.
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));

	if (!existsSync(BUILD_ENTRY)) {
		console.error(`[e2e-serve] ${BUILD_ENTRY} fehlt – bitte zuerst bauen: npx vite build --logLevel warn`);
		process.exit(1);
	}

	const maintenance = adminUrl();
	const dbName = `tiefblick_e2e_${Date.now()}_${process.pid}`;
	await createDatabase(maintenance, dbName);
	log(`Datenbank ${dbName} angelegt.`);
	if (stopping) {
		await dropDatabase(maintenance, dbName);
		process.exit(0);
	}
	const databaseUrl = new URL(maintenance.toString());
	databaseUrl.pathname = `/${dbName}`;

	const port = process.env.PORT ?? '4173';
	const env: NodeJS.ProcessEnv = {
		...process.env,
		DATABASE_URL: databaseUrl.toString(),
		TIEFBLICK_DEMO: '1',
		PORT: port,
		HOST: process.env.HOST ?? '127.0.0.1',
		ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`,
		BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? 'Infinity',
		TZ: process.env.TZ ?? 'Europe/Berlin',
		LOGIN_MAX_FAILURES: process.env.LOGIN_MAX_FAILURES ?? '1000',
		REGISTER_MAX_PER_HOUR: process.env.REGISTER_MAX_PER_HOUR ?? '1000'
	};

	// The working directory stays the project (the server reads sql/ from there).
	const snapshot = snapshotBuild();
	const server = spawn(process.execPath, [join(snapshot, 'build', 'index.js')], { stdio: 'inherit', env });
	child = server;
	server.on('error', (e) => console.error('[e2e-serve] Server konnte nicht starten:', e));
	server.on('exit', (code, signal) => {
		if (killTimer) clearTimeout(killTimer);
		log(`Server beendet (${signal ?? `Exit-Code ${code}`}).`);
		rmSync(snapshot, { recursive: true, force: true });
		void dropDatabase(maintenance, dbName).then(() => process.exit(stopping ? 0 : (code ?? 1)));
	});
}

/** Starts the supervisor outside tsx's signal relay and mirrors its exit code. */
function launch(): void {
	const supervisor = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
		stdio: 'inherit',
		env: { ...process.env, [ROLE_ENV]: 'supervisor' }
	});
	// Playwright signals the whole process group; this covers a signal sent to this process alone.
	const relay = (signal: NodeJS.Signals) => {
		if (running(supervisor)) supervisor.kill(signal);
	};
	process.on('SIGINT', relay);
	process.on('SIGTERM', relay);
	supervisor.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.env[ROLE_ENV] === 'supervisor') {
	supervise().catch((e) => {
		console.error('[e2e-serve]', e);
		process.exit(1);
	});
} else {
	launch();
}
