/**
 * The street cross-section as a construction firm uses it: with a valid Auskunft on the Marktplatz it
 * types a point into the form (a wrong one first), sees the drawing and the table of the released lines
 * with the Auskunft's number, and the operator that has not answered under „Nicht gezeigt“; a street
 * name alone is cut at its middle — all without JavaScript too (@form). With JavaScript it comes from the Auskunft's page and picks other points on
 * the map, by mouse and by keyboard.
 */
import type { APIRequestContext } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, expect, login, open, screenshot, test } from './fixtures';

const MARKT = { type: 'Polygon', coordinates: [[[11.969, 51.4825], [11.9696, 51.4825], [11.9696, 51.48277], [11.969, 51.48277], [11.969, 51.4825]]] };
const STADTWERKE = 'Stadtwerke Saalestadt (Demo)';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Requested {
	id: string;
	number: string;
	/** operators that have not answered yet */
	pending: string[];
	token: string;
}

/** An Auskunft of the demo firm over the Marktplatz, requested over the API. */
async function requestAuskunft(request: APIRequestContext, label: string): Promise<Requested> {
	const tokenRes = await request.post('/api/v1/tokens', { data: { email: ACCOUNTS.bau.email, password: DEMO_PASSWORD, label } });
	expect(tokenRes.status()).toBe(201);
	const { token } = (await tokenRes.json()) as { token: string };
	const res = await request.post('/api/v1/auskuenfte', {
		headers: { authorization: `Bearer ${token}` },
		data: { type: 'bau', geometry: MARKT, workClass: 'aufgrabung', period: { start: inDays(3), end: inDays(10) }, description: `Querschnitt Marktplatz (${label})` }
	});
	expect(res.status(), await res.text()).toBe(201);
	const body = (await res.json()) as { id: string; number: string; operators: { name: string; status: string }[] };
	const pending = body.operators.filter((o) => o.status === 'ausstehend').map((o) => o.name);
	expect(pending.length).toBeGreaterThan(0);
	return { id: body.id, number: body.number, pending, token };
}

