/**
 * The public Baustellenatlas, as a visitor without an account sees it: a private Bauherr's Baustelle,
 * registered by the Stadtwerke over the API with a contact person, shows in the list with „privat“ as
 * promoter and without the person; its page opens from the list; the iCal link with the current filter
 * returns a calendar that a real parser reads, with the Baustelle's event. The street filter works as a
 * plain GET form (@form: also without JavaScript).
 */
import ICAL from 'ical.js';
import type { APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, expect, open, screenshot, test } from './fixtures';

const STADTWERKE = 'netz@sw-saalestadt.demo';
/** In the Große Ulrichstraße, Halle's Altstadt */
const FOOTPRINT = { type: 'Polygon', coordinates: [[[11.9660, 51.4847], [11.9672, 51.4847], [11.9672, 51.4851], [11.9660, 51.4851], [11.9660, 51.4847]]] };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A private Bauherr's Hausanschluss, registered by the Stadtwerke over the API; public by default. */
async function privateBaustelle(request: APIRequestContext, label: string): Promise<{ id: string; number: string; title: string; street: string }> {
	const token = await request.post('/api/v1/tokens', { data: { email: STADTWERKE, password: DEMO_PASSWORD, label } });
	expect(token.status()).toBe(201);
	const { token: bearer } = (await token.json()) as { token: string };
	// a street of its own per run and project, so the filter finds exactly this one
	const street = `Atlasgasse ${label}`;
	const title = `Hausanschluss Trinkwasser (${label})`;
	const res = await request.post('/api/v1/baustellen', {
		headers: { authorization: `Bearer ${bearer}` },
		data: {
			title,
			workKind: 'aufgrabung',
			networks: ['wasser'],
			footprint: FOOTPRINT,
			streets: [street],
			period: { start: inDays(3), end: inDays(9), confirmed: true },
			traffic: 'halbseitig',
			promoterPrivate: true,
			contact: { name: 'Erika Mustermann', phone: '0345 1234567', email: 'erika.m@mustermann.example', bauherr: 'Max Mustermann' },
			description: 'Schlüssel bei Erika Mustermann.'
		}
	});
	expect(res.status(), await res.text()).toBe(201);
	const body = (await res.json()) as { id: string; number: string };
	return { ...body, title, street };
}

test.describe('Baustellenatlas (öffentlich)', () => {
	test('zeigt eine öffentliche Baustelle ohne Personen, mit Karte, Kalender und iCal-Abo @form', async ({ page, request }, testInfo) => {
		const label = `${testInfo.project.name}-${Date.now().toString(36)}`;
		const b = await privateBaustelle(request, label);

		// no login: the header links the atlas
		await open(page, '/');
		await page.getByRole('banner').getByRole('link', { name: 'Baustellenatlas' }).click();
		await expect(page).toHaveURL(/\/atlas$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Baustellenatlas' })).toBeVisible();

		// the street filter as a plain GET form
		await page.getByLabel('Straße', { exact: true }).fill(b.street);
		await page.getByRole('button', { name: 'Anzeigen' }).click();
		await expect(page).toHaveURL(new RegExp(`street=${encodeURIComponent(b.street).replace(/%20/g, '(\\+|%20)')}`));
		const rows = page.getByRole('table').getByRole('row');
		await expect(rows).toHaveCount(2); // header + this Baustelle
		const row = rows.nth(1);
		await expect(row).toContainText(b.title);
		await expect(row).toContainText(b.street);
		await expect(row).toContainText('Halbseitige Sperrung');
		await expect(row.getByRole('cell').nth(5)).toHaveText('privat');
		await expect(page.locator('body')).not.toContainText('Mustermann');
		await expect(page.locator('#kalender')).toBeVisible();
		if (testInfo.project.use.javaScriptEnabled !== false) {
			await expect(page.locator('.map canvas').first()).toBeVisible();
			await page.waitForTimeout(1000); // basemap tiles drawn, for the screenshot
		}
		await screenshot(page, testInfo, 'atlas');

		// the iCal link carries the filter and returns this Baustelle's event
		const icalHref = await page.getByRole('link', { name: 'Adresse des Kalenders' }).getAttribute('href');
		expect(icalHref).toContain('/kalender.ics?');
		expect(icalHref).toContain('street=');
		const ics = await request.get(icalHref!);
		expect(ics.status()).toBe(200);
		expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		const text = await ics.text();
		expect(text).not.toContain('Mustermann');
		const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		expect(events.map((e) => e.uid)).toEqual([`${b.id}@tiefblick`]);
		expect(events[0]!.summary).toBe(b.title);
		expect(events[0]!.startDate.toString()).toBe(inDays(3));
		expect(events[0]!.description).toContain('Träger: privat');

		// the public page, opened from the list
		await row.getByRole('link', { name: b.title }).click();
		await expect(page).toHaveURL(new RegExp(`/atlas/${b.number}$`));
		await expect(page.getByRole('heading', { level: 1, name: b.title })).toBeVisible();
		await expect(page.getByRole('definition').filter({ hasText: /^privat$/ })).toHaveCount(1);
		await expect(page.locator('body')).not.toContainText('Mustermann');
		await screenshot(page, testInfo, 'atlas-baustelle');
	});
});
