/**
 * Smoke test of the embedded default: `node build` without DATABASE_URL starts PGlite behind its
 * socket, migrates, seeds the demo, and keeps its data across a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './helpers/server';
import { api, createToken } from './helpers/client';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';

const dataDir = mkdtempSync(join(tmpdir(), 'tb-pglite-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const env = { DATABASE_URL: undefined, TIEFBLICK_DEMO: undefined, DATA_DIR: dataDir };

describe('embedded PGlite', () => {
	it('starts, seeds the demo, and keeps data across a restart', { timeout: 180_000 }, async () => {
		const first = await startServer(env, 120_000);
		let userId: string;
		try {
			expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ status: 'ok', database: 'embedded' });
			expect(first.output()).toContain('bauleiter@musterbau.demo');
			const token = await createToken(first.url, 'bauleiter@musterbau.demo', DEMO_PASSWORD);
			const me = await api(first.url, 'GET', '/api/v1/me', { token });
			expect(me.body.org).toMatchObject({ name: 'Tiefbau Musterbau GmbH (Demo)', verified: true });
			userId = me.body.user.id;
			// the socket must never take the real server's port
			expect(first.output()).not.toMatch(/5432/);
		} finally {
			await first.stop();
		}

		const second = await startServer(env, 120_000);
		try {
			expect(second.output()).not.toContain('neu angelegt');
			const token = await createToken(second.url, 'bauleiter@musterbau.demo', DEMO_PASSWORD);
			const me = await api(second.url, 'GET', '/api/v1/me', { token });
			expect(me.body.user.id).toBe(userId);
			const tokens = await api(second.url, 'GET', '/api/v1/tokens', { token });
			expect(tokens.body.items).toHaveLength(2); // one from each run: the data survived
		} finally {
			await second.stop();
		}
	});
});
