// Prints one closing line over all test runners of `npm test` ("N passed, N failed, N skipped"),
// read from the JSON reports vitest and Playwright write into test-results/.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync('test-results/vitest.json')) {
	const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
	passed += v.numPassedTests;
	failed += v.numFailedTests;
	skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}
if (existsSync('test-results/playwright.json')) {
	const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
	passed += p.stats.expected + p.stats.flaky;
	failed += p.stats.unexpected;
	skipped += p.stats.skipped;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
