import { fail } from '@sveltejs/kit';
import { readFileSync, rmSync } from 'node:fs';
import { requireRole } from '$lib/server/auth/guard';
import { requireOperator } from '$lib/server/layers/access';
import { receiveUpload } from '$lib/server/http/upload';
import { TMP_DIR } from '$lib/server/layers/storage';
import { loadInbox } from '$lib/server/auskunft/inbox';
import { ATTACHMENT_MAX_BYTES, answerRequest } from '$lib/server/auskunft/answer';
import type { AnswerKind } from '$lib/server/auskunft/transitions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { org } = requireRole(locals, 'netzbetreiber');
	return { verified: org.verified, attachmentMaxBytes: ATTACHMENT_MAX_BYTES, ...(await loadInbox(org.id, url.origin)) };
};

const ANSWER_LABELS: Record<string, string> = { betroffen: 'betroffen', nicht_betroffen: 'nicht betroffen' };

export const actions: Actions = {
	/** Release the computed plan, or answer "nicht betroffen" (plain form, one button each). */
	answer: async ({ locals, request, url }) => {
		const operator = requireOperator(locals);
		const form = await request.formData();
		const auskunftId = String(form.get('auskunftId') ?? '');
		const kind = String(form.get('kind') ?? '');
		if (kind !== 'freigabe' && kind !== 'nicht_betroffen') return fail(400, { auskunftId, message: 'Bitte eine Antwort wählen.' });
		const result = await answerRequest(operator, auskunftId, { kind: kind as AnswerKind }, url.origin);
		if (!result.ok) return fail(result.httpStatus, { auskunftId, message: result.message });
		return { answered: { number: result.number, status: ANSWER_LABELS[result.status] ?? result.status, version: result.version } };
	},

	/** Own documents (a PDF) as the answer; the computed plan is released too only when ticked. */
	documents: async ({ locals, request, url }) => {
		const operator = requireOperator(locals);
		const upload = await receiveUpload(request, { maxBytes: ATTACHMENT_MAX_BYTES, tmpDir: TMP_DIR, fileField: 'file' });
		let attachment: { name: string; bytes: Uint8Array } | null = null;
		try {
			if (upload.file && upload.file.size > 0) attachment = { name: upload.file.name, bytes: readFileSync(upload.file.path) };
		} finally {
			if (upload.file) rmSync(upload.file.path, { force: true });
		}
		const auskunftId = upload.fields.auskunftId ?? '';
		const result = await answerRequest(operator, auskunftId, { kind: 'unterlagen', attachment, releasePlan: upload.fields.releasePlan === 'on' }, url.origin);
		if (!result.ok) return fail(result.httpStatus, { auskunftId, message: result.message });
		return { answered: { number: result.number, status: ANSWER_LABELS[result.status] ?? result.status, version: result.version } };
	}
};
