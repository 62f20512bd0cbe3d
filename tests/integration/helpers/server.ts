/**
 * Runs the real production build (`node build`) against a test database, the way adapter-node runs
 * in production, and talks to it over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export interface TestServer {
	url: string;
	output: () => string;
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

export async function startServer(env: Record<string, string | undefined>, timeoutMs = 30_000): Promise<TestServer> {
	const entry = `${process.env.TIEFBLICK_BUILD_DIR ?? 'build'}/index.js`;
	if (!existsSync(entry)) throw new Error(`${entry} fehlt: zuerst \`npx vite build\` (npm test macht das).`);
	for (let attempt = 1; ; attempt++) {
		try {
			return await startOn(entry, await freePort(), env, timeoutMs);
		} catch (e) {
			// lost the port to another test file's server between freePort() and listen(): take another
			if (attempt < 3 && e instanceof Error && e.message.includes('EADDRINUSE')) continue;
			throw e;
		}
	}
}

async function startOn(entry: string, port: number, env: Record<string, string | undefined>, timeoutMs: number): Promise<TestServer> {
	const url = `http://127.0.0.1:${port}`;
	const childEnv: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: url,
		BODY_SIZE_LIMIT: 'Infinity',
		TIEFBLICK_DEMO: '0',
		LOGIN_MAX_FAILURES: '1000',
		REGISTER_MAX_PER_HOUR: '1000',
		...env
	};
	for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
	const child: ChildProcess = spawn(process.execPath, [entry], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));

	// The port was free when freePort() asked, but another test file's server may have taken it since
	// (files run in parallel). Its /healthz would answer too, so wait for our own child to say that it
	// listens before trusting the health check; a child that lost the race exits with EADDRINUSE.
	const listening = `Listening on http://127.0.0.1:${port}`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`Server beendet (Code ${child.exitCode}):\n${log}`);
		try {
			if (log.includes(listening)) {
				const res = await fetch(`${url}/healthz`);
				if (res.status === 200) break;
			}
		} catch {
			// not ready yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`Server nicht bereit nach ${timeoutMs} ms:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		output: () => log,
		async stop() {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
				await exited;
				clearTimeout(killer);
			}
		}
	};
}
