/**
 * `npx tsx src/lib/server/demo/networks/cli.ts [--seed N] [--check]` — regenerates the demo networks
 * under layers/demo/ and the map style layers/styles/networks.json from the committed street subset.
 * `--check` writes nothing and exits 1 when the committed files differ from what the generator makes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateNetworks, DEMO_SEED } from './generate';
import { demoFiles, SOURCE_FILE } from './output';
import type { StreetSourceCollection } from './streets';
import { buildNetworkStyle } from './style';

const LAYERS_DIR = fileURLToPath(new URL('../../../../../layers/', import.meta.url));
const DEMO_DIR = join(LAYERS_DIR, 'demo');
const STYLE_FILE = join(LAYERS_DIR, 'styles', 'networks.json');

/** Everything the generator writes: absolute path → content. */
export function expectedFiles(seed = DEMO_SEED): Map<string, string> {
	const source = JSON.parse(readFileSync(join(DEMO_DIR, SOURCE_FILE), 'utf8')) as StreetSourceCollection;
	const files = new Map<string, string>();
	for (const [path, content] of demoFiles(generateNetworks(source, { seed }))) files.set(join(DEMO_DIR, path), content);
	files.set(STYLE_FILE, `${JSON.stringify(buildNetworkStyle(), null, '\t')}\n`);
	return files;
}

/** Generated files of an earlier run that this run does not write (a renamed layer, a removed operator). */
function staleFiles(files: Map<string, string>): string[] {
	const stale: string[] = [];
	for (const entry of readdirSync(DEMO_DIR)) {
		const dir = join(DEMO_DIR, entry);
		if (entry === 'source' || !statSync(dir).isDirectory()) continue;
		for (const file of readdirSync(dir)) if (file.endsWith('.geojson') && !files.has(join(dir, file))) stale.push(join(dir, file));
	}
	return stale;
}

function main(): void {
	const args = process.argv.slice(2);
	const seedArg = args.indexOf('--seed');
	const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : DEMO_SEED;
	if (!Number.isInteger(seed)) throw new Error('--seed braucht eine ganze Zahl');
	const started = performance.now();
	const files = expectedFiles(seed);
	const elapsed = performance.now() - started;

	if (args.includes('--check')) {
		const differing = [...files].filter(([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content).map(([p]) => p);
		const stale = staleFiles(files);
		for (const path of [...differing, ...stale]) console.error(`veraltet: ${path.slice(LAYERS_DIR.length)}`);
		process.exit(differing.length + stale.length > 0 ? 1 : 0);
	}

	for (const path of staleFiles(files)) rmSync(path);
	for (const [path, content] of files) {
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, content);
	}
	const manifest = JSON.parse(files.get(join(DEMO_DIR, 'manifest.json'))!) as {
		operators: { slug: string; layers: { file: string; featureCount: number; kinds: Record<string, number> }[] }[];
	};
	let bytes = 0;
	for (const op of manifest.operators) {
		for (const layer of op.layers) {
			const size = Buffer.byteLength(files.get(join(DEMO_DIR, layer.file))!);
			const kinds = Object.entries(layer.kinds).map(([k, n]) => `${k} ${n}`).join(', ');
			const count = String(layer.featureCount).padStart(6);
			console.log(`${layer.file.padEnd(50)} ${count} Objekte ${(size / 1024).toFixed(0).padStart(5)} KB  ${kinds}`);
		}
	}
	for (const content of files.values()) bytes += Buffer.byteLength(content);
	console.log(`${files.size} Dateien, ${(bytes / 1024 / 1024).toFixed(2)} MB, erzeugt in ${elapsed.toFixed(0)} ms (Seed ${seed})`);
}

// run only as a script, not when a test imports expectedFiles()
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
