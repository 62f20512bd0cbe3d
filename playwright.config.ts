/**
 * End-to-end tests against the built app (`node build`) on a fresh PostgreSQL database.
 * tests/e2e/serve.ts creates the database, starts the server and drops the database afterwards.
 * Build first when the sources changed: `npx vite build --logLevel warn` (the `test` script does).
 *
 * Projects: `js` runs everything; `nojs` runs the tests tagged @form with JavaScript switched off,
 * since every form must also work as a plain POST.
 */
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://localhost:${PORT}`;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	// its own folder: Playwright empties outputDir at start, and vitest's report sits in test-results/
	outputDir: 'test-results/playwright',
	workers: 2,
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
	timeout: 30_000,
	expect: { timeout: 10_000 },
	use: {
		browserName: 'chromium',
		viewport: { width: 1280, height: 800 },
		baseURL: ORIGIN,
		locale: 'de-DE',
		timezoneId: 'Europe/Berlin',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--no-first-run'
			]
		}
	},
	projects: [
		{ name: 'js', use: { javaScriptEnabled: true } },
		{ name: 'nojs', use: { javaScriptEnabled: false }, grep: /@form/ }
	],
	webServer: {
		command: 'npx tsx tests/e2e/serve.ts',
		url: `http://127.0.0.1:${PORT}/healthz`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		stderr: 'pipe',
		// SIGTERM to the process group; serve.ts stops the server and drops its database, then exits.
		gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN,
			BODY_SIZE_LIMIT: 'Infinity',
			TZ: 'Europe/Berlin',
			LOGIN_MAX_FAILURES: '1000',
			REGISTER_MAX_PER_HOUR: '1000'
		}
	}
});
