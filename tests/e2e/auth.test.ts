import { test, expect, ACCOUNTS, DEMO_PASSWORD, login, logout, screenshot, open } from './fixtures';

test.describe('Anmeldung', () => {
	test('Anmelden und Abmelden als Bauunternehmen @form', async ({ page }, testInfo) => {
		await open(page, '/login');
		await expect(page).toHaveTitle('Anmelden – Tiefblick');
		await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
		await screenshot(page, testInfo, 'login');

		await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(ACCOUNTS.bau.email);
		await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Anmelden' }).click();

		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Guten Tag, ${ACCOUNTS.bau.name}`);
		const header = page.getByRole('banner');
		await expect(header.getByRole('link', { name: ACCOUNTS.bau.org })).toBeVisible();
		await expect(header.getByText('Bauunternehmen', { exact: true })).toBeVisible();
		await expect(header.getByRole('link', { name: ACCOUNTS.bau.name })).toHaveAttribute('href', '/konto');
		const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
		await expect(nav.getByRole('link')).toHaveText(['Auskunft', 'Baustellen', 'Mitnutzung', 'Straßenraum', /^Benachrichtigungen/]);
		await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);

		await logout(page);
		await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
		await expect(page.getByRole('banner').getByRole('link', { name: 'Anmelden' })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0);

		// The session is really gone: a protected page sends back to the login.
		await open(page, '/konto');
		await expect(page).toHaveURL(/\/login\?next=%2Fkonto$/);
	});

	test('falsches Passwort zeigt eine deutsche Fehlermeldung @form', async ({ page }) => {
		await open(page, '/login');
		await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(ACCOUNTS.bau.email);
		await page.getByLabel('Passwort', { exact: true }).fill('Falsches-Passwort-123');
		await page.getByRole('button', { name: 'Anmelden' }).click();

		const alert = page.getByRole('alert');
		await expect(alert).toHaveText('E-Mail-Adresse oder Passwort ist falsch.');
		await expect(page).toHaveURL(/\/login$/);
		// The e-mail stays filled in and the field points at the message.
		await expect(page.getByLabel('E-Mail-Adresse', { exact: true })).toHaveValue(ACCOUNTS.bau.email);
		await expect(page.getByLabel('E-Mail-Adresse', { exact: true })).toHaveAttribute('aria-describedby', 'login-error');
		await expect(page.getByRole('banner').getByRole('link', { name: 'Anmelden' })).toBeVisible();
	});

	test('unbekannte E-Mail-Adresse zeigt dieselbe Meldung @form', async ({ page }) => {
		await open(page, '/login');
		await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('niemand@nirgendwo.demo');
		await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await expect(page.getByRole('alert')).toHaveText('E-Mail-Adresse oder Passwort ist falsch.');
	});

	test('ohne Anmeldung führt /konto zur Anmeldung @form', async ({ page }) => {
		const response = await open(page, '/konto');
		expect(response?.ok()).toBe(true);
		await expect(page).toHaveURL(/\/login\?next=%2Fkonto$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
	});

	test('nach der Anmeldung geht es zur ursprünglich verlangten Seite zurück @form', async ({ page }) => {
		await open(page, '/konto');
		await expect(page).toHaveURL(/\/login\?next=%2Fkonto$/);
		await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(ACCOUNTS.bau.email);
		await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await expect(page).toHaveURL(/\/konto$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Mein Konto' })).toBeVisible();
		await logout(page);
	});

	test('angemeldet führt /login zur Startseite @form', async ({ page }) => {
		await login(page, ACCOUNTS.bau.email);
		await open(page, '/login');
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Guten Tag, ${ACCOUNTS.bau.name}`);
	});
});
