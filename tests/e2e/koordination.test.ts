/**
 * The Tiefbauamt's workflow pages: its Eingang shows a Baustelle a firm has just applied for, and the
 * link leads to the Baustelle's permits; an Aufbruchsperre is created by street name and at once
 * stops the excavation registered there; the settings form refuses a bad value in German and saves
 * — without JavaScript as well (@form). Screenshots of every page for a look.
 *
 * The Sperre lies on the Kirchnerstraße, far from the demo's and the other tests' Baustellen, and is
 * lifted at the end, so it blocks nobody else's permit in the shared test database.
 */
import type { APIRequestContext } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, expect, login, open, screenshot, test } from './fixtures';
import { footprintAlong } from '../../src/lib/server/kalender/sample';

const TIEFBAUAMT = 'tiefbauamt@halle.demo';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function bearer(request: APIRequestContext, email: string, label: string): Promise<string> {
	const res = await request.post('/api/v1/tokens', { data: { email, password: DEMO_PASSWORD, label } });
	expect(res.status()).toBe(201);
	return ((await res.json()) as { token: string }).token;
}

/** The construction firm registers an excavation on `street` and applies for its permits. */
async function appliedBaustelle(request: APIRequestContext, label: string, street: string, part: [number, number]): Promise<{ id: string; number: string }> {
	const token = await bearer(request, ACCOUNTS.bau.email, label);
	const headers = { authorization: `Bearer ${token}` };
	const res = await request.post('/api/v1/baustellen', {
		headers,
		data: {
			title: `Hausanschluss Trinkwasser ${street} (${label})`,
			workKind: 'aufgrabung',
			networks: ['wasser'],
			exemption: 'hausanschluss',
			footprint: footprintAlong(street, part, 4).footprint4326,
			period: { start: inDays(20), end: inDays(34), confirmed: true },
			traffic: 'halbseitig',
			contact: { name: 'Bernd Bauleiter', phone: '0345 000 111', email: 'bauleiter@musterbau.example' }
		}
	});
	expect(res.status(), await res.text()).toBe(201);
	const b = (await res.json()) as { id: string; number: string };
	const applied = await request.post(`/api/v1/baustellen/${b.id}/aktionen`, { headers, data: { action: 'beantragen' } });
	expect(applied.status(), await applied.text()).toBe(200);
	return b;
}

