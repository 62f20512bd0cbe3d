import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/integration/global-setup.ts'],
		env: { TZ: 'Europe/Berlin' },
		// integration files each spawn a server and a database; two cores
		fileParallelism: true,
		maxWorkers: 2,
		testTimeout: 30_000,
		reporters: ['default', 'json'],
		outputFile: { json: 'test-results/vitest.json' },
		hookTimeout: 120_000
	}
});
