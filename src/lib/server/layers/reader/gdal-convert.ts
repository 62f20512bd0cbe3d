/**
 * @module layers/reader/gdal-convert
 * GeoJSON(Seq) → FlatGeobuf for tests and benchmarks, with Debian's native ogr2ogr (fast, for the big
 * benchmark data) or with gdal3.js (what the product's ingest uses). Not used by the product.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative } from 'node:path';

export interface FgbOptions {
	/** write the packed Hilbert R-tree (default true) */
	index?: boolean;
	/** assigned CRS (default EPSG:25832) */
	srs?: string;
	/** GDAL layer name (default "layer") */
	name?: string;
	/** `-nlt`, e.g. "LINESTRING"; GDAL infers it from the data when not given */
	geometryType?: string;
}

function ogr2ogrArgs(options: FgbOptions): string[] {
	const { index = true, srs = 'EPSG:25832', name = 'layer', geometryType } = options;
	const args = ['-f', 'FlatGeobuf', '-lco', `SPATIAL_INDEX=${index ? 'YES' : 'NO'}`, '-a_srs', srs, '-nln', name];
	return geometryType ? [...args, '-nlt', geometryType] : args;
}

/** Native ogr2ogr (gdal-bin). Throws with GDAL's message when it fails. */
export function toFlatGeobufNative(src: string, dst: string, options: FgbOptions = {}): void {
	execFileSync('ogr2ogr', [...ogr2ogrArgs(options), dst, src], { stdio: ['ignore', 'ignore', 'pipe'] });
}

interface GdalJs {
	open(file: string): Promise<{ datasets: unknown[]; errors: unknown[] }>;
	ogr2ogr(dataset: unknown, options: string[], outputName?: string): Promise<{ local: string }>;
	getFileBytes(path: { local: string }): Promise<Uint8Array>;
	close(dataset: unknown): Promise<void>;
}

let gdalJs: Promise<GdalJs> | null = null;
const gdalMessages: string[] = [];
let outputs = 0;

/**
 * gdal3.js, started once per process. Its Node entry looks for the .wasm/.data under
 * "node_modules/gdal3.js/dist/package" *relative to the working directory*, and a `path` option is read
 * as `./${path}` — an absolute path breaks — so we hand it the package folder relative to the cwd.
 */
function startGdalJs(): Promise<GdalJs> {
	const require = createRequire(import.meta.url);
	const packageDir = dirname(require.resolve('gdal3.js'));
	return import('gdal3.js/node.js').then(({ default: init }) =>
		(init as (c: object) => Promise<GdalJs>)({
			path: relative(process.cwd(), packageDir) || '.',
			logHandler: () => {},
			errorHandler: (text: string) => gdalMessages.push(text)
		})
	);
}

/**
 * gdal3.js ogr2ogr. The output is built in gdal3.js's in-memory file system and copied out; fine for
 * test data (the product's ingest mounts a real output folder instead).
 */
export async function toFlatGeobufWasm(src: string, dst: string, options: FgbOptions = {}): Promise<void> {
	gdalJs ??= startGdalJs();
	const gdal = await gdalJs;
	gdalMessages.length = 0;
	const { datasets } = await gdal.open(src);
	if (datasets.length !== 1) throw new Error(`gdal3.js could not open ${src}: ${gdalMessages.join('; ')}`);
	try {
		const out = await gdal.ogr2ogr(datasets[0], ogr2ogrArgs(options), `out-${++outputs}`);
		writeFileSync(dst, await gdal.getFileBytes(out));
	} finally {
		await gdal.close(datasets[0]);
	}
}
