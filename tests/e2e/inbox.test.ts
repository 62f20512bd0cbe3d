/**
 * A manual operator answers from its inbox: the construction firm's request over the Marktplatz waits
 * for the Abwasserverband; it releases the computed plan from /netze/eingang, and the requester's result
 * page shows the new status and document version 2 — live with JavaScript (polling), after a reload
 * without (@form).
 */
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, expect, isLocalUrl, login, open, screenshot, test } from './fixtures';

const OPERATOR = 'netz@abwasser-saaleaue.demo';
const ABWASSER = 'Abwasserverband Saaleaue (Demo)';
const MARKT = { type: 'Polygon', coordinates: [[[11.969, 51.4825], [11.9696, 51.4825], [11.9696, 51.48277], [11.969, 51.48277], [11.969, 51.4825]]] };

/** A request by the demo construction firm over the API; returns its id and number. */
async function requestAuskunft(request: APIRequestContext, label: string): Promise<{ id: string; number: string; abwasserId: string }> {
	const token = await request.post('/api/v1/tokens', { data: { email: ACCOUNTS.bau.email, password: DEMO_PASSWORD, label } });
	expect(token.status()).toBe(201);
	const { token: bearer } = (await token.json()) as { token: string };
	const start = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
	const end = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
	const res = await request.post('/api/v1/auskuenfte', {
		headers: { authorization: `Bearer ${bearer}` },
		data: { type: 'bau', geometry: MARKT, workClass: 'aufgrabung', period: { start, end }, description: `Hausanschluss Abwasser (${label})`, site: { strasse: 'Marktplatz', hausnummer: '3' } }
	});
	expect(res.status()).toBe(201);
	const body = (await res.json()) as { id: string; number: string; operators: { id: string; name: string; status: string }[] };
	const abwasser = body.operators.find((o) => o.name === ABWASSER)!;
	expect(abwasser.status).toBe('ausstehend');
	return { id: body.id, number: body.number, abwasserId: abwasser.id };
}

/** A second, separate browser session (the operator), with the same offline rule and JS setting. */
async function operatorPage(browser: Browser, baseURL: string, javaScriptEnabled: boolean): Promise<Page> {
	const context = await browser.newContext({ baseURL, javaScriptEnabled, locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
	await context.route('**/*', (route) => (isLocalUrl(route.request().url()) ? route.fallback() : route.abort('blockedbyclient')));
	return context.newPage();
}

/** From the Netze page to the inbox, release the request's computed plan (logged in as the operator). */
async function releaseFromInbox(page: Page, number: string): Promise<void> {
	await open(page, '/netze');
	await page.getByRole('link', { name: 'Eingang: Anfragen beantworten' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Eingang: Anfragen an Ihr Netz' })).toBeVisible();
	const item = page.getByTestId(`anfrage-${number}`);
	await expect(item.getByRole('heading', { name: number })).toBeVisible();
	await expect(item.getByTestId('ergebnis')).toContainText(/\d+ Objekt\(e\)/);
	await expect(item).toContainText('Antwort fällig bis');
	await item.getByRole('button', { name: 'Berechneten Plan freigeben (betroffen)' }).click();
	await expect(page.getByRole('status').filter({ hasText: `${number} beantwortet: betroffen. Version 2` })).toBeVisible();
	await expect(page.getByTestId(`anfrage-${number}`)).toHaveCount(0);
}

test.describe('Eingang des Betreibers', () => {
	test('Betreiber gibt den berechneten Plan frei, der Anfragende sieht Version 2 ohne Neuladen', async ({ page, browser, request, baseURL }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled === false, 'the live update needs JavaScript; the @form test covers the plain path');
		test.setTimeout(90_000);
		const a = await requestAuskunft(request, `e2e-live-${testInfo.workerIndex}`);

		await login(page, ACCOUNTS.bau.email);
		await open(page, `/auskunft/${a.id}`);
		const status = page.getByTestId(`status-${a.abwasserId}`);
		await expect(status).toContainText('Antwort ausstehend');
		await expect(status).toContainText('Antwort fällig bis');

		const operator = await operatorPage(browser, baseURL!, true);
		await login(operator, OPERATOR);
		await open(operator, '/netze/eingang');
		await expect(operator.getByTestId(`anfrage-${a.number}`)).toBeVisible();
		await screenshot(operator, testInfo, 'eingang');
		await releaseFromInbox(operator, a.number);
		await screenshot(operator, testInfo, 'eingang-beantwortet');
		await operator.context().close();

		// no reload here: the page polls every 15 s while someone is pending
		await expect(status).toContainText('betroffen', { timeout: 25_000 });
		await expect(page.getByRole('link', { name: 'PDF Version 2' })).toBeVisible();
		await expect(page.getByText('Antwort eines Betreibers')).toBeVisible();
		await screenshot(page, testInfo, 'auskunft-versionen');

		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: 'PDF Version 2' }).click();
		const file = await (await download).path();
		expect(file).toBeTruthy();
	});

	test('ohne JavaScript: freigeben, der Anfragende sieht Version 2 nach dem Neuladen @form', async ({ page, browser, request, baseURL }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled !== false, 'the plain form path');
		test.setTimeout(60_000);
		const a = await requestAuskunft(request, `e2e-form-${testInfo.workerIndex}`);
		const operator = await operatorPage(browser, baseURL!, false);
		await login(operator, OPERATOR);
		await releaseFromInbox(operator, a.number);
		await operator.context().close();

		await login(page, ACCOUNTS.bau.email);
		await open(page, `/auskunft/${a.id}`);
		await expect(page.getByTestId(`status-${a.abwasserId}`)).toContainText('betroffen');
		await expect(page.getByRole('link', { name: 'PDF Version 2' })).toBeVisible();
	});
});
