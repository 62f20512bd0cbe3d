/**
 * @module layers/reader/cache
 * One shared reader per layer file. Layer versions are immutable (the name is their sha256), so a reader
 * never goes stale; it is released when its version is superseded, which closes its file descriptor and
 * lets its index be collected.
 */
import { resolve } from 'node:path';
import { openLayerFile, type LayerReader } from './layer-reader';

const readers = new Map<string, LayerReader>();

/** The shared reader of `path`, opened on first use. */
export function getReader(path: string): LayerReader {
	const key = resolve(path);
	let reader = readers.get(key);
	if (!reader) {
		reader = openLayerFile(key);
		readers.set(key, reader);
	}
	return reader;
}

/** Closes and forgets the shared reader of `path`, if open; a later `getReader` opens the file anew. */
export function releaseReader(path: string): void {
	const key = resolve(path);
	readers.get(key)?.close();
	readers.delete(key);
}

/** Closes every shared reader (shutdown, tests). */
export function releaseAllReaders(): void {
	for (const reader of readers.values()) reader.close();
	readers.clear();
}

/** Paths of the open shared readers. */
export function openReaderPaths(): string[] {
	return [...readers.keys()];
}
