import { test, expect, open } from './fixtures';

test('Anfragen an fremde Rechner werden abgebrochen, lokale nicht', async ({ page }) => {
	await open(page, '/');
	const failed = page.waitForEvent('requestfailed', (r) => r.url().startsWith('https://tiles.example.org/'));
	const outcome = await page.evaluate(() =>
		fetch('https://tiles.example.org/1/2/3.png').then(
			() => 'geladen',
			() => 'abgebrochen'
		)
	);
	expect(outcome).toBe('abgebrochen');
	expect((await failed).failure()?.errorText).toMatch(/^net::ERR_BLOCKED_BY_CLIENT/);

	const local = await page.evaluate(() => fetch('/healthz').then((r) => r.status));
	expect(local).toBe(200);
});
