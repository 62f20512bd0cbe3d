import { test, expect, login, open, screenshot, uniqueSuffix } from './fixtures';

const OPERATOR = 'netz@sw-saalestadt.demo';

/** Creates a new Wasser layer through the Netze page and lands on its page. */
async function newLayer(page: import('@playwright/test').Page): Promise<string> {
	const name = `E2E Wasser ${uniqueSuffix()}`;
	await open(page, '/netze');
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByLabel('Netz', { exact: true }).selectOption('wasser');
	await page.getByRole('button', { name: 'Layer anlegen' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	if (test.info().project.use.javaScriptEnabled !== false) await page.waitForFunction(() => history.scrollRestoration === 'manual');
	return name;
}

test.describe('Netze', () => {
	test('Netzbetreiber lädt ein gezipptes Shapefile hoch, sieht Fortschritt und Prüfbericht und aktiviert es', async ({ page }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled === false, 'progress bar needs JavaScript; the @form test covers the plain form');
		await login(page, OPERATOR);
		await newLayer(page);
		await page.locator('#file').setInputFiles('tests/fixtures/layers/wasser-shp.zip');
		await expect(page.getByText('wasser-shp.zip')).toBeVisible();
		await page.getByRole('button', { name: 'Hochladen und prüfen' }).click();
		// the progress bar shows while the transfer or the check runs, then the report replaces it
		await expect(page.getByRole('status').filter({ hasText: /Übertragung|geprüft und indiziert/ })).toBeVisible();
		const report = page.getByRole('region', { name: 'Prüfbericht' });
		await expect(report).toContainText('Keine Beanstandungen.');
		await expect(report).toContainText('20 Objekte · Shapefile · EPSG:25832');
		await page.getByRole('button', { name: 'Version 1 aktivieren' }).click();
		await expect(page.getByText('Version 1 ist jetzt aktiv.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Version 1 aktivieren' })).toHaveCount(0);
		await expect(page.getByRole('row', { name: /wasser-shp\.zip/ }).getByText('aktiv', { exact: true })).toBeVisible();
		await screenshot(page, testInfo, 'netze-layer-upload');
	});

	test('ein fehlerhafter Upload zeigt den Bericht auf Deutsch und ändert nichts @form', async ({ page }) => {
		await login(page, OPERATOR);
		await newLayer(page);
		await page.locator('#file').setInputFiles('tests/fixtures/layers/doppelte-ids.geojson');
		await page.getByRole('button', { name: 'Hochladen und prüfen' }).click();
		const report = page.getByRole('region', { name: 'Prüfbericht' }).first();
		await expect(report).toContainText('1 Fehler');
		await expect(report).toContainText('source_id „W-0002“ kommt mehrfach vor');
		await expect(page.getByText('Noch keine Version.')).toBeVisible();
	});

	test('ohne JavaScript: hochladen, sofort aktivieren @form', async ({ page }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled !== false, 'the plain form path');
		await login(page, OPERATOR);
		await newLayer(page);
		await page.locator('#file').setInputFiles('tests/fixtures/layers/wasser.geojson');
		await page.getByLabel('nach erfolgreicher Prüfung sofort aktivieren').check();
		await page.getByRole('button', { name: 'Hochladen und prüfen' }).click();
		await expect(page.getByRole('region', { name: 'Prüfbericht' })).toContainText('Keine Beanstandungen.');
		await expect(page.getByRole('row', { name: /wasser\.geojson/ }).getByText('aktiv', { exact: true })).toBeVisible();
	});
});
