import { error, fail } from '@sveltejs/kit';
import { rmSync } from 'node:fs';
import { sql } from '$lib/server/db';
import { receiveUpload } from '$lib/server/http/upload';
import { TMP_DIR } from '$lib/server/layers/storage';
import { verifyDocument } from '$lib/server/auskunft/verify';
import { findAuskunftByNumber } from '$lib/server/auskunft/repo';
import type { Actions, PageServerLoad } from './$types';

// Public: anyone holding a printed Auskunft (site foreman, operator, court) checks it here.
export const load: PageServerLoad = async ({ params, url, getClientAddress }) => {
	const sha = url.searchParams.get('sha256');
	if (sha) {
		const result = await verifyDocument(sql, params.number, sha, getClientAddress());
		if (!result) error(404, { code: 'not_found', message: `Eine Auskunft mit der Nummer ${params.number} gibt es nicht.` });
		return { number: result.number, result };
	}
	const a = await findAuskunftByNumber(sql, params.number.trim().toUpperCase());
	if (!a) error(404, { code: 'not_found', message: `Eine Auskunft mit der Nummer ${params.number} gibt es nicht.` });
	return { number: a.number, result: null };
};

export const actions: Actions = {
	default: async ({ params, request, getClientAddress }) => {
		const upload = await receiveUpload(request, { maxBytes: 100_000_000, tmpDir: TMP_DIR });
		if (upload.file) rmSync(upload.file.path, { force: true });
		const sha = upload.file?.size ? upload.file.sha256 : (upload.fields.sha256 ?? '').trim();
		if (!/^[0-9a-fA-F]{64}$/.test(sha)) return fail(400, { message: 'Bitte die PDF-Datei wählen oder ihren SHA-256-Hash (64 Zeichen) einfügen.' });
		const result = await verifyDocument(sql, params.number, sha, getClientAddress());
		if (!result) return fail(404, { message: 'Auskunft nicht gefunden.' });
		return { result, sha };
	}
};
