/**
 * The Mitnutzung check as a Breitband planner uses it: draw a route on the map (and undo it), paste the
 * planned route as GeoJSON, check it, and read how much of it runs along free ducts of the Glasfaser
 * Fiktiv and whom to ask; another organisation cannot open the result. A route through the Altstadt's
 * coming excavations lists them with the date to ask by and § 146 TKG where publicly funded. Without
 * JavaScript (@form) the route is pasted into the form's GeoJSON field: a refusal names its fields in
 * German, then the check succeeds and the history lists it.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { footprintAlong } from '../../src/lib/server/kalender/sample';
import { ACCOUNTS, DEMO_PASSWORD, expect, login, logout, open, screenshot, test } from './fixtures';

const PLANER = 'planung@ib-beispiel.demo';
const GLASFASER = 'Glasfaser Fiktiv GmbH (Demo)';
/** Along the Glasfaser Fiktiv's duct bank in Halle's Altstadt (demo networks), then on south. */
const ROUTE = {
	type: 'LineString',
	coordinates: [[11.97288, 51.4889], [11.97278, 51.4882], [11.97265, 51.48712], [11.9723, 51.48688], [11.97213, 51.4866], [11.9718, 51.4855]]
};
/** The Große Ulrichstraße and the Geiststraße, where the demo calendar has excavations in the coming weeks. */
const ALTSTADT = {
	type: 'MultiLineString',
	coordinates: [footprintAlong('Große Ulrichstraße', [0.05, 0.95], 2).axis4326.coordinates, footprintAlong('Geiststraße', [0.05, 0.95], 2).axis4326.coordinates]
};
const FIGURE = /^\d{1,3}(,\d)? % der Trasse entlang freier Leerrohre \([\d.]+,\d von [\d.]+,\d m\)$/;

async function bearer(request: APIRequestContext, label: string): Promise<string> {
	const res = await request.post('/api/v1/tokens', { data: { email: PLANER, password: DEMO_PASSWORD, label } });
	expect(res.status()).toBe(201);
	return ((await res.json()) as { token: string }).token;
}

/** The result page's essentials: number, the big figure, the Glasfaser Fiktiv's ducts with its contact. */
async function expectResult(page: Page, title: string): Promise<string> {
	await expect(page).toHaveURL(/\/mitnutzung\/[0-9a-f-]{36}$/, { timeout: 20_000 });
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toContainText(/MN-\d{4}-\d{5}/);
	await expect(heading).toContainText(title);
	await expect(page.getByTestId('abdeckung')).toHaveText(FIGURE);
	const row = page.getByTestId('leerrohr').filter({ hasText: GLASFASER });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Breitband (Glasfaser)');
	await expect(row).toContainText(/m \d+,\d–\d+,\d/);
	await expect(row.getByRole('link', { name: /@glasfaser-fiktiv\.demo$/ })).toHaveAttribute('href', /^mailto:/);
	await expect(page.getByRole('heading', { level: 2, name: /^Ohne Leerrohr/ })).toBeVisible();
	return (await heading.textContent())!.match(/MN-\d{4}-\d{5}/)![0];
}

