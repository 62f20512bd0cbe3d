import type { Page } from '@playwright/test';
import { test, expect, screenshot, uniqueSuffix, open } from './fixtures';

const MESSAGES = {
	name: 'Bitte Vor- und Nachnamen angeben.',
	email: 'Bitte eine gültige E-Mail-Adresse angeben, z. B. name@firma.de.',
	passwordShort: 'Das Passwort muss mindestens 10 Zeichen lang sein.',
	passwordRepeat: 'Die beiden Passwörter stimmen nicht überein.',
	orgName: 'Bitte den Namen Ihrer Organisation angeben (mindestens 3 Zeichen).',
	roles: 'Bitte mindestens eine Rolle Ihrer Organisation wählen.'
};

const field = (page: Page, label: string) => page.getByRole('main').getByLabel(label, { exact: true });
const submit = (page: Page) => page.getByRole('main').getByRole('button', { name: 'Registrieren' });
const fieldError = (page: Page, id: string) => page.locator(`#${id}-error`);

/** Asserts the field shows exactly this message and is marked invalid and described by it. */
async function expectFieldError(page: Page, id: string, message: string): Promise<void> {
	await expect(fieldError(page, id)).toHaveText(message);
	if (id !== 'roles') {
		const input = page.locator(`#${id}`);
		await expect(input).toHaveAttribute('aria-invalid', 'true');
		await expect(input).toHaveAttribute('aria-describedby', `${id}-error`);
	}
}

