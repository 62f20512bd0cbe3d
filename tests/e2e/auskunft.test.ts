/**
 * The request path as a construction firm walks it: draw the area over a demo street, fill the form,
 * submit, land on the result, download the PDF and read it with pdftotext. Without JavaScript the same
 * path works with the area as a GeoJSON file (@form).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, login, open, screenshot, test } from './fixtures';

function inAWeek(days = 7): string {
	const d = new Date(Date.now() + days * 86_400_000);
	return d.toISOString().slice(0, 10);
}

async function fillForm(page: Page): Promise<void> {
	await page.getByLabel('Arbeiten (Suchabstand)').selectOption('aufgrabung');
	await page.getByLabel('Baubeginn').fill(inAWeek(7));
	await page.getByLabel('Bauende').fill(inAWeek(14));
	await page.getByLabel('Beschreibung der Arbeiten').fill('Hausanschluss Wasser, Aufgrabung im Gehweg');
	await page.getByLabel('Eigenes Zeichen').fill('E2E Markt 7');
	await page.getByLabel('Ich versichere ein berechtigtes Interesse', { exact: false }).check();
}

async function downloadAndRead(page: Page): Promise<string> {
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'PDF Version 1' }).click();
	const file = await (await download).path();
	execFileSync('qpdf', ['--check', file]);
	expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
	return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test.describe('Leitungsauskunft anfordern', () => {
	test('Fläche über dem Marktplatz zeichnen, anfordern, PDF herunterladen', async ({ page }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled === false, 'drawing needs JavaScript; the @form test covers the file path');
		await login(page, ACCOUNTS.bau.email);
		await open(page, '/auskunft/neu');
		const map = page.getByRole('application', { name: 'Karte zum Zeichnen des Arbeitsbereichs' });
		await expect(map.locator('canvas').first()).toBeVisible();
		const box = (await map.boundingBox())!;
		const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
		await page.getByRole('button', { name: 'Fläche zeichnen' }).click();
		for (const p of [
			{ x: c.x - 60, y: c.y - 40 },
			{ x: c.x + 60, y: c.y - 40 },
			{ x: c.x + 60, y: c.y + 40 },
			{ x: c.x - 60, y: c.y + 40 },
			{ x: c.x - 60, y: c.y - 40 }
		])
			await page.mouse.click(p.x, p.y);
		await expect(page.getByTestId('flaeche')).not.toHaveText('–');
		await fillForm(page);
		await page.getByRole('button', { name: 'Auskunft anfordern' }).click();
		const heading = page.getByRole('heading', { level: 1, name: /^LA-\d{4}-\d{6}/ });
		await expect(heading).toBeVisible({ timeout: 20_000 });
		const number = (await heading.textContent())!.match(/LA-\d{4}-\d{6}/)![0];
		await expect(page.getByRole('cell', { name: 'Stadtwerke Saalestadt (Demo)' })).toBeVisible();
		await screenshot(page, testInfo, 'auskunft-ergebnis');
		const text = await downloadAndRead(page);
		expect(text).toContain(number);
		expect(text).toContain('Stadtwerke Saalestadt (Demo)');
		expect(text).toContain('Nicht aufgeführte Betreiber sind gesondert anzufragen.');
	});

	test('Arbeitsbereich aus einer DXF-Datei (CAD) importieren', async ({ page }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled === false, 'the map import needs JavaScript');
		await login(page, ACCOUNTS.bau.email);
		await open(page, '/auskunft/neu');
		await page.locator('input[type="file"][accept*=".dxf"]').setInputFiles('tests/fixtures/auskunft/markt.dxf');
		await expect(page.getByText('„markt.dxf“ importiert.')).toBeVisible();
		await expect(page.getByTestId('flaeche')).not.toHaveText('–');
	});

	test('ohne JavaScript: Arbeitsbereich als GeoJSON-Datei @form', async ({ page }, testInfo) => {
		test.skip(testInfo.project.use.javaScriptEnabled !== false, 'the plain form path');
		await login(page, ACCOUNTS.bau.email);
		await open(page, '/auskunft/neu');
		await page.getByLabel('Arbeitsbereich als GeoJSON-Datei').setInputFiles('tests/fixtures/auskunft/markt.geojson');
		await fillForm(page);
		await page.getByRole('button', { name: 'Auskunft anfordern' }).click();
		await expect(page.getByRole('heading', { level: 1, name: /^LA-\d{4}-\d{6}/ })).toBeVisible({ timeout: 20_000 });
		await expect(page.getByRole('link', { name: 'PDF Version 1' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Vektordaten GeoJSON' })).toBeVisible();
	});
});
