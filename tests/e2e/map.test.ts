/**
 * The map of a new Leitungsauskunft (/auskunft/neu): the offline basemap renders from the app's own
 * style and street data with no request leaving the machine; drawing by mouse and by keyboard, live
 * area, undo, the German reason of an invalid drawing, street search.
 */
import type { Locator, Page, Request } from '@playwright/test';
import { ACCOUNTS, expect, isLocalUrl, login, open, screenshot, test } from './fixtures';

/**
 * Logs in, opens the map page and waits for the basemap's style and street data. `network` collects
 * what went wrong on the wire from the moment the map page is requested: failed requests, error
 * statuses, anything not local. (Requests of the previous page that the navigation cancels — favicon,
 * hover preloads — are not the map's business and started before.)
 */
async function openMapPage(page: Page): Promise<{ map: Locator; network: string[] }> {
	await login(page, ACCOUNTS.bau.email);
	const network: string[] = [];
	const ours = new WeakSet<Request>();
	page.on('request', (r) => {
		ours.add(r);
		if (!isLocalUrl(r.url())) network.push(`nicht lokal: ${r.url()}`);
	});
	page.on('requestfailed', (r) => {
		if (ours.has(r)) network.push(`fehlgeschlagen: ${r.url()} (${r.failure()?.errorText})`);
	});
	page.on('response', (r) => {
		if (r.status() >= 400) network.push(`${r.status()}: ${r.url()}`);
	});
	const style = page.waitForResponse((r) => new URL(r.url()).pathname === '/karte/style.json');
	const streets = page.waitForResponse((r) => new URL(r.url()).pathname === '/karte/strassen.geojson');
	await open(page, '/auskunft/neu');
	expect((await style).status()).toBe(200);
	expect((await streets).status()).toBe(200);
	const map = page.getByRole('application', { name: 'Karte zum Zeichnen des Arbeitsbereichs' });
	await expect(map.locator('canvas').first()).toBeVisible();
	return { map, network };
}

/** Distinct colours on a grid over the map's canvases: a blank map has one or two. */
async function canvasColours(page: Page): Promise<number> {
	return page.evaluate(() => {
		const colours = new Set<string>();
		for (const canvas of document.querySelectorAll<HTMLCanvasElement>('.map canvas')) {
			const ctx = canvas.getContext('2d');
			if (!ctx || !canvas.width) continue;
			for (let x = 0; x < canvas.width; x += 7) {
				for (let y = 0; y < canvas.height; y += 7) colours.add(ctx.getImageData(x, y, 1, 1).data.join(','));
			}
		}
		return colours.size;
	});
}

