/**
 * `test` and `expect` for every end-to-end test, plus small helpers.
 * The `context` fixture aborts every request that would leave the machine (map tiles, fonts, anything):
 * the tests must pass offline and must never talk to a third party.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test as base, expect, type Page, type Response, type TestInfo } from '@playwright/test';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';

export { expect, DEMO_PASSWORD };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLocalUrl(url: string): boolean {
	try {
		const { protocol, hostname } = new URL(url);
		if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
		return LOCAL_HOSTS.has(hostname);
	} catch {
		return false;
	}
}

export const test = base.extend({
	context: async ({ context }, use, testInfo) => {
		const blocked: string[] = [];
		await context.route('**/*', (route) => {
			const url = route.request().url();
			if (isLocalUrl(url)) return route.fallback();
			blocked.push(url);
			return route.abort('blockedbyclient');
		});
		await use(context);
		// Listed in the report, for a look when something on a page is missing.
		for (const url of blocked) testInfo.annotations.push({ type: 'blocked external request', description: url });
	}
});

export const ACCOUNTS = {
	admin: { email: 'admin@tiefblick.demo', org: 'Tiefblick Plattformbetrieb (Demo)', name: 'Petra Plattform' },
	bau: { email: 'bauleiter@musterbau.demo', org: 'Tiefbau Musterbau GmbH (Demo)', name: 'Bernd Bauleiter' },
	neuling: { email: 'neu@erdbau-neuling.demo', org: 'Erdbau Neuling KG (Demo, unverifiziert)', name: 'Nina Neuling' }
} as const;

/**
 * `page.goto`, and with JavaScript on, waits until SvelteKit has hydrated the page: typing into a
 * server-rendered input before hydration is lost (Svelte resets `value={…}` inputs when it hydrates),
 * and a click before `use:enhance` is attached submits the form the old way.
 * The marker: Kit's router sets `history.scrollRestoration = 'manual'` once hydration is done.
 */
export async function open(page: Page, url: string): Promise<Response | null> {
	const response = await page.goto(url);
	if (test.info().project.use.javaScriptEnabled !== false) {
		await page.waitForFunction(() => history.scrollRestoration === 'manual');
	}
	return response;
}

/** Logs in through the login form and waits for the start page. */
export async function login(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
	await open(page, '/login');
	await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('heading', { level: 1, name: /^Guten Tag,/ })).toBeVisible();
}

/** Logs out with the header's button and waits for the login page. */
export async function logout(page: Page): Promise<void> {
	await page.getByRole('banner').getByRole('button', { name: 'Abmelden' }).click();
	await expect(page).toHaveURL(/\/login\?abgemeldet/);
	await expect(page.getByText('Sie sind abgemeldet.')).toBeVisible();
}

/** A suffix that keeps e-mails and org names unique across projects, workers and runs. */
export function uniqueSuffix(): string {
	return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Full-page screenshot for the lead to look at: test-results/screenshots/<name>-<project>.png */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
	const root = testInfo.config.configFile ? dirname(testInfo.config.configFile) : process.cwd();
	const dir = join(root, 'test-results', 'screenshots');
	mkdirSync(dir, { recursive: true });
	const path = join(dir, `${name}-${testInfo.project.name}.png`);
	await page.screenshot({ path, fullPage: true });
	return path;
}
