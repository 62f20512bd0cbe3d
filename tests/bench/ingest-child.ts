/**
 * One ingest in its own process, so the benchmark can read this process's peak RSS:
 * `tsx tests/bench/ingest-child.ts <geojson> <workDir>` prints one JSON line { seconds, maxRssMb, report }.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../src/lib/server/layers/ingest';
import { EMPTY_MAPPING } from '../../src/lib/server/layers/ingest/mapping';

const [input, workDir] = process.argv.slice(2) as [string, string];
mkdirSync(workDir, { recursive: true });
const upload = join(workDir, 'upload');
copyFileSync(input, upload);
const started = performance.now();
const result = await ingestFile(upload, 'netz.geojson', { layerNetwork: 'strom', mapping: EMPTY_MAPPING, crsOverride: null, workDir });
const seconds = (performance.now() - started) / 1000;
console.log(
	JSON.stringify({
		seconds,
		maxRssMb: process.resourceUsage().maxRSS / 1024,
		ok: result.report.ok,
		features: result.report.featureCount,
		errors: result.report.errorCount,
		fgbPath: result.fgbPath
	})
);