test.describe('Straßenraum: Querschnitt', () => {
	test('Punkt auf dem Marktplatz eingeben: Zeichnung, Leitungen der Auskunft, nicht gezeigte Betreiber @form', async ({ page, request }, testInfo) => {
		test.setTimeout(60_000);
		const a = await requestAuskunft(request, `e2e-strassenraum-${testInfo.project.name}-${testInfo.workerIndex}`);
		await login(page, ACCOUNTS.bau.email);
		await open(page, '/strassenraum');
		await expect(page.getByRole('heading', { level: 1, name: 'Straßenraum: Querschnitt' })).toBeVisible();

		// a wrong point first: the problem stands at the fields, in German
		await page.getByLabel('Länge', { exact: true }).fill('11,9693');
		await page.getByLabel('Breite', { exact: true }).fill('Marktplatz');
		await page.getByRole('button', { name: 'Querschnitt zeigen' }).click();
		await expect(page.getByText('Länge und Breite müssen Zahlen in Grad sein')).toBeVisible();
		await expect(page.getByLabel('Breite', { exact: true })).toHaveAttribute('aria-invalid', 'true');

		// the decimal comma, as people type it
		await page.getByLabel('Breite', { exact: true }).fill('51,48263');
		await page.getByRole('button', { name: 'Querschnitt zeigen' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Querschnitt Marktplatz' })).toBeVisible();
		await expect(page).toHaveURL(/\/strassenraum\?lon=11%2C9693&lat=51%2C48263/);

		const drawing = page.getByRole('img', { name: 'Querschnitt Marktplatz' });
		await expect(drawing).toBeVisible();
		await expect(drawing).toHaveAccessibleDescription(/^\d+ Leitungen im Querschnitt Marktplatz, je 15 m links und rechts der Achse/);

		const table = page.getByRole('table', { name: 'Leitungen im Querschnitt, von links nach rechts' });
		await expect(table.getByRole('cell', { name: STADTWERKE }).first()).toBeVisible();
		await expect(table).toContainText(/\d+,\d\d m (links|rechts)/);
		await expect(table).toContainText(/\d+,\d\d m \(gemessen\)/);
		// an operator's lines come from the newest valid Auskunft of the firm here that has its plan: for the
		// Stadtwerke, who answer at once, this one — or one another test requested since
		const rows = await table.getByRole('row').filter({ hasText: STADTWERKE }).allTextContents();
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			const number = row.match(/Auskunft (LA-\d{4}-\d{6}) gültig bis \d{2}\.\d{2}\.\d{4}/)?.[1] ?? '';
			expect(number >= a.number, `${row} vs ${a.number}`).toBe(true);
		}

		// „Nicht gezeigt“ names exactly whom the API withholds, among them the operator still to answer —
		// unless another test has meanwhile had it release its plan for another Auskunft of the firm here
		const api = await request.get('/api/v1/strassenraum?lon=11.9693&lat=51.48263', { headers: { authorization: `Bearer ${a.token}` } });
		const withheld = ((await api.json()) as { withheld: { operator: { name: string } }[] }).withheld.map((w) => w.operator.name);
		const notShown = page.getByRole('region', { name: 'Nicht gezeigt' });
		await expect(notShown.getByRole('listitem')).toHaveCount(withheld.length);
		for (const name of withheld) await expect(notShown).toContainText(name);
		const stillPending = a.pending.filter((name) => withheld.includes(name));
		if (!stillPending.length) testInfo.annotations.push({ type: 'note', description: `${a.pending.join(', ')} released elsewhere meanwhile` });
		for (const name of stillPending) await expect(notShown.getByRole('listitem').filter({ hasText: name })).toContainText('steht noch aus');
		await expect(page.getByRole('region', { name: 'Nicht betroffen' })).toBeVisible();

		if (testInfo.project.use.javaScriptEnabled !== false) {
			await expect(page.getByRole('application', { name: /Klick auf eine Straße/ }).locator('canvas').first()).toBeVisible();
		}
		await screenshot(page, testInfo, 'strassenraum');

		// a street alone is cut at its middle
		await page.getByLabel('Länge', { exact: true }).fill('');
		await page.getByLabel('Breite', { exact: true }).fill('');
		await page.getByLabel(/^Straße/).fill('Große Steinstraße');
		await page.getByRole('button', { name: 'Querschnitt zeigen' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Querschnitt Große Steinstraße' })).toBeVisible();
	});

	test('vom Ergebnis der Auskunft zum Querschnitt, dann ein anderer Punkt per Klick in die Karte', async ({ page, request }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled === false, 'the map needs JavaScript; the @form test covers the form');
		test.setTimeout(60_000);
		const a = await requestAuskunft(request, `e2e-strassenraum-karte-${testInfo.workerIndex}`);
		await login(page, ACCOUNTS.bau.email);
		await open(page, `/auskunft/${a.id}`);
		await page.getByRole('link', { name: 'Querschnitt im Straßenraum' }).click();
		// the middle of the drawn area
		await expect(page).toHaveURL(/\/strassenraum\?lon=11\.9693&lat=51\.482635$/);
		const drawing = page.getByRole('img', { name: 'Querschnitt Marktplatz' });
		await expect(drawing).toBeVisible();
		await expect(page.getByRole('table', { name: /Leitungen im Querschnitt/ })).toContainText(STADTWERKE);

		const map = page.getByRole('application', { name: /Klick auf eine Straße/ });
		await expect(map.locator('canvas').first()).toBeVisible();
		const box = (await map.boundingBox())!;
		await page.mouse.click(box.x + box.width / 2 + 25, box.y + box.height / 2 + 10);
		// a new, bookmarkable address; the page answers it
		await expect(page).not.toHaveURL(/lat=51\.482635$/);
		await expect(page).toHaveURL(/\/strassenraum\?lon=\d+\.\d+&lat=\d+\.\d+$/);
		const url = page.url();
		await expect(page.getByLabel('Länge', { exact: true })).toHaveValue(new URL(url).searchParams.get('lon')!);
		await expect(drawing).toBeVisible();
		// from the keyboard: Enter on the focused map cuts at its centre (the crosshair)
		await map.focus();
		await page.keyboard.press('Enter');
		await expect(page).not.toHaveURL(url);
		await expect(drawing).toBeVisible();
		await page.reload();
		await expect(page.getByRole('img', { name: /^Querschnitt / })).toBeVisible();
	});
});
