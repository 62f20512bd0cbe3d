/**
 * The construction calendar's views for a signed-in demo user: list with filters (also without
 * JavaScript, @form), month and week calendars, the timeline by street and by promoter, the map with
 * its time slider, a street's history — switched and used by keyboard — and who sees what.
 *
 * The rows come from the calendar's own sample (src/lib/server/kalender/sample-scenario.ts, numbers
 * E2E-01 …), written straight into the e2e server's database: serve.ts names that database only in the
 * server's environment, so the test finds it by the session its login created (exactly one database
 * holds that session id). Seeding is idempotent and serialised, so every test and worker may call it.
 */
import type { Page } from '@playwright/test';
import postgres from 'postgres';
import { seedSampleCalendar } from '../../src/lib/server/kalender/sample-scenario';
import { ACCOUNTS, expect, login, open, screenshot, test } from './fixtures';

const STADTWERKE = 'netz@sw-saalestadt.demo';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

function adminUrl(database = 'postgres'): string {
	const url = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
	url.pathname = `/${database}`;
	return url.toString();
}

/** Writes the sample calendar into the database of the server this page is logged in to. */
async function seedCalendar(page: Page): Promise<void> {
	const cookie = (await page.context().cookies()).find((c) => c.name === 'tb_session');
	if (!cookie) throw new Error('Nicht angemeldet: kein Sitzungs-Cookie.');
	const sessionId = cookie.value.split('.')[0]!;
	const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
	const databases = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'tiefblick_e2e_%' order by datname desc`;
	await admin.end();
	for (const { datname } of databases) {
		const sql = postgres(adminUrl(datname), { max: 1, onnotice: () => {} });
		try {
			const found = await sql`select 1 from sessions where id = ${sessionId}`.catch(() => []);
			if (found.length) {
				await seedSampleCalendar(sql, today, 'E2E');
				return;
			}
		} finally {
			await sql.end();
		}
	}
	throw new Error('Die Datenbank des E2E-Servers wurde nicht gefunden.');
}

async function loginAndSeed(page: Page, email: string): Promise<void> {
	await login(page, email);
	await seedCalendar(page);
}

const row = (page: Page, number: string) => page.getByTestId(`baustelle-${number}`);

test.describe('Baustellenkalender', () => {
	test('Liste, Filter und Straßenhistorie @form', async ({ page }, testInfo) => {
		await loginAndSeed(page, STADTWERKE);
		await open(page, '/baustellen');
		await expect(page.getByRole('heading', { level: 1, name: 'Baustellen' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Neue Baustelle anmelden' }).first()).toHaveAttribute('href', '/baustellen/neu');
		await expect(page.getByRole('navigation', { name: 'Ansicht' }).getByRole('link', { name: 'Liste' })).toHaveAttribute('aria-current', 'page');

		// running and coming works; own non-public ones too; cancelled and finished ones not by default
		await expect(row(page, 'E2E-01')).toContainText('Erneuerung Trinkwasserleitung DN 150');
		await expect(row(page, 'E2E-01')).toContainText('In Ausführung');
		await expect(row(page, 'E2E-01').getByText('1 · Hoch')).toBeVisible();
		await expect(row(page, 'E2E-08')).toBeVisible();
		await expect(row(page, 'E2E-09')).toHaveCount(0);
		await expect(row(page, 'E2E-11')).toHaveCount(0);
		// a private promoter is „privat“ to everyone but its own org and the authority
		await expect(row(page, 'E2E-04').getByRole('cell').nth(4)).toHaveText('privat');
		await screenshot(page, testInfo, 'kalender-liste');

		// filter by street (Enter submits the GET form) — the spelling does not matter
		await page.getByLabel('Straße', { exact: true }).fill('leipziger str.');
		await page.getByLabel('Straße', { exact: true }).press('Enter');
		await expect(page).toHaveURL(/strasse=leipziger\+str\./);
		await expect(row(page, 'E2E-01')).toBeVisible();
		await expect(row(page, 'E2E-02')).toBeVisible();
		await expect(row(page, 'E2E-05')).toHaveCount(0);
		await expect(page.getByText('(gefiltert)')).toBeVisible();

		// status: cancelled ones only on request; the filter stays in the form
		await page.getByLabel('Straße', { exact: true }).fill('');
		await page.getByLabel('Status').selectOption({ label: 'Storniert' });
		await page.getByRole('button', { name: 'Filtern' }).click();
		await expect(page).toHaveURL(/status=storniert/);
		await expect(row(page, 'E2E-09')).toBeVisible();
		await expect(row(page, 'E2E-01')).toHaveCount(0);
		await expect(page.getByLabel('Status')).toHaveValue('storniert');

		// nothing matches: the page says what to do
		await open(page, '/baustellen?q=gibt-es-nicht');
		await expect(page.getByText('Keine Baustelle passt zu diesen Filtern.')).toBeVisible();
		await page.getByRole('link', { name: 'setzen Sie die Filter zurück' }).click();
		await expect(row(page, 'E2E-01')).toBeVisible();

		// a street's history: what was dug when, and the moratorium
		await row(page, 'E2E-03').getByRole('link', { name: 'Große Steinstraße' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Große Steinstraße' })).toBeVisible();
		const summary = page.getByTestId('strassen-zusammenfassung');
		await expect(summary).toContainText('Zuletzt aufgegraben:');
		await expect(summary).toContainText('E2E-13 Gasleitung und Hausanschlüsse');
		await expect(summary).toContainText('Aufbruchsperre bis');
		await expect(page.getByRole('cell', { name: 'Aufbruchsperre Große Steinstraße (E2E)' })).toBeVisible();
		await expect(row(page, 'E2E-13')).toContainText('Abgenommen');
		await screenshot(page, testInfo, 'kalender-strasse');
	});

	test('wer was sieht: nicht öffentliche Baustellen nur für Träger und Behörde', async ({ page }) => {
		await loginAndSeed(page, ACCOUNTS.bau.email);
		await open(page, '/baustellen?status=alle');
		await expect(row(page, 'E2E-01')).toBeVisible();
		// Stadtwerke's non-public Störungsbeseitigung is not Musterbau's business
		await expect(row(page, 'E2E-08')).toHaveCount(0);
		// its own private Hausanschluss shows its own name, with conflicts
		await expect(row(page, 'E2E-04').getByRole('cell').nth(4)).toContainText('Tiefbau Musterbau GmbH (Demo)');
		await expect(row(page, 'E2E-04').getByText('1 · Niedrig')).toBeVisible();
		// conflicts of other promoters are theirs and the authority's
		await expect(row(page, 'E2E-01').getByText('1 · Hoch')).toHaveCount(0);
	});

	test('Ansichten und Zeitregler mit der Tastatur', async ({ page }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled === false, 'the map and its slider need JavaScript');
		test.setTimeout(60_000);
		await loginAndSeed(page, STADTWERKE);
		await open(page, '/baustellen');
		const views = page.getByRole('navigation', { name: 'Ansicht' });

		// Monat
		await views.getByRole('link', { name: 'Monat' }).focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/ansicht=monat/);
		const month = page.getByRole('group', { name: /^Monatskalender / });
		await expect(month).toBeVisible();
		await expect(month.getByRole('link', { name: /^E2E-01 Erneuerung Trinkwasserleitung DN 150/ }).first()).toBeVisible();
		await screenshot(page, testInfo, 'kalender-monat');
		const title = await page.locator('.period h2').textContent();
		await page.getByRole('link', { name: 'Monat vor' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('.period h2')).not.toHaveText(title!);
		await page.getByRole('link', { name: 'Heute', exact: true }).focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('.period h2')).toHaveText(title!);

		// Woche: the bar carries number, street and promoter
		await views.getByRole('link', { name: 'Woche' }).focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/ansicht=woche/);
		await expect(page.locator('.period h2')).toHaveText(/^KW \d+ · /);
		await expect(page.getByRole('group', { name: /^Wochenkalender KW/ }).getByRole('link', { name: /^E2E-01 / })).toContainText('E2E-01 · Leipziger Straße · Stadtwerke Saalestadt (Demo)');
		await screenshot(page, testInfo, 'kalender-woche');

		// Zeitplan: bars are focusable links with the whole story as their name
		await views.getByRole('link', { name: 'Zeitplan' }).focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/ansicht=zeitplan/);
		const chart = page.getByRole('group', { name: /^Zeitplan der Baustellen nach Straße/ });
		await expect(chart).toBeVisible();
		const bar = chart.getByRole('link', { name: /^E2E-01 Erneuerung Trinkwasserleitung DN 150, Leipziger Straße, .*In Ausführung, Träger: Stadtwerke Saalestadt \(Demo\), 1 Konflikt, höchste Stufe: Hoch/ });
		await expect(bar).toHaveCount(1);
		await expect(chart.getByRole('link', { name: 'Leipziger Straße', exact: true })).toHaveAttribute('href', '/baustellen/strasse/Leipziger%20Stra%C3%9Fe');
		await bar.focus();
		await expect(bar).toBeFocused();
		await screenshot(page, testInfo, 'kalender-zeitplan-strasse');
		await page.getByRole('link', { name: 'nach Träger' }).focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/gruppe=traeger/);
		await expect(page.getByRole('group', { name: /^Zeitplan der Baustellen nach Träger/ })).toBeVisible();
		await screenshot(page, testInfo, 'kalender-zeitplan-traeger');

		// Karte: the slider moves a day with the arrows and a week with PageUp/PageDown
		await views.getByRole('link', { name: 'Karte' }).focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/ansicht=karte/);
		await expect(page.getByRole('application', { name: /^Karte der Baustellen am / }).locator('canvas').first()).toBeVisible();
		const slider = page.getByLabel('Stichtag');
		const day = page.locator('output');
		await expect(day).toContainText('(heute)');
		const list = page.getByRole('region', { name: /Baustellen? am / });
		await expect(list.getByRole('link', { name: 'Störungsbeseitigung Mittelspannungskabel' })).toBeVisible();
		await expect(list.getByRole('link', { name: 'Hausanschluss Gas, Neubau Einfamilienhaus' })).toHaveCount(0);
		await screenshot(page, testInfo, 'kalender-karte');

		await slider.focus();
		await page.keyboard.press('ArrowRight');
		await expect(day).not.toContainText('(heute)');
		await expect(page).toHaveURL(/datum=\d{4}-\d{2}-\d{2}/);
		await page.keyboard.press('ArrowLeft');
		await expect(day).toContainText('(heute)');
		// a week on: the Störung (ends in 3 days) is over, the Hausanschluss (day 5 to 8) runs
		await page.keyboard.press('PageUp');
		await expect(list.getByRole('link', { name: 'Störungsbeseitigung Mittelspannungskabel' })).toHaveCount(0);
		await expect(list.getByRole('link', { name: 'Hausanschluss Gas, Neubau Einfamilienhaus' })).toBeVisible();
		await page.keyboard.press('PageDown');
		await expect(day).toContainText('(heute)');
	});

	test('Karte ohne JavaScript: Stichtag über ein Datumsfeld @form', async ({ page }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled !== false, 'with JavaScript the slider does this (tested above)');
		await loginAndSeed(page, STADTWERKE);
		await open(page, '/baustellen?ansicht=karte&sparte=gas');
		const list = page.getByRole('region', { name: /Baustellen? am / });
		await expect(list.getByRole('link', { name: 'Hausanschluss Gas, Neubau Einfamilienhaus' })).toHaveCount(0);
		const inAWeek = new Date(Date.parse(`${today}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
		// the slider sits hidden beside it (it takes over once JavaScript runs): the visible date field
		await page.getByRole('textbox', { name: 'Stichtag' }).fill(inAWeek);
		await page.getByRole('button', { name: 'Anzeigen' }).click();
		await expect(page).toHaveURL(new RegExp(`ansicht=karte&sparte=gas&datum=${inAWeek}`));
		await expect(list.getByRole('link', { name: 'Hausanschluss Gas, Neubau Einfamilienhaus' })).toBeVisible();
		// Playwright's text matching skips <noscript>, which the browser shows here: read the page itself
		expect(await page.content()).toContain('Die Karte braucht JavaScript.');
	});

	test('Filter in den Kalenderansichten behalten Ansicht und Datum', async ({ page }) => {
		await loginAndSeed(page, STADTWERKE);
		await open(page, `/baustellen?ansicht=woche&datum=${today}`);
		await page.getByLabel('Sparte').selectOption({ label: 'Wasser' });
		await page.getByLabel('Suche').press('Enter');
		await expect(page).toHaveURL(new RegExp(`ansicht=woche&datum=${today}&sparte=wasser`));
		const week = page.getByRole('group', { name: /^Wochenkalender KW/ });
		await expect(week.getByRole('link', { name: /^E2E-01 / })).toBeVisible();
		await expect(week.getByRole('link', { name: /^E2E-05 / })).toHaveCount(0);
	});
});
