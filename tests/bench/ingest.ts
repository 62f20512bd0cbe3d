/**
 * Ingest benchmark: 1,000,000 generated Strom cables (GeoJSON, EPSG:25832, normalised attributes)
 * through the whole upload pipeline (GDAL read → validate/map → indexed FlatGeobuf), against native
 * ogr2ogr (Debian gdal-bin) writing an indexed FlatGeobuf from the same file. Prints figures, asserts
 * nothing: `npx tsx tests/bench/ingest.ts [features]`. Targets: ≤ 60 s, ≤ 1.5 GB peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_LINE, randomLine, seededRandom } from '../../src/lib/server/layers/reader/synthetic';

const CACHE = join(tmpdir(), 'tiefblick-bench');

async function generate(path: string, n: number): Promise<void> {
	const rnd = seededRandom(42);
	const out = createWriteStream(path);
	out.write('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},"features":[\n');
	for (let i = 0; i < n; i++) {
		const f = {
			type: 'Feature',
			properties: {
				source_id: `S-${i}`,
				kind: 'kabel',
				status: 'in_betrieb',
				material: 'NAYY',
				dimension: '4×150',
				depth_m: 0.7,
				depth_source: 'regelwert',
				voltage_level: 'NS'
			},
			geometry: { type: 'LineString', coordinates: randomLine(rnd, [690_000, 5_690_000, 720_000, 5_720_000], BENCH_LINE).map(([x, y]) => [Math.round(x! * 1000) / 1000, Math.round(y! * 1000) / 1000]) }
		};
		if (!out.write((i ? ',\n' : '') + JSON.stringify(f))) await once(out, 'drain');
	}
	out.end('\n]}\n');
	await once(out, 'finish');
}

export interface IngestBenchResult {
	features: number;
	inputMb: number;
	ours: { seconds: number; maxRssMb: number; featuresPerSecond: number };
	native: { seconds: number; maxRssMb: number } | null;
}

export async function runIngestBench(features = 1_000_000, log: (s: string) => void = console.log): Promise<IngestBenchResult> {
	mkdirSync(CACHE, { recursive: true });
	const input = join(CACHE, `ingest-${features}.geojson`);
	if (!existsSync(input)) {
		log(`generating ${features.toLocaleString('en')} lines …`);
		await generate(input, features);
	}
	const inputMb = statSync(input).size / 1e6;
	log(`input: ${inputMb.toFixed(0)} MB GeoJSON, ${features.toLocaleString('en')} features`);

	const work = join(CACHE, `ingest-work-${process.pid}`);
	const child = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/bench/ingest-child.ts', input, work], {
		encoding: 'utf8',
		env: { ...process.env, DATA_DIR: join(work, 'data') },
		maxBuffer: 10_000_000
	});
	const line = child.stdout.trim().split('\n').pop() ?? '';
	rmSync(work, { recursive: true, force: true });
	if (child.status !== 0 || !line.startsWith('{')) throw new Error(`ingest failed: ${child.stderr}`);
	const r = JSON.parse(line) as { seconds: number; maxRssMb: number; ok: boolean; features: number; errors: number };
	if (!r.ok) throw new Error(`ingest reported ${r.errors} errors`);
	const ours = { seconds: r.seconds, maxRssMb: r.maxRssMb, featuresPerSecond: r.features / r.seconds };
	log(`tiefblick ingest: ${ours.seconds.toFixed(1)} s, peak RSS ${ours.maxRssMb.toFixed(0)} MB, ${Math.round(ours.featuresPerSecond).toLocaleString('en')} features/s (target ≤ 60 s, ≤ 1500 MB)`);

	let native: IngestBenchResult['native'] = null;
	const out = join(CACHE, `native-${process.pid}.fgb`);
	// /usr/bin/time writes "<seconds> <max RSS kB>" as the last line of stderr
	const timed = spawnSync('/usr/bin/time', ['-f', '%e %M', 'ogr2ogr', '-f', 'FlatGeobuf', '-lco', 'SPATIAL_INDEX=YES', out, input], { encoding: 'utf8' });
	rmSync(out, { force: true });
	const m = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(timed.stderr ?? '');
	if (timed.status === 0 && m) native = { seconds: Number(m[1]), maxRssMb: Number(m[2]) / 1024 };
	if (native) {
		log(`native ogr2ogr:   ${native.seconds.toFixed(1)} s, peak RSS ${native.maxRssMb.toFixed(0)} MB`);
		log(`ratio tiefblick/native: time ${(ours.seconds / native.seconds).toFixed(2)}, memory ${(ours.maxRssMb / native.maxRssMb).toFixed(2)}`);
	} else {
		log('native ogr2ogr: not available (apt-get install gdal-bin)');
	}
	return { features, inputMb, ours, native };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	await runIngestBench(Number(process.argv[2] ?? 1_000_000));
}