async function centreOf(map: Locator): Promise<{ x: number; y: number }> {
	const box = (await map.boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Clicks the points, then the first one again, which closes the polygon. */
async function drawPolygon(page: Page, points: { x: number; y: number }[]): Promise<void> {
	await page.getByRole('button', { name: 'Fläche zeichnen' }).click();
	for (const p of [...points, points[0]!]) await page.mouse.click(p.x, p.y);
}

test.describe('Karte der Leitungsauskunft', () => {
	test('Hintergrundkarte offline, Fläche zeichnen, messen, rückgängig, Selbstüberschneidung', async ({ page }, testInfo) => {
		const { map, network } = await openMapPage(page);
		await expect.poll(() => canvasColours(page), { message: 'Straßen sind auf die Karte gezeichnet' }).toBeGreaterThan(3);
		await expect(page.locator('.ol-attribution')).toContainText('© OpenStreetMap-Mitwirkende');

		const area = page.getByTestId('flaeche');
		const submit = page.getByRole('button', { name: 'Auskunft anfordern' });
		await expect(area).toHaveText('–');
		await expect(submit).toBeDisabled();

		// a rectangle around the Marktplatz (the map opens centred on it)
		const c = await centreOf(map);
		await drawPolygon(page, [
			{ x: c.x - 120, y: c.y - 80 },
			{ x: c.x + 120, y: c.y - 80 },
			{ x: c.x + 120, y: c.y + 80 },
			{ x: c.x - 120, y: c.y + 80 }
		]);
		await expect(area).toHaveText(/^[\d.]+ m²/);
		// 240 × 160 px at zoom 17 in Halle ≈ 178 m × 119 m of ground (EPSG:25832), not web-mercator metres
		const m2 = Number((await area.textContent())!.replace(/[^\d]/g, ''));
		expect(m2).toBeGreaterThan(19_000);
		expect(m2).toBeLessThan(23_500);
		await expect(page.getByTestId('umfang')).toHaveText(/^\d+ m$/);
		await expect(page.getByText('Der Arbeitsbereich ist gültig.')).toBeVisible();
		await expect(submit).toBeEnabled();
		const geometry = JSON.parse(await page.locator('input[name="geometry"]').inputValue());
		expect(geometry.type).toBe('Polygon');
		const [lon, lat] = geometry.coordinates[0][0];
		expect(lon).toBeCloseTo(11.968, 2);
		expect(lat).toBeCloseTo(51.483, 2);
		await screenshot(page, testInfo, 'auskunft-neu-flaeche');

		await page.getByRole('button', { name: 'Rückgängig' }).click();
		await expect(area).toHaveText('–');
		await expect(submit).toBeDisabled();
		await expect(page.locator('input[name="geometry"]')).toHaveValue('');

		// a bow tie: its edges cross
		await drawPolygon(page, [
			{ x: c.x - 100, y: c.y - 100 },
			{ x: c.x + 100, y: c.y + 100 },
			{ x: c.x + 100, y: c.y - 100 },
			{ x: c.x - 100, y: c.y + 100 }
		]);
		await expect(page.getByText(/Die Fläche überschneidet sich selbst/)).toBeVisible();
		await expect(area).toHaveText('–');
		await expect(submit).toBeDisabled();
		await screenshot(page, testInfo, 'auskunft-neu-ungueltig');

		// repair it: drag the second corner above the first edge, so no edges cross any more
		await page.getByRole('button', { name: 'Bearbeiten' }).click();
		await page.mouse.move(c.x + 100, c.y + 100);
		await page.mouse.down();
		await page.mouse.move(c.x, c.y - 150, { steps: 8 });
		await page.mouse.up();
		await expect(page.getByText('Der Arbeitsbereich ist gültig.')).toBeVisible();
		await expect(submit).toBeEnabled();

		expect(network).toEqual([]);
	});

	test('mit der Tastatur: Punkte am Fadenkreuz, abschließen, rückgängig, abbrechen', async ({ page }, testInfo) => {
		const { map, network } = await openMapPage(page);
		const area = page.getByTestId('flaeche');
		const drawButton = page.getByRole('button', { name: 'Fläche zeichnen' });

		await drawButton.click();
		await expect(drawButton).toHaveAttribute('aria-pressed', 'true');
		await map.focus();
		await page.keyboard.press('Enter');
		await screenshot(page, testInfo, 'auskunft-neu-tastatur');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Enter');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect(area).toHaveText(/^[\d.]+ m²/);
		await page.keyboard.press('Shift+Enter');
		await expect(page.getByText('Der Arbeitsbereich ist gültig.')).toBeVisible();
		await expect(drawButton).toHaveAttribute('aria-pressed', 'false');

		await page.keyboard.press('Control+z');
		await expect(area).toHaveText('–');

		await drawButton.click();
		await map.focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('button', { name: 'Abschließen' })).toBeEnabled();
		await page.keyboard.press('Escape'); // drops the sketch
		await expect(page.getByRole('button', { name: 'Abschließen' })).toBeDisabled();
		await page.keyboard.press('Escape'); // leaves drawing
		await expect(drawButton).toHaveAttribute('aria-pressed', 'false');
		await expect(area).toHaveText('–');

		// + zooms in: the same distance on the scale bar takes more pixels (or a shorter distance is shown)
		const scale = page.locator('.ol-scale-line-inner');
		const reading = async () => `${await scale.textContent()} ${(await scale.boundingBox())!.width}`;
		const before = await reading();
		await map.focus();
		await page.keyboard.press('+');
		await expect.poll(reading).not.toBe(before);

		expect(network).toEqual([]);
	});

	test('Korridor aus Achse und Breite, Breite ändern, GeoJSON importieren', async ({ page }, testInfo) => {
		const { map, network } = await openMapPage(page);
		const area = page.getByTestId('flaeche');
		const m2 = async () => Number((await area.textContent())!.replace(/[^\d]/g, ''));

		// a 300 px axis at zoom 17 ≈ 223 m; 2 m wide (default) ≈ 446 m²
		const c = await centreOf(map);
		await page.getByRole('button', { name: 'Korridor zeichnen' }).click();
		await page.mouse.click(c.x - 150, c.y + 40);
		await page.mouse.dblclick(c.x + 150, c.y + 40);
		await expect(area).toHaveText(/^[\d.]+ m²/);
		expect(await m2()).toBeGreaterThan(420);
		expect(await m2()).toBeLessThan(470);

		const width = page.getByLabel('Korridorbreite');
		await width.fill('12,5');
		await width.press('Tab');
		await expect.poll(m2).toBeGreaterThan(2_650);
		expect(await m2()).toBeLessThan(2_900);
		await screenshot(page, testInfo, 'auskunft-neu-korridor');
		await page.getByRole('button', { name: 'Rückgängig' }).click();
		await expect.poll(m2).toBeLessThan(470);

		await width.fill('0,1');
		await width.press('Tab');
		await expect(page.getByText('Die Korridorbreite muss mindestens 0,5 m betragen.')).toBeVisible();

		// 0.002° × 0.001° near the Marktplatz ≈ 139 m × 111 m
		const polygon = [[[11.968, 51.482], [11.97, 51.482], [11.97, 51.483], [11.968, 51.483], [11.968, 51.482]]];
		await page.locator('input[type="file"]').setInputFiles({
			name: 'baufeld.geojson',
			mimeType: 'application/geo+json',
			buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: polygon } }] }))
		});
		await expect(page.getByText('„baufeld.geojson“ importiert.')).toBeVisible();
		await expect.poll(m2).toBeGreaterThan(15_000);
		expect(await m2()).toBeLessThan(16_000);
		await expect(page.getByText('Der Arbeitsbereich ist gültig.')).toBeVisible();

		expect(network).toEqual([]);
	});

	test('Straße suchen: tippen, Pfeiltaste, Eingabe', async ({ page }) => {
		const { network } = await openMapPage(page);
		const search = page.getByRole('combobox', { name: 'Straße suchen' });
		await search.fill('leipziger');
		const option = page.getByRole('option', { name: 'Leipziger Straße' });
		await expect(option).toBeVisible();
		await search.press('ArrowDown');
		await expect(option).toHaveAttribute('aria-selected', 'true');
		await search.press('Enter');
		await expect(search).toHaveValue('Leipziger Straße');
		await expect(page.getByText('Karte zeigt Leipziger Straße.')).toBeAttached();
		await expect(page.getByRole('listbox')).toBeHidden();
		expect(network).toEqual([]);
	});
});