test.describe('Registrierung', () => {
	test('leeres Formular zeigt deutsche Feldmeldungen @form', async ({ page }, testInfo) => {
		await open(page, '/registrieren');
		await expect(page.getByRole('heading', { level: 1, name: 'Registrieren' })).toBeVisible();
		await submit(page).click();

		await expect(page.getByRole('alert')).toHaveText('Bitte korrigieren Sie die 5 markierten Felder.');
		await expectFieldError(page, 'name', MESSAGES.name);
		await expectFieldError(page, 'email', MESSAGES.email);
		await expectFieldError(page, 'password', MESSAGES.passwordShort);
		await expectFieldError(page, 'orgName', MESSAGES.orgName);
		await expectFieldError(page, 'roles', MESSAGES.roles);
		// No repeat message while the password itself is wrong; nothing on optional fields.
		await expect(fieldError(page, 'passwordRepeat')).toHaveCount(0);
		await expect(fieldError(page, 'phone')).toHaveCount(0);
		await expect(field(page, 'Telefon (optional, für Rückfragen)')).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page).toHaveURL(/\/registrieren$/);
		await screenshot(page, testInfo, 'registrieren-fehler');
	});

	test('kurzes Passwort, falsche E-Mail, abweichende Wiederholung, keine Rolle @form', async ({ page }) => {
		await open(page, '/registrieren');
		await field(page, 'Ihr Name').fill('Erika Beispiel');
		await field(page, 'E-Mail-Adresse (Ihr Anmeldename)').fill('erika-at-beispiel');
		await field(page, 'Passwort (mindestens 10 Zeichen)').fill('kurz');
		await field(page, 'Passwort wiederholen').fill('kurz');
		await field(page, 'Name der Organisation').fill('Beispiel Bau GmbH');
		await submit(page).click();

		await expect(page.getByRole('alert')).toHaveText('Bitte korrigieren Sie die 3 markierten Felder.');
		await expectFieldError(page, 'email', MESSAGES.email);
		await expectFieldError(page, 'password', MESSAGES.passwordShort);
		await expectFieldError(page, 'roles', MESSAGES.roles);
		await expect(fieldError(page, 'name')).toHaveCount(0);
		await expect(fieldError(page, 'orgName')).toHaveCount(0);
		// What was typed comes back (with JavaScript off the server fills it in again, passwords excepted).
		await expect(field(page, 'Ihr Name')).toHaveValue('Erika Beispiel');
		await expect(field(page, 'E-Mail-Adresse (Ihr Anmeldename)')).toHaveValue('erika-at-beispiel');
		await expect(field(page, 'Name der Organisation')).toHaveValue('Beispiel Bau GmbH');

		// Second round: a good password that the repeat does not match, e-mail fixed, a role chosen.
		await field(page, 'E-Mail-Adresse (Ihr Anmeldename)').fill(`erika-${uniqueSuffix()}@beispiel-bau.test`);
		await field(page, 'Passwort (mindestens 10 Zeichen)').fill('Grubenlampe-Nord-2026');
		await field(page, 'Passwort wiederholen').fill('Grubenlampe-Sued-2026');
		await page.getByRole('main').getByLabel('Planungsbüro', { exact: true }).check();
		await submit(page).click();

		await expect(page.getByRole('alert')).toHaveText('Bitte korrigieren Sie das markierte Feld.');
		await expectFieldError(page, 'passwordRepeat', MESSAGES.passwordRepeat);
		await expect(fieldError(page, 'password')).toHaveCount(0);
		await expect(fieldError(page, 'email')).toHaveCount(0);
		await expect(fieldError(page, 'roles')).toHaveCount(0);
		await expect(page.getByRole('main').getByLabel('Planungsbüro', { exact: true })).toBeChecked();
		// Still nobody logged in.
		await expect(page.getByRole('banner').getByRole('link', { name: 'Anmelden' })).toBeVisible();
	});

	test('neue Organisation registrieren führt zur Startseite mit Hinweis „noch nicht verifiziert“ @form', async ({ page }) => {
		const suffix = uniqueSuffix();
		const orgName = `E2E Tiefbau ${suffix} GmbH`;
		const email = `e2e-${suffix}@tiefbau-e2e.test`;

		await open(page, '/registrieren');
		await field(page, 'Ihr Name').fill('Erik Zweiende');
		await field(page, 'E-Mail-Adresse (Ihr Anmeldename)').fill(email);
		await field(page, 'Telefon (optional, für Rückfragen)').fill('+49 345 123456');
		await field(page, 'Passwort (mindestens 10 Zeichen)').fill('Grubenlampe-Nord-2026');
		await field(page, 'Passwort wiederholen').fill('Grubenlampe-Nord-2026');
		await page.getByRole('main').getByLabel('Neue Organisation anmelden').check();
		await field(page, 'Name der Organisation').fill(orgName);
		await page.getByRole('main').getByLabel('Bauunternehmen', { exact: true }).check();
		await page.getByRole('main').getByLabel('Netzbetreiber', { exact: true }).check();
		await submit(page).click();

		await expect(page).toHaveURL(/\/\?willkommen$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guten Tag, Erik Zweiende');
		await expect(page.getByText('Willkommen bei Tiefblick.')).toBeVisible();
		await expect(page.locator('.banner')).toContainText('Ihre Organisation ist noch nicht verifiziert.');
		await expect(page.getByText(/noch nicht verifiziert/)).toBeVisible();
		const header = page.getByRole('banner');
		await expect(header.getByRole('link', { name: orgName })).toBeVisible();
		await expect(header.getByText('Bauunternehmen · Netzbetreiber')).toBeVisible();
		const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
		await expect(nav.getByRole('link')).toHaveText(['Auskunft', 'Baustellen', 'Mitnutzung', 'Straßenraum', 'Netze', /^Benachrichtigungen/]);
	});

	test('dieselbe E-Mail-Adresse kann sich nicht zweimal registrieren @form', async ({ page }) => {
		await open(page, '/registrieren');
		await field(page, 'Ihr Name').fill('Bernd Doppelt');
		await field(page, 'E-Mail-Adresse (Ihr Anmeldename)').fill('bauleiter@musterbau.demo');
		await field(page, 'Passwort (mindestens 10 Zeichen)').fill('Grubenlampe-Nord-2026');
		await field(page, 'Passwort wiederholen').fill('Grubenlampe-Nord-2026');
		await field(page, 'Name der Organisation').fill(`Doppelt ${uniqueSuffix()} KG`);
		await page.getByRole('main').getByLabel('Bauunternehmen', { exact: true }).check();
		await submit(page).click();

		await expect(page.getByRole('alert')).toHaveText('Bitte korrigieren Sie das markierte Feld.');
		await expectFieldError(page, 'email', 'Für diese E-Mail-Adresse gibt es schon ein Konto. Bitte melden Sie sich an.');
		await expect(page).toHaveURL(/\/registrieren$/);
	});
});
