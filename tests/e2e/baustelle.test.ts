/**
 * One Baustelle through its life as the issue tells it: the Stadtwerke have registered works on the
 * Marktplatz; a construction firm draws its own Baustelle over the same place and time and sees the
 * conflict; it applies for the permits; the Tiefbauamt sees the conflict and the application in its inbox
 * and grants the Aufgrabeerlaubnis with a condition; the firm reads „Erteilt mit Auflagen“ and the
 * condition; the public Baustellenatlas lists the Baustelle without a login. Without JavaScript a
 * Baustelle is registered with the GeoJSON fallback (@form), and an Auskunft becomes a Baustelle in one
 * click (@form, both projects).
 */
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, expect, isLocalUrl, login, open, screenshot, test } from './fixtures';

const STADTWERKE = { email: 'netz@sw-saalestadt.demo', org: 'Stadtwerke Saalestadt (Demo)' };
const TIEFBAUAMT = 'tiefbauamt@halle.demo';
/** Around the Marktplatz, where the map opens (HALLE_MARKTPLATZ). */
const MARKT = { type: 'Polygon', coordinates: [[[11.9692, 51.4823], [11.9702, 51.4823], [11.9702, 51.4829], [11.9692, 51.4829], [11.9692, 51.4823]]] };

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function bearer(request: APIRequestContext, email: string, label: string): Promise<string> {
	const res = await request.post('/api/v1/tokens', { data: { email, password: DEMO_PASSWORD, label } });
	expect(res.status()).toBe(201);
	return ((await res.json()) as { token: string }).token;
}

/** The Stadtwerke's Baustelle on the Marktplatz, registered over the API. */
async function stadtwerkeBaustelle(request: APIRequestContext, label: string): Promise<{ id: string; number: string }> {
	const token = await bearer(request, STADTWERKE.email, label);
	const res = await request.post('/api/v1/baustellen', {
		headers: { authorization: `Bearer ${token}` },
		data: {
			title: `Erneuerung Trinkwasserleitung Marktplatz (${label})`,
			workKind: 'leitungsbau',
			networks: ['wasser'],
			footprint: MARKT,
			period: { start: inDays(10), end: inDays(45), confirmed: true },
			traffic: 'halbseitig',
			contact: { name: 'Nora Netz', phone: '0345 581-0', email: 'bau@sw-saalestadt.example' }
		}
	});
	expect(res.status(), await res.text()).toBe(201);
	return (await res.json()) as { id: string; number: string };
}

/** A second browser session (another organisation), offline like the first. */
async function otherSession(browser: Browser, baseURL: string, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ baseURL, javaScriptEnabled, locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 800 } });
	await context.route('**/*', (route) => (isLocalUrl(route.request().url()) ? route.fallback() : route.abort('blockedbyclient')));
	return context.newPage();
}

