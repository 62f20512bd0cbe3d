import type { Page } from '@playwright/test';
import { test, expect, ACCOUNTS, login, logout, screenshot, uniqueSuffix, open } from './fixtures';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });
const pendingSection = (page: Page) => page.getByRole('region', { name: /^Zu prüfende Organisationen/ });
const allOrgsSection = (page: Page) => page.getByRole('region', { name: /^Alle Organisationen/ });
const VERIFIED_MESSAGE = 'Organisation verifiziert. Ihre Mitglieder können jetzt Leitungsauskünfte anfordern.';

/** Registers a new, unverified construction firm and returns its names; the page is logged in as its person. */
async function registerOrg(page: Page): Promise<{ orgName: string; email: string; password: string }> {
	const suffix = uniqueSuffix();
	const orgName = `E2E Prüfling ${suffix} GmbH`;
	const email = `pruefling-${suffix}@tiefbau-e2e.test`;
	const password = 'Grubenlampe-West-2026';
	await open(page, '/registrieren');
	const main = page.getByRole('main');
	await main.getByLabel('Ihr Name', { exact: true }).fill('Paul Prüfling');
	await main.getByLabel('E-Mail-Adresse (Ihr Anmeldename)', { exact: true }).fill(email);
	await main.getByLabel('Passwort (mindestens 10 Zeichen)', { exact: true }).fill(password);
	await main.getByLabel('Passwort wiederholen', { exact: true }).fill(password);
	await main.getByLabel('Neue Organisation anmelden').check();
	await main.getByLabel('Name der Organisation', { exact: true }).fill(orgName);
	await main.getByLabel('Bauunternehmen', { exact: true }).check();
	await main.getByRole('button', { name: 'Registrieren' }).click();
	await expect(page).toHaveURL(/\/\?willkommen$/);
	return { orgName, email, password };
}

