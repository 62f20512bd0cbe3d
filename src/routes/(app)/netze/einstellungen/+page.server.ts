import { fail } from '@sveltejs/kit';
import { readFileSync, rmSync } from 'node:fs';
import { sql } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { requireOperator } from '$lib/server/layers/access';
import { receiveUpload } from '$lib/server/http/upload';
import { TMP_DIR } from '$lib/server/layers/storage';
import { getSettings, readSettingsForm, saveSettings, validateSettings, type SettingsInput } from '$lib/server/operators/settings';
import { appendAudit } from '$lib/server/audit/repo';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { org } = requireRole(locals, 'netzbetreiber');
	return { settings: await getSettings(sql, org.id) };
};

const PDF_MAX = 10_000_000;

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const actor = requireOperator(locals);
		// multipart: the Schutzanweisung may come as a PDF
		const upload = await receiveUpload(request, { maxBytes: PDF_MAX, tmpDir: TMP_DIR, fileField: 'schutzanweisungPdf' });
		const form = new FormData();
		for (const [k, v] of Object.entries(upload.fields)) form.set(k, v);
		const input: SettingsInput = readSettingsForm(form);
		let pdf: { name: string; bytes: Uint8Array } | null = null;
		try {
			if (upload.file && upload.file.size > 0) {
				const bytes = readFileSync(upload.file.path);
				if (bytes.subarray(0, 5).toString() !== '%PDF-') {
					return fail(400, { values: input, errors: { schutzanweisungPdf: 'Die Schutzanweisung muss eine PDF-Datei sein.' } });
				}
				pdf = { name: upload.file.name, bytes };
			}
		} finally {
			if (upload.file) rmSync(upload.file.path, { force: true });
		}
		const errors = validateSettings(input);
		if (Object.keys(errors).length) return fail(400, { values: input, errors });
		await sql.begin(async (tx) => {
			await saveSettings(tx, actor.orgId, input, pdf);
			await appendAudit(tx, { action: 'operator.settings_saved', actorUser: actor.userId, actorOrg: actor.orgId, data: { pdf: Boolean(pdf) } });
		});
		return { saved: true };
	}
};
