/**
 * @module layers/ingest/gdal
 * GDAL compiled to WebAssembly (gdal3.js), started once per process (~0.8 s, ~190 MB). Its virtual file
 * system mounts one input folder at a time and the runtime is single-threaded, so every use goes
 * through `withGdal`, one after the other. Outputs are written straight to disk under
 * DATA_DIR/tmp/gdal (a NODEFS mount), never into WASM memory, which ends at 4 GB.
 *
 * gdal3.js finds its .wasm/.data relative to the working directory: the server runs from the root.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { config } from '../../config';

export interface GdalDataset {
	pointer: number;
	path: string;
	type: string;
	info?: GdalVectorInfo;
}

export interface GdalVectorInfo {
	driverShortName: string;
	layers: {
		name: string;
		featureCount: number;
		geometryFields: {
			type: string;
			extent?: number[];
			coordinateSystem?: { wkt?: string; projjson?: { name?: string; id?: { authority: string; code: number } } };
		}[];
		fields: { name: string; type: string; subType?: string }[];
	}[];
}

export interface GdalModule {
	open(files: string | string[], openOptions?: string[], vfsHandlers?: string[]): Promise<{ datasets: GdalDataset[]; errors: unknown[] }>;
	ogrinfo(dataset: GdalDataset, options?: string[]): Promise<GdalVectorInfo>;
	ogr2ogr(dataset: GdalDataset, options: string[], outputName?: string): Promise<{ local: string; real: string; all: { real: string }[] }>;
	close(dataset: GdalDataset): Promise<void>;
	/** the Emscripten module: its file system and GDAL's C functions (source-open.ts) */
	Module: EmscriptenModule;
}

export interface EmscriptenModule {
	FS: {
		mkdir(path: string): void;
		mount(type: unknown, options: { root: string }, mountpoint: string): void;
		unmount(mountpoint: string): void;
		analyzePath(path: string): { exists: boolean };
	};
	NODEFS: unknown;
	ccall(name: string, returnType: string | null, argTypes: string[], args: unknown[]): unknown;
}

export const GDAL_OUT_DIR = resolve(config.dataDir, 'tmp', 'gdal');

let gdal: Promise<GdalModule> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let lastError = '';

function start(): Promise<GdalModule> {
	mkdirSync(GDAL_OUT_DIR, { recursive: true });
	return import('gdal3.js/node.js').then(({ default: init }) =>
		(init as (c: object) => Promise<GdalModule>)({
			dest: GDAL_OUT_DIR,
			logHandler: () => {},
			// GDAL's own error text is the best hint for the operator; keep the last one
			errorHandler: (text: string) => {
				lastError = text;
			}
		})
	);
}

/** Runs `fn` with GDAL when no other call is using it. */
export function withGdal<T>(fn: (g: GdalModule) => Promise<T>): Promise<T> {
	const run = queue.then(async () => {
		gdal ??= start();
		lastError = '';
		return fn(await gdal);
	});
	queue = run.catch(() => undefined);
	return run;
}

/** The last message GDAL printed on stderr, without its "ERROR 1:" prefix. */
export function lastGdalError(): string {
	return lastError.replace(/^(ERROR|Warning) \d+:\s*/, '').trim();
}

/** GDAL rejects with arrays or objects of { no, message }; make one readable line of it. */
export function gdalErrorText(e: unknown): string {
	const items = Array.isArray(e) ? e : [e];
	const text = items
		.map((x) => (x && typeof x === 'object' && 'message' in x ? String((x as { message: unknown }).message) : String(x)))
		.filter((m) => m && m !== 'undefined')
		.join('; ');
	return text || lastGdalError() || 'unbekannter GDAL-Fehler';
}
