import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DemoManifest } from './output';

const DEMO_DIR = fileURLToPath(new URL('../../../../../layers/demo/', import.meta.url));
const manifest = JSON.parse(readFileSync(DEMO_DIR + 'manifest.json', 'utf8')) as DemoManifest;
// Debian's gdal-bin; where it is missing (a bare CI image) the test says so instead of failing
const hasOgrinfo = spawnSync('ogrinfo', ['--version']).status === 0;

describe.skipIf(!hasOgrinfo)('committed demo files read by GDAL (ogrinfo)', () => {
	const layers = manifest.operators.flatMap((o) => [
		...o.layers.map((l) => ({ file: l.file, count: l.featureCount })),
		{ file: o.coverage.file, count: 1 }
	]);

	it.each(layers)('$file has $count features', ({ file, count }) => {
		const result = spawnSync('ogrinfo', ['-ro', '-so', '-al', DEMO_DIR + file], { encoding: 'utf8' });
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toContain('using driver `GeoJSON\' successful');
		expect(result.stdout).toMatch(new RegExp(`^Feature Count: ${count}$`, 'm'));
		expect(result.stdout).toContain('ID["EPSG",4326]');
		expect(result.stderr).not.toMatch(/warning|error/i);
	});
});
