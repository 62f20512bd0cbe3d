/**
 * @module layers/storage
 * Where layer files live: DATA_DIR/layers/<layerId>/<sha256>.fgb (immutable; the sha256 is that of the
 * uploaded file), and the per-upload scratch folders under DATA_DIR/tmp.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { config } from '../config';

export const LAYERS_DIR = resolve(config.dataDir, 'layers');
export const TMP_DIR = resolve(config.dataDir, 'tmp');

export function layerFilePath(layerId: string, sha256: string): string {
	return join(LAYERS_DIR, layerId, `${sha256}.fgb`);
}

export function ensureLayerDir(layerId: string): void {
	mkdirSync(join(LAYERS_DIR, layerId), { recursive: true });
}

/** A scratch folder for one upload; `remove` deletes it whatever happened. */
export function scratchDir(): { path: string; remove(): void } {
	mkdirSync(TMP_DIR, { recursive: true });
	const path = mkdtempSync(join(TMP_DIR, 'ingest-'));
	return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
