/**
 * @module layers/ingest/archive
 * Safe unpacking of uploaded zip files. Refused before anything is written: not a zip at all (an .exe
 * renamed .zip), too many entries, paths leaving the folder, a declared size or ratio past the limits.
 * While unpacking, the real bytes are counted too: a zip may lie about its sizes.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl from 'yauzl';

export class ArchiveError extends Error {}

export interface ArchiveLimits {
	maxUnpackedBytes: number;
	maxRatio: number;
	maxEntries: number;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
	return new Promise((resolve, reject) =>
		yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (err, zip) =>
			err || !zip ? reject(err ?? new Error('zip')) : resolve(zip)
		)
	);
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
	return new Promise((resolve, reject) => {
		const entries: yauzl.Entry[] = [];
		zip.on('entry', (e: yauzl.Entry) => {
			entries.push(e);
			zip.readEntry();
		});
		zip.on('end', () => resolve(entries));
		zip.on('error', reject);
		zip.readEntry();
	});
}

/** Unpacks `zipPath` into `targetDir`; returns the relative paths of the files. */
export async function unpackZip(zipPath: string, targetDir: string, limits: ArchiveLimits): Promise<string[]> {
	let entries: yauzl.Entry[];
	try {
		entries = await readEntries(await openZip(zipPath));
	} catch {
		throw new ArchiveError('Die Datei ist kein gültiges ZIP-Archiv (beschädigt oder ein anderes Format mit der Endung .zip).');
	}
	const files = entries.filter((e) => !e.fileName.endsWith('/') && !/(^|\/)(__MACOSX|\.DS_Store)/.test(e.fileName));
	if (files.length === 0) throw new ArchiveError('Das ZIP-Archiv ist leer.');
	if (files.length > limits.maxEntries) {
		throw new ArchiveError(`Das ZIP-Archiv enthält ${files.length} Dateien; erlaubt sind höchstens ${limits.maxEntries}.`);
	}
	let declared = 0;
	for (const e of files) {
		const target = normalize(e.fileName);
		if (target.startsWith('..') || target.startsWith('/')) throw new ArchiveError(`Unzulässiger Pfad im ZIP-Archiv: ${e.fileName}`);
		declared += e.uncompressedSize;
		if (e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > limits.maxRatio && e.uncompressedSize > 1_000_000) {
			throw new ArchiveError(
				`„${e.fileName}“ ist über ${limits.maxRatio}-fach komprimiert – das sieht nach einer ZIP-Bombe aus und wird nicht entpackt.`
			);
		}
	}
	if (declared > limits.maxUnpackedBytes) {
		throw new ArchiveError(`Das ZIP-Archiv würde ${formatMB(declared)} entpacken; erlaubt sind ${formatMB(limits.maxUnpackedBytes)}.`);
	}

	const zip = await openZip(zipPath);
	let written = 0;
	const out: string[] = [];
	await new Promise<void>((resolve, reject) => {
		zip.on('entry', (entry: yauzl.Entry) => {
			if (!files.some((f) => f.fileName === entry.fileName)) return zip.readEntry();
			zip.openReadStream(entry, (err, stream) => {
				if (err || !stream) return reject(err);
				const file = join(targetDir, normalize(entry.fileName));
				mkdirSync(dirname(file), { recursive: true });
				const counter = new Transform({
					transform(chunk: Buffer, _enc, cb) {
						written += chunk.length;
						if (written > limits.maxUnpackedBytes) cb(new ArchiveError('Das ZIP-Archiv entpackt mehr, als es angibt – abgebrochen.'));
						else cb(null, chunk);
					}
				});
				pipeline(stream, counter, createWriteStream(file))
					.then(() => {
						out.push(normalize(entry.fileName));
						zip.readEntry();
					})
					.catch(reject);
			});
		});
		zip.on('end', () => resolve());
		zip.on('error', reject);
		zip.readEntry();
	}).catch((e: unknown) => {
		zip.close();
		throw e instanceof ArchiveError ? e : new ArchiveError(`Das ZIP-Archiv ist beschädigt: ${(e as Error).message}`);
	});
	return out;
}

function formatMB(n: number): string {
	return `${Math.round(n / 1_000_000).toLocaleString('de-DE')} MB`;
}
