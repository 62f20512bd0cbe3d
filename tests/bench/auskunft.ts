/**
 * Full `POST /api/v1/auskuenfte` over HTTP, PDF included, against the production build on a fresh
 * PostgreSQL database with the demo networks of Halle: p50/p99 at concurrency 1 (target p50 ≤ 150 ms)
 * and requests/s + p99 at concurrency 32 (target ≥ 15/s on 2 cores). Rate limits are lifted.
 * `npx tsx tests/bench/auskunft.ts [requests]` (build first: `npx vite build`). Prints, asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { utmToLonLat } from '../../src/lib/geo/crs';
import { randomAreaRing } from '../../src/lib/server/auskunft/clip/random-area';
import { validateWorkArea } from '../../src/lib/server/auskunft/clip';
import { seededRandom } from '../../src/lib/server/layers/reader/synthetic';

const ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = 4391;
const BASE = `http://127.0.0.1:${PORT}`;
// the demo area (Altstadt of Halle), EPSG:25832
const AREA: [number, number, number, number] = [705_900, 5_706_700, 707_100, 5_707_900];

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function bodies(n: number): object[] {
	const rnd = seededRandom(7);
	const out: object[] = [];
	while (out.length < n) {
		const centre = [AREA[0] + rnd() * (AREA[2] - AREA[0]), AREA[1] + rnd() * (AREA[3] - AREA[1])];
		const ring = randomAreaRing(rnd, centre, { jitter: 0.6 }).map((p) => utmToLonLat(p).map((v) => Math.round(v * 1e7) / 1e7));
		const geometry = { type: 'Polygon', coordinates: [ring] };
		if (!validateWorkArea(geometry).ok) continue;
		out.push({ type: 'bau', workClass: 'aufgrabung', geometry, period: { start: '2030-06-01', end: '2030-06-30' }, description: 'Benchmark' });
	}
	return out;
}

async function post(token: string, body: object): Promise<number> {
	const started = performance.now();
	const res = await fetch(`${BASE}/api/v1/auskuenfte`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
	await res.arrayBuffer();
	if (res.status !== 201) throw new Error(`POST ${res.status}`);
	return performance.now() - started;
}

export async function runAuskunftBench(requests = 200, log: (s: string) => void = console.log): Promise<void> {
	const name = `tiefblick_bench_${process.pid}`;
	const admin = postgres(ADMIN, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(ADMIN);
	url.pathname = `/${name}`;
	const dataDir = mkdtempSync(join(tmpdir(), 'tb-bench-'));
	const server = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, DATABASE_URL: url.toString(), DATA_DIR: dataDir, TIEFBLICK_DEMO: '1', PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: BASE, BODY_SIZE_LIMIT: 'Infinity', AUSKUNFT_MAX_PER_HOUR: '1000000000', LOGIN_MAX_FAILURES: '1000' },
		stdio: 'ignore'
	});
	try {
		for (let i = 0; ; i++) {
			try {
				if ((await fetch(`${BASE}/healthz`)).ok) break;
			} catch {
				/* not up yet */
			}
			if (i > 600) throw new Error('server did not start');
			await new Promise((r) => setTimeout(r, 100));
		}
		const tokenRes = await fetch(`${BASE}/api/v1/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bauleiter@musterbau.demo', password: 'Tiefblick-Demo-2026', label: 'bench' }) });
		const { token } = (await tokenRes.json()) as { token: string };
		const all = bodies(requests + Math.max(requests, 320));
		for (const b of all.slice(0, 5)) await post(token, b); // warm up: readers, fonts, JIT

		const serial: number[] = [];
		for (const b of all.slice(5, 5 + Math.min(requests, 100))) serial.push(await post(token, b));
		serial.sort((a, b) => a - b);
		log(`POST /api/v1/auskuenfte, concurrency 1: n=${serial.length} p50 ${percentile(serial, 50).toFixed(0)} ms, p99 ${percentile(serial, 99).toFixed(0)} ms (target p50 ≤ 150 ms)`);

		const queue = all.slice(105, 105 + Math.max(requests, 320));
		const times: number[] = [];
		const started = performance.now();
		await Promise.all(
			Array.from({ length: 32 }, async () => {
				for (let b = queue.pop(); b; b = queue.pop()) times.push(await post(token, b));
			})
		);
		const seconds = (performance.now() - started) / 1000;
		times.sort((a, b) => a - b);
		log(`concurrency 32: ${times.length} requests in ${seconds.toFixed(1)} s = ${(times.length / seconds).toFixed(1)} requests/s (target ≥ 15), p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms`);
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	await runAuskunftBench(Number(process.argv[2] ?? 200));
}