test.describe('Baustelle anmelden und genehmigen', () => {
	test('Firma meldet eine kollidierende Baustelle an, das Tiefbauamt erteilt mit Auflagen', async ({ page, browser, request, baseURL }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled === false, 'drawing needs JavaScript; the @form test covers the plain path');
		test.setTimeout(120_000);
		const label = `e2e-konflikt-${testInfo.workerIndex}-${Date.now().toString(36)}`;
		const other = await stadtwerkeBaustelle(request, label);

		// the firm draws its Baustelle over the same place
		await login(page, ACCOUNTS.bau.email);
		await open(page, '/baustellen/neu');
		await expect(page.getByRole('heading', { level: 1, name: 'Neue Baustelle' })).toBeVisible();
		const map = page.getByRole('application', { name: 'Karte zum Zeichnen der Baustelle' });
		await expect(map.locator('canvas').first()).toBeVisible();
		const box = (await map.boundingBox())!;
		const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
		await page.getByRole('button', { name: 'Fläche zeichnen' }).click();
		for (const p of [
			{ x: c.x - 50, y: c.y - 30 },
			{ x: c.x + 50, y: c.y - 30 },
			{ x: c.x + 50, y: c.y + 30 },
			{ x: c.x - 50, y: c.y + 30 },
			{ x: c.x - 50, y: c.y - 30 }
		])
			await page.mouse.click(p.x, p.y);
		await expect(page.getByTestId('flaeche')).not.toHaveText('–');

		const form = page.locator('#baustelle-form');
		await form.getByLabel('Maßnahme', { exact: true }).fill(`Hausanschluss Wasser Marktplatz 7 (${label})`);
		await form.getByLabel('Art der Arbeiten').selectOption('aufgrabung');
		await expect(form.getByRole('radio', { name: 'ja' })).toBeChecked();
		await form.getByRole('checkbox', { name: 'Wasser', exact: true }).check();
		await form.getByLabel('Baubeginn').fill(inDays(20));
		await form.getByLabel('Bauende').fill(inDays(30));
		await form.getByLabel('Verkehr').selectOption('gehweg');
		await form.getByLabel('Telefon').fill('0170 1234567');
		await form.getByLabel('Art, Zeile 1').fill('Leerrohr');
		await form.getByLabel('Anzahl, Zeile 1').fill('2');
		await form.getByLabel('Durchmesser in mm, Zeile 1').fill('50');
		await page.waitForLoadState('networkidle');
		await screenshot(page, testInfo, 'baustelle-neu');
		// the whole form at once: a tall window gives the panel room for all of it
		await page.setViewportSize({ width: 1280, height: 2300 });
		await screenshot(page, testInfo, 'baustelle-neu-formular');
		await page.setViewportSize({ width: 1280, height: 800 });
		await form.getByRole('button', { name: 'Baustelle anmelden' }).click();

		await expect(page).toHaveURL(/\/baustellen\/[0-9a-f-]{36}$/, { timeout: 20_000 });
		const heading = page.getByRole('heading', { level: 1 });
		await expect(heading).toContainText(/BS-\d{4}-\d{5}/);
		await expect(heading).toContainText('Geplant');
		const url = page.url();

		// the conflict with the Stadtwerke, with whom to coordinate
		const conflict = page.getByTestId('konflikt').filter({ hasText: other.number });
		await expect(conflict).toBeVisible();
		await expect(conflict).toContainText('Überschneidung');
		await expect(conflict).toContainText(STADTWERKE.org);
		await expect(conflict).toContainText('Nora Netz');

		// apply for the permits
		const permits = page.locator('#genehmigungen');
		const aufgrabe = permits.getByTestId('genehmigung').filter({ hasText: 'Aufbruch-/Aufgrabeerlaubnis' });
		await expect(aufgrabe).toContainText('Noch nicht beantragt');
		await permits.getByRole('button', { name: 'Genehmigungen beantragen' }).click();
		await expect(permits.getByRole('status')).toContainText('Anträge eingereicht');
		await expect(aufgrabe).toContainText('Eingereicht');
		await page.waitForLoadState('networkidle');
		await screenshot(page, testInfo, 'baustelle-detail-firma');

		// the Tiefbauamt's inbox: the conflict between the two, and the application waiting for it
		const amt = await otherSession(browser, baseURL!, true);
		await login(amt, TIEFBAUAMT);
		await open(amt, '/koordination');
		const number = (await heading.textContent())!.match(/BS-\d{4}-\d{5}/)![0];
		const clash = amt.locator('#konflikte tbody tr').filter({ hasText: number }).filter({ hasText: other.number });
		await expect(clash).toHaveCount(1);
		await expect(clash).toContainText('Überschneidung');
		await expect(clash).toContainText('Hoch');
		const application = amt.getByTestId(`antrag-${number}-aufgrabeerlaubnis`);
		await expect(application).toContainText('Vollständigkeit prüfen');
		await application.getByRole('link', { name: new RegExp(number) }).click();
		await expect(amt.getByRole('heading', { level: 1 })).toContainText(number);
		await expect(amt.getByTestId('konflikt').filter({ hasText: other.number })).toBeVisible();

		const decision = amt.locator('#genehmigungen').getByTestId('genehmigung').filter({ hasText: 'Aufbruch-/Aufgrabeerlaubnis' });
		await decision.getByLabel('Auflagen', { exact: true }).fill('Gehwegplatten nach Abschluss in Originallage wieder verlegen, Baugrube nachts beleuchten.');
		await decision.getByRole('button', { name: 'Erteilen mit Auflagen' }).click();
		await expect(decision.getByRole('status')).toContainText('mit Auflagen erteilt');
		await expect(decision).toContainText('Erteilt mit Auflagen');
		await amt.waitForLoadState('networkidle');
		await screenshot(amt, testInfo, 'baustelle-detail-tiefbauamt');
		await amt.context().close();

		// the firm reads the decision and the condition
		await open(page, url);
		const granted = page.locator('#genehmigungen').getByTestId('genehmigung').filter({ hasText: 'Aufbruch-/Aufgrabeerlaubnis' });
		await expect(granted).toContainText('Erteilt mit Auflagen');
		await expect(granted).toContainText('Gehwegplatten nach Abschluss in Originallage wieder verlegen');

		// the public Baustellenatlas shows it, without signing in
		const id = url.split('/').pop()!;
		const own = await request.get(`/api/v1/baustellen/${id}`, { headers: { authorization: `Bearer ${await bearer(request, ACCOUNTS.bau.email, `${label}-atlas`)}` } });
		const { title, streets } = (await own.json()) as { title: string; streets: string[] };
		expect(streets.length).toBeGreaterThan(0);
		const visitor = await otherSession(browser, baseURL!, true);
		await open(visitor, `/atlas?street=${encodeURIComponent(streets[0]!)}`);
		const listed = visitor.getByRole('table').getByRole('row').filter({ hasText: title });
		await expect(listed).toHaveCount(1);
		await expect(listed).toContainText('Tiefbau Musterbau GmbH (Demo)');
		await listed.getByRole('link', { name: title }).click();
		await expect(visitor).toHaveURL(new RegExp(`/atlas/${number}$`));
		await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await visitor.context().close();
	});

	test('ohne JavaScript: Fläche als GeoJSON, Fehler am Feld, dann angelegt @form', async ({ page }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled !== false, 'the plain form path');
		await login(page, ACCOUNTS.bau.email);
		await open(page, '/baustellen/neu');
		await page.getByLabel('Maßnahme', { exact: true }).fill('Kranstellung Marktplatz (ohne JavaScript)');
		await page.getByLabel('Art der Arbeiten').selectOption('kranstellung');
		await page.getByRole('radio', { name: 'nein' }).check();
		await page.getByLabel('Baubeginn').fill(inDays(5));
		await page.getByLabel('Bauende').fill(inDays(6));
		await page.getByRole('button', { name: 'Baustelle anmelden' }).click();
		// no area: refused, the form keeps what was typed and names the field
		await expect(page.getByRole('alert').first()).toContainText('Baustellenfläche');
		await expect(page.getByLabel('Maßnahme', { exact: true })).toHaveValue('Kranstellung Marktplatz (ohne JavaScript)');
		await expect(page.getByLabel('GeoJSON der Fläche')).toHaveAttribute('aria-invalid', 'true');
		await screenshot(page, testInfo, 'baustelle-neu-fehler');

		await page.getByLabel('GeoJSON der Fläche').fill(JSON.stringify({ type: 'Feature', properties: {}, geometry: MARKT }));
		await page.getByRole('button', { name: 'Baustelle anmelden' }).click();
		await expect(page).toHaveURL(/\/baustellen\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Kranstellung Marktplatz (ohne JavaScript)');
		await expect(page.locator('#genehmigungen')).toContainText('Sondernutzungserlaubnis');
	});

	test('Angaben ändern, Baubeginn, Fertigmeldung, Abnahme durch das Tiefbauamt, Stornieren @form', async ({ page, browser, request, baseURL }, testInfo) => {
		test.setTimeout(90_000);
		const label = `e2e-ablauf-${testInfo.project.name}-${testInfo.workerIndex}`;
		const token = await bearer(request, ACCOUNTS.bau.email, label);
		// surface works without excavation or traffic impact need no permit: they may start at once
		const create = (title: string) =>
			request.post('/api/v1/baustellen', {
				headers: { authorization: `Bearer ${token}` },
				data: { title, workKind: 'oberflaechenarbeiten', excavation: false, footprint: MARKT, period: { start: inDays(1), end: inDays(3) }, traffic: 'keine' }
			});
		const res = await create(`Fugen sanieren Marktplatz (${label})`);
		expect(res.status(), await res.text()).toBe(201);
		const b = (await res.json()) as { id: string; number: string };

		await login(page, ACCOUNTS.bau.email);
		await open(page, `/baustellen/${b.id}`);
		await expect(page.locator('#genehmigungen')).toContainText('keine Genehmigungen erforderlich');
		await page.getByText('Angaben ändern').click();
		await page.getByLabel('Maßnahme', { exact: true }).fill(`Fugen und Rinnen sanieren Marktplatz (${label})`);
		await page.getByRole('button', { name: 'Änderungen speichern' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Änderungen gespeichert' })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Fugen und Rinnen sanieren');

		const ablauf = page.locator('#ablauf');
		await ablauf.getByRole('button', { name: 'Baubeginn anzeigen' }).click();
		await expect(ablauf.getByRole('status')).toHaveText('Baubeginn angezeigt.');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('In Ausführung');
		await ablauf.getByRole('button', { name: 'Fertigmeldung' }).click();
		await expect(ablauf.getByRole('status')).toContainText('Fertigstellung gemeldet.');

		const amt = await otherSession(browser, baseURL!, testInfo.project.use.javaScriptEnabled !== false);
		await login(amt, TIEFBAUAMT);
		await open(amt, `/baustellen/${b.id}`);
		await amt.locator('#ablauf').getByRole('button', { name: 'Abnahme bestätigen' }).click();
		await expect(amt.locator('#ablauf').getByRole('status')).toContainText('Aufbruchsperre');
		await expect(amt.getByRole('heading', { level: 1 })).toContainText('Abgenommen');
		await amt.context().close();

		// another one, cancelled after confirming
		const second = (await (await create(`Markierung erneuern (${label})`)).json()) as { id: string };
		await open(page, `/baustellen/${second.id}`);
		await ablauf.getByRole('checkbox', { name: 'Ja, diese Baustelle endgültig stornieren' }).check();
		await ablauf.getByRole('button', { name: 'Stornieren' }).click();
		await expect(ablauf.getByRole('status')).toHaveText('Baustelle storniert.');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Storniert');
	});

	test('Leitungsauskunft in einem Klick als Baustelle anmelden @form', async ({ page, request }, testInfo) => {
		const label = `e2e-auskunft-${testInfo.project.name}-${testInfo.workerIndex}`;
		const token = await bearer(request, ACCOUNTS.bau.email, label);
		const res = await request.post('/api/v1/auskuenfte', {
			headers: { authorization: `Bearer ${token}` },
			data: { type: 'bau', geometry: MARKT, workClass: 'aufgrabung', period: { start: inDays(7), end: inDays(14) }, description: `Hausanschluss Gas Marktplatz (${label})` }
		});
		expect(res.status()).toBe(201);
		const a = (await res.json()) as { id: string; number: string };

		await login(page, ACCOUNTS.bau.email);
		await open(page, `/auskunft/${a.id}`);
		await page.getByRole('button', { name: 'Als Baustelle anmelden' }).click();
		await expect(page).toHaveURL(/\/baustellen\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(`Hausanschluss Gas Marktplatz (${label})`);
		await expect(page.getByRole('link', { name: a.number })).toBeVisible();
		const baustelle = page.url();

		// the Auskunft now links its Baustelle instead of offering a second one
		await open(page, `/auskunft/${a.id}`);
		await expect(page.getByRole('button', { name: 'Als Baustelle anmelden' })).toHaveCount(0);
		await page.getByRole('link', { name: /^BS-\d{4}-\d{5}$/ }).click();
		await expect(page).toHaveURL(baustelle);
	});
});