test.describe('Mitnutzung prüfen', () => {
	test('Trasse zeichnen, als GeoJSON einfügen, prüfen; fremde Organisationen sehen das Ergebnis nicht', async ({ page }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled === false, 'drawing needs JavaScript; the @form test covers the plain path');
		test.setTimeout(90_000);
		await login(page, PLANER);
		await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Mitnutzung' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Mitnutzung' })).toBeVisible();
		await page.getByRole('link', { name: 'Neue Trasse prüfen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Neue Trasse prüfen' })).toBeVisible();
		await page.waitForFunction(() => history.scrollRestoration === 'manual');
		const submit = page.getByRole('button', { name: 'Trasse prüfen' });
		await expect(submit).toBeDisabled();

		// draw a line with the mouse, then take it back
		const map = page.getByRole('application', { name: 'Karte zum Zeichnen der Trasse' });
		await expect(map.locator('canvas').first()).toBeVisible();
		const box = (await map.boundingBox())!;
		const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
		await page.getByRole('button', { name: 'Trasse zeichnen' }).click();
		for (const p of [{ x: c.x - 80, y: c.y - 40 }, { x: c.x, y: c.y }, { x: c.x + 60, y: c.y + 50 }]) await page.mouse.click(p.x, p.y);
		await page.getByRole('button', { name: 'Abschließen' }).click();
		await expect(page.getByTestId('trassenlaenge')).toHaveText(/^\d+,\d m$/);
		await expect(submit).toBeEnabled();
		await page.getByRole('button', { name: 'Rückgängig' }).click();
		await expect(page.getByTestId('trassenlaenge')).toHaveText('–');
		await expect(submit).toBeDisabled();

		// and with the keyboard: Enter sets a point at the crosshair, arrows move the map, Shift+Enter finishes
		await page.getByRole('button', { name: 'Trasse zeichnen' }).click();
		await map.focus();
		await page.keyboard.press('Enter');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Enter');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Shift+Enter');
		await expect(page.getByTestId('trassenlaenge')).toHaveText(/^\d+,\d m$/);
		await page.keyboard.press('Control+z');
		await expect(page.getByTestId('trassenlaenge')).toHaveText('–');

		// the planned route from the GIS, pasted
		await page.getByText('GeoJSON einfügen', { exact: true }).click();
		await page.getByLabel('GeoJSON der Trasse einfügen').fill(JSON.stringify({ type: 'Feature', properties: { name: 'Los 4' }, geometry: ROUTE }));
		await page.getByRole('button', { name: 'Übernehmen' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Eingefügtes GeoJSON übernommen.' })).toBeVisible();
		await expect(page.getByTestId('trassenlaenge')).toHaveText(/^39\d,\d m$/);
		await page.getByLabel('Bezeichnung').fill('FTTH Los 4, Abschnitt Nord');
		await expect(page.getByLabel('Korridor')).toHaveValue('5');
		await page.waitForLoadState('networkidle');
		await screenshot(page, testInfo, 'mitnutzung-neu');
		await submit.click();

		const number = await expectResult(page, 'FTTH Los 4, Abschnitt Nord');
		await page.waitForLoadState('networkidle');
		await screenshot(page, testInfo, 'mitnutzung-ergebnis');
		const url = page.url();

		// the history lists it
		await page.getByRole('link', { name: 'Mitnutzung', exact: true }).first().click();
		const row = page.getByRole('row').filter({ hasText: number });
		await expect(row).toContainText('FTTH Los 4, Abschnitt Nord');
		await expect(row).toContainText(GLASFASER);

		// another organisation: not found
		await logout(page);
		await login(page, ACCOUNTS.bau.email);
		const response = await open(page, url);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1, name: 'Nicht gefunden' })).toBeVisible();
	});

	test('ohne JavaScript: Trasse als GeoJSON, Fehler am Feld, dann geprüft und in der Liste @form', async ({ page }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled !== false, 'the plain form path');
		await login(page, PLANER);
		await open(page, '/mitnutzung/neu');
		const routeField = page.getByLabel('GeoJSON der Trasse');
		await page.getByLabel('Bezeichnung').fill('Hausanschlüsse Nord (ohne JavaScript)');
		await page.getByLabel('Korridor').fill('40');
		await page.getByRole('button', { name: 'Trasse prüfen' }).click();

		// no route and a corridor out of range: refused, named at both fields, the form keeps what was typed
		await expect(page.getByRole('alert')).toContainText('Die Trasse wurde nicht geprüft.');
		await expect(routeField).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#routeText-fehler')).toContainText('Bitte die geplante Trasse');
		await expect(page.getByLabel('Korridor')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#corridorM-fehler')).toHaveText('Der Korridor muss zwischen 0,5 und 25 m liegen.');
		await expect(page.getByLabel('Bezeichnung')).toHaveValue('Hausanschlüsse Nord (ohne JavaScript)');
		await screenshot(page, testInfo, 'mitnutzung-neu-fehler');

		// a polygon is no route
		await routeField.fill(JSON.stringify({ type: 'Polygon', coordinates: [[[11.97, 51.48], [11.971, 51.48], [11.971, 51.481], [11.97, 51.48]]] }));
		await page.getByLabel('Korridor').fill('5');
		await page.getByRole('button', { name: 'Trasse prüfen' }).click();
		await expect(page.locator('#routeText-fehler')).toContainText('keine Linie');
		await expect(page.locator('#corridorM-fehler')).toHaveCount(0);

		await routeField.fill(JSON.stringify(ROUTE));
		await page.getByRole('button', { name: 'Trasse prüfen' }).click();
		const number = await expectResult(page, 'Hausanschlüsse Nord (ohne JavaScript)');
		await screenshot(page, testInfo, 'mitnutzung-ergebnis');

		await open(page, '/mitnutzung');
		await screenshot(page, testInfo, 'mitnutzung-liste');
		const row = page.getByRole('row').filter({ hasText: number });
		await expect(row).toContainText('Hausanschlüsse Nord (ohne JavaScript)');
		await expect(row).toContainText(GLASFASER);
		await row.getByRole('link', { name: number }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
	});

	test('Mitverlegung: kommende Aufgrabungen an der Trasse, Frist zum Anfragen, § 146 TKG, Link in den Atlas', async ({ page, request }, testInfo) => {
		const token = await bearer(request, `e2e-mitnutzung-${testInfo.project.name}-${testInfo.workerIndex}`);
		const res = await request.post('/api/v1/mitnutzung', {
			headers: { authorization: `Bearer ${token}` },
			data: { title: 'FTTH Altstadt, Große Ulrichstraße und Geiststraße', route: ALTSTADT, corridorM: 3 }
		});
		expect(res.status(), await res.text()).toBe(201);
		const check = (await res.json()) as { id: string; createdAt: string; coLaying: { askBy: string; baustelle: { number: string; publiclyFunded: boolean } }[] };
		const checkedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(check.createdAt));
		expect(check.coLaying.length).toBeGreaterThan(0);

		await login(page, PLANER);
		await open(page, `/mitnutzung/${check.id}`);
		const chances = page.getByTestId('mitverlegung');
		await expect(chances).toHaveCount(check.coLaying.length);
		for (const c of check.coLaying) {
			const item = chances.filter({ hasText: c.baustelle.number });
			// on the day of the check itself the ask-by date means „at once“
			const [y, m, d] = c.askBy.split('-');
			await expect(item).toContainText(c.askBy <= checkedOn ? 'sofort anfragen' : `anfragen bis ${d}.${m}.${y}`);
			await expect(item).toContainText(c.baustelle.publiclyFunded ? '§ 146 TKG' : 'freiwillig');
		}
		await page.waitForLoadState('networkidle');
		await screenshot(page, testInfo, 'mitnutzung-mitverlegung');

		const first = check.coLaying[0]!.baustelle.number;
		await chances.filter({ hasText: first }).getByRole('link', { name: first }).click();
		await expect(page).toHaveURL(new RegExp(`/atlas/${first}$`));
	});
});
