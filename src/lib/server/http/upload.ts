/**
 * @module http/upload
 * Receives a multipart upload by streaming its file part to a temp file (never into memory), hashing
 * it on the way and stopping at the byte limit with a v1 413. Text fields come back as strings.
 */
import { error } from '@sveltejs/kit';
import busboy from 'busboy';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { formatBytes } from './api';

export interface UploadedFile {
	path: string;
	name: string;
	size: number;
	sha256: string;
}

export interface Upload {
	fields: Record<string, string>;
	file: UploadedFile | null;
}

class TooLarge extends Error {}

export async function receiveUpload(request: Request, opts: { maxBytes: number; tmpDir: string; fileField?: string }): Promise<Upload> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('multipart/form-data')) {
		error(415, { code: 'unsupported_media_type', message: 'Bitte die Datei als multipart/form-data im Feld „file“ senden (z. B. curl -F file=@netz.zip).' });
	}
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > opts.maxBytes + 64_000) tooLarge(opts.maxBytes);
	if (!request.body) error(400, { code: 'bad_request', message: 'Die Anfrage hat keinen Inhalt.' });

	mkdirSync(opts.tmpDir, { recursive: true });
	const fields: Record<string, string> = {};
	let file: UploadedFile | null = null;
	const written: string[] = [];
	const fileField = opts.fileField ?? 'file';

	const parser = busboy({ headers: { 'content-type': type }, limits: { fileSize: opts.maxBytes, files: 1, fields: 50, fieldSize: 1_000_000 } });
	const done = new Promise<void>((resolve, reject) => {
		const pending: Promise<void>[] = [];
		parser.on('field', (name, value) => (fields[name] = value));
		parser.on('file', (name, stream, info) => {
			if (name !== fileField) {
				stream.resume();
				return;
			}
			const path = join(opts.tmpDir, `upload-${randomBytes(6).toString('hex')}`);
			written.push(path);
			const hash = createHash('sha256');
			let size = 0;
			stream.on('data', (chunk: Buffer) => {
				hash.update(chunk);
				size += chunk.length;
			});
			stream.on('limit', () => stream.destroy(new TooLarge()));
			pending.push(
				pipeline(stream, createWriteStream(path)).then(() => {
					file = { path, name: info.filename || 'upload', size, sha256: hash.digest('hex') };
				})
			);
		});
		parser.on('close', () => void Promise.all(pending).then(() => resolve(), reject));
		parser.on('error', reject);
	});
	try {
		await pipeline(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream), parser);
		await done;
	} catch (e) {
		for (const p of written) rmSync(p, { force: true });
		if (e instanceof TooLarge) tooLarge(opts.maxBytes);
		error(400, { code: 'bad_upload', message: 'Der Upload ist abgebrochen oder fehlerhaft. Bitte erneut senden.' });
	}
	return { fields, file };
}

function tooLarge(max: number): never {
	error(413, { code: 'payload_too_large', message: `Die Datei ist größer als die erlaubten ${formatBytes(max)}. Bitte aufteilen oder als ZIP komprimieren.` });
}