test.describe('Navigation nach Rolle', () => {
	test('Plattformbetrieb sieht „Admin“ und die Verwaltung @form', async ({ page }, testInfo) => {
		await login(page, ACCOUNTS.admin.email);
		await expect(page.getByRole('banner').getByRole('link', { name: ACCOUNTS.admin.org })).toBeVisible();
		await expect(nav(page).getByRole('link')).toHaveText(['Baustellen', /^Benachrichtigungen/, 'Admin']);

		await nav(page).getByRole('link', { name: 'Admin' }).click();
		await expect(page).toHaveURL(/\/admin$/);
		await expect(nav(page).getByRole('link', { name: 'Admin' })).toHaveAttribute('aria-current', 'page');
		await expect(page.getByRole('heading', { level: 1, name: 'Plattformbetrieb' })).toBeVisible();
		await expect(pendingSection(page)).toBeVisible();
		for (const org of [ACCOUNTS.admin.org, ACCOUNTS.bau.org, ACCOUNTS.neuling.org]) {
			await expect(allOrgsSection(page).getByRole('cell', { name: org, exact: true })).toBeVisible();
		}
		await expect(page.getByRole('region', { name: 'Audit-Protokoll (neueste 50)' })).toBeVisible();
		await screenshot(page, testInfo, 'admin');
	});

	test('Plattformbetrieb prüft die Audit-Kette @form', async ({ page }) => {
		await login(page, ACCOUNTS.admin.email);
		await open(page, '/admin');
		await page.getByRole('button', { name: 'Kette prüfen' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Audit-Kette' })).toHaveText(/^Audit-Kette intakt: \d+ Einträge geprüft\.$/);
	});

	// Changes the demo seed for good, so it runs once (js project), and no other test relies on
	// "Erdbau Neuling KG" being unverified or verified.
	test('Plattformbetrieb verifiziert die Demo-Organisation „Erdbau Neuling KG“', async ({ page }) => {
		await login(page, ACCOUNTS.admin.email);
		await open(page, '/admin');
		const row = pendingSection(page).getByRole('row').filter({ hasText: ACCOUNTS.neuling.org });
		await expect(row).toContainText('Bauunternehmen');
		await expect(row).toContainText(ACCOUNTS.neuling.email);

		await row.getByRole('button', { name: `${ACCOUNTS.neuling.org} verifizieren` }).click();
		await expect(page.getByRole('status').filter({ hasText: VERIFIED_MESSAGE })).toBeVisible();
		await expect(pendingSection(page).getByRole('row').filter({ hasText: ACCOUNTS.neuling.org })).toHaveCount(0);
		const allRow = allOrgsSection(page).getByRole('row').filter({ hasText: ACCOUNTS.neuling.org });
		await expect(allRow.getByRole('cell').nth(3)).not.toHaveText('–');

		// The org's person no longer sees the "not verified" banner and may ask for line information.
		await logout(page);
		await login(page, ACCOUNTS.neuling.email);
		await expect(page.getByText(/noch nicht verifiziert/)).toHaveCount(0);
		await expect(nav(page).getByRole('link')).toHaveText(['Auskunft', 'Baustellen', 'Mitnutzung', 'Straßenraum', /^Benachrichtigungen/]);
	});

	test('Plattformbetrieb verifiziert eine frisch registrierte Organisation @form', async ({ page }) => {
		const fresh = await registerOrg(page);
		await expect(page.getByText(/noch nicht verifiziert/)).toBeVisible();
		await logout(page);

		await login(page, ACCOUNTS.admin.email);
		await open(page, '/admin');
		const row = pendingSection(page).getByRole('row').filter({ hasText: fresh.orgName });
		await expect(row).toContainText(fresh.email);
		await row.getByRole('button', { name: `${fresh.orgName} verifizieren` }).click();
		await expect(page.getByRole('status').filter({ hasText: VERIFIED_MESSAGE })).toBeVisible();
		await expect(pendingSection(page).getByRole('row').filter({ hasText: fresh.orgName })).toHaveCount(0);
		await logout(page);

		await login(page, fresh.email, fresh.password);
		await expect(page.getByRole('banner').getByRole('link', { name: fresh.orgName })).toBeVisible();
		await expect(page.getByText(/noch nicht verifiziert/)).toHaveCount(0);
	});

	test('Bauunternehmen bekommt auf /admin eine 403-Seite @form', async ({ page }) => {
		await login(page, ACCOUNTS.bau.email);
		await expect(nav(page).getByRole('link', { name: 'Admin' })).toHaveCount(0);

		const response = await open(page, '/admin');
		expect(response?.status()).toBe(403);
		await expect(page).toHaveTitle('Keine Berechtigung – Tiefblick');
		await expect(page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' })).toBeVisible();
		await expect(page.getByText('Diese Funktion steht Ihrer Organisation nicht zur Verfügung.')).toBeVisible();
		await expect(page.getByText('Fehlercode 403 · forbidden_role')).toBeVisible();
		// Still logged in, with the usual navigation.
		await expect(nav(page).getByRole('link')).toHaveText(['Auskunft', 'Baustellen', 'Mitnutzung', 'Straßenraum', /^Benachrichtigungen/]);
	});

	test('Bauunternehmen kann die Verifizierung nicht per POST auslösen', async ({ page }) => {
		await login(page, ACCOUNTS.bau.email);
		// Same origin, with the session cookie: only the role check stands in the way.
		const response = await page.request.post('/admin?/verify', {
			form: { orgId: '00000000-0000-0000-0000-000000000000' },
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
		});
		expect(response.status()).toBe(403);
	});
});

test.describe('Konto', () => {
	test('API-Token erstellen, einmal sehen, widerrufen @form', async ({ page, request }, testInfo) => {
		await login(page, ACCOUNTS.bau.email);
		await page.getByRole('banner').getByRole('link', { name: ACCOUNTS.bau.name }).click();
		await expect(page).toHaveURL(/\/konto$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Mein Konto' })).toBeVisible();
		const profile = page.getByRole('region', { name: 'Profil' });
		await expect(profile).toContainText(ACCOUNTS.bau.email);
		await expect(page.getByRole('region', { name: 'Angemeldete Geräte' }).getByText('dieses Gerät')).toBeVisible();

		const tokens = page.getByRole('region', { name: 'API-Tokens' });
		// Too short a label is refused with a German message.
		await tokens.getByLabel('Bezeichnung').fill('x');
		await tokens.getByRole('button', { name: 'Token erstellen' }).click();
		await expect(page.getByRole('alert')).toHaveText('Bitte eine Bezeichnung angeben, z. B. „QGIS Büro“ oder „Nachtimport“.');

		const label = `E2E QGIS ${uniqueSuffix()}`;
		await page.getByRole('region', { name: 'API-Tokens' }).getByLabel('Bezeichnung').fill(label);
		await page.getByRole('region', { name: 'API-Tokens' }).getByRole('button', { name: 'Token erstellen' }).click();
		const created = page.getByRole('status').filter({ hasText: `Token „${label}“ erstellt.` });
		await expect(created).toBeVisible();
		const tokenOutput = page.locator('#new-token');
		await expect(tokenOutput).toHaveText(/^tb_[a-z0-9]{24}\.[a-z0-9]{24}$/);
		const token = (await tokenOutput.textContent())!.trim();

		const row = () => page.getByRole('region', { name: 'API-Tokens' }).getByRole('row').filter({ hasText: label });
		await expect(row()).toContainText('aktiv');

		// The token works as a Bearer token (the `request` fixture carries no session cookie).
		const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
		expect(me.status()).toBe(200);
		expect(await me.json()).toMatchObject({ user: { email: ACCOUNTS.bau.email }, authVia: 'token' });

		// Shown once: on the next visit the list has it, the page does not show the secret again.
		await open(page, '/konto');
		await expect(row()).toContainText('aktiv');
		await expect(page.locator('#new-token')).toHaveCount(0);
		await expect(page.getByText(token)).toHaveCount(0);
		await expect(page.locator('body')).not.toContainText(token);
		await screenshot(page, testInfo, 'konto');

		await row().getByRole('button', { name: `Token ${label} widerrufen` }).click();
		await expect(row()).toContainText('widerrufen');
		await expect(row().getByText('aktiv', { exact: true })).toHaveCount(0);
		await expect(row().getByRole('button', { name: /widerrufen/ })).toHaveCount(0);

		const after = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
		expect(after.status()).toBe(401);
	});
});