test.describe('Koordination des Tiefbauamts', () => {
	test('Eingang zeigt den eingereichten Antrag, der Link führt zur Baustelle', async ({ page, request }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled === false, 'links work alike without JavaScript; the @form test covers the forms');
		const label = `e2e-eingang-${Date.now().toString(36)}`;
		const b = await appliedBaustelle(request, label, 'Ahornweg', [0.2, 0.5]);

		await login(page, TIEFBAUAMT);
		await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Koordination' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Eingang' })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Koordination' }).getByRole('link', { name: 'Eingang' })).toHaveAttribute('aria-current', 'page');
		await expect(page.getByRole('heading', { level: 2, name: /^Anträge \(\d+\)$/ })).toBeVisible();

		const row = page.getByTestId(`antrag-${b.number}-aufgrabeerlaubnis`);
		await expect(row).toContainText('Aufgrabeerlaubnis');
		await expect(row).toContainText('Vollständigkeit prüfen');
		await expect(row).toContainText('Tiefbau Musterbau GmbH (Demo)');
		await screenshot(page, testInfo, 'koordination-eingang');

		// the street filter narrows every group to that street (GET parameters)
		await page.getByLabel('Straße', { exact: true }).fill('Ahornweg');
		await page.getByRole('button', { name: 'Filtern' }).click();
		await expect(page).toHaveURL(/strasse=Ahornweg/);
		await expect(page.getByTestId(`antrag-${b.number}-aufgrabeerlaubnis`)).toBeVisible();
		await expect(page.getByRole('link', { name: 'Filter zurücksetzen' })).toBeVisible();
		await screenshot(page, testInfo, 'koordination-eingang-gefiltert');

		await page.getByTestId(`antrag-${b.number}-aufgrabeerlaubnis`).getByRole('link', { name: b.number }).click();
		await expect(page).toHaveURL(new RegExp(`/baustellen/${b.id}#genehmigungen$`));
		await expect(page.getByRole('heading', { level: 1 })).toContainText(label);
	});

	test('Aufbruchsperre nach Straßenname anlegen, ändern und aufheben', async ({ page, request }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled === false, 'one run is enough: the Sperre is shared by the whole test database');
		test.setTimeout(60_000);
		const label = `e2e-sperre-${Date.now().toString(36)}`;
		const b = await appliedBaustelle(request, label, 'Kirchnerstraße', [0.3, 0.6]);
		const title = `Aufbruchsperre Kirchnerstraße nach Deckenerneuerung (${label})`;

		await login(page, TIEFBAUAMT);
		await open(page, '/koordination/aufbruchsperren');
		await expect(page.getByRole('heading', { level: 1, name: 'Aufbruchsperren' })).toBeVisible();
		await expect(page.getByRole('application', { name: 'Karte zum Zeichnen der Aufbruchsperre' }).locator('canvas').first()).toBeVisible();

		const form = page.locator('form.neu');
		await form.getByLabel('Titel').fill(title);
		await form.getByLabel('Straße', { exact: true }).fill('Kirchnerstraße');
		await form.getByLabel('Gültig bis').fill(inDays(5 * 365));
		await form.getByLabel('Rechtsgrundlage').fill('Aufgrabungsrichtlinie der Stadt Halle (Demo), Ziffer 4');
		await expect(form.getByRole('radio', { name: /Sperre/ })).toBeChecked();
		await expect(form.getByRole('checkbox', { name: 'Dringende Reparatur' })).toBeChecked();
		await expect(form.getByRole('checkbox', { name: 'Hausanschluss' })).not.toBeChecked();
		await screenshot(page, testInfo, 'koordination-aufbruchsperre-neu');
		await form.getByRole('button', { name: 'Aufbruchsperre anlegen' }).click();

		await expect(page.getByRole('status')).toHaveText(`Aufbruchsperre „${title}“ angelegt. 1 Baustelle ist betroffen, eine davon wird gesperrt.`);
		const row = page.getByTestId(`sperre-${title}`);
		await expect(row).toContainText('Kirchnerstraße');
		await expect(row.getByTestId('betroffen')).toContainText('1 Baustelle');
		await expect(row.getByTestId('betroffen')).toContainText('1 gesperrt');
		await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
		await screenshot(page, testInfo, 'koordination-aufbruchsperren');

		// the firm's Aufgrabeerlaubnis is now blocked: the inbox lists the conflict with the Sperre
		await open(page, '/koordination');
		const konflikte = page.locator('#konflikte');
		await expect(konflikte.getByRole('link', { name: title })).toBeVisible();
		await expect(konflikte.getByRole('row').filter({ hasText: b.number })).toContainText('sperrt');

		// change: a house connection may dig after all
		await open(page, '/koordination/aufbruchsperren');
		await row.getByRole('link', { name: `${title} ändern` }).click();
		const change = page.getByRole('form', { name: `${title} ändern` });
		await expect(change).toBeVisible();
		await change.getByRole('checkbox', { name: 'Hausanschluss' }).check();
		await screenshot(page, testInfo, 'koordination-aufbruchsperre-aendern');
		await change.getByRole('button', { name: 'Speichern' }).click();
		await expect(page.getByRole('status')).toHaveText(`„${title}“ geändert. 1 Baustelle ist betroffen.`);
		await expect(row).toContainText('Dringende Reparatur, Hausanschluss, Störungsbeseitigung');

		// lift it, so nothing else in the shared database is held up
		await row.getByRole('button', { name: `${title} aufheben` }).click();
		await expect(page.getByRole('status')).toContainText(`„${title}“ aufgehoben.`);
		await expect(page.locator('#aktiv').getByTestId(`sperre-${title}`)).toHaveCount(0);
	});

	test('Einstellungen: ein falscher Wert wird auf Deutsch abgelehnt, dann gespeichert @form', async ({ page }, testInfo) => {
		await login(page, TIEFBAUAMT);
		await open(page, '/koordination/einstellungen');
		await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
		await expect(page.getByRole('row', { name: /Zustimmung nach § 127 TKG/ })).toContainText('gesetzlich (§ 127 Abs. 3 TKG)');
		await screenshot(page, testInfo, 'koordination-einstellungen');

		const distance = page.getByLabel('Konfliktabstand');
		const before = await distance.inputValue();
		await distance.fill('5000');
		await page.getByRole('button', { name: 'Speichern' }).click();
		await expect(page.getByRole('alert')).toContainText('Der Konfliktabstand muss zwischen 0 und 1.000 m liegen.');
		await expect(page.getByLabel('Konfliktabstand')).toHaveValue('5000');
		await expect(page.getByLabel('Konfliktabstand')).toHaveAttribute('aria-invalid', 'true');
		await screenshot(page, testInfo, 'koordination-einstellungen-fehler');

		// back to the value it had: both projects run this test against the same authority
		await page.getByLabel('Konfliktabstand').fill(before);
		await page.getByRole('button', { name: 'Speichern' }).click();
		await expect(page.getByRole('status')).toHaveText('Einstellungen gespeichert.');
		await expect(page.getByLabel('Konfliktabstand')).toHaveValue(before);
	});

	test('TöB-Liste bleibt erreichbar', async ({ page }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled === false, 'its forms are tested in the integration tests');
		await login(page, TIEFBAUAMT);
		await open(page, '/koordination');
		await page.getByRole('navigation', { name: 'Koordination' }).getByRole('link', { name: 'TöB-Liste' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'TöB-Liste' })).toBeVisible();
		await screenshot(page, testInfo, 'koordination-toeb');
	});
});
