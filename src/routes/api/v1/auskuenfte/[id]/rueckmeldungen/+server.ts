import { json } from '@sveltejs/kit';
import { readFileSync, rmSync } from 'node:fs';
import { sql } from '$lib/server/db';
import { endpoint, readJson, apiErrorResponse } from '$lib/server/http/api';
import { receiveUpload } from '$lib/server/http/upload';
import { TMP_DIR } from '$lib/server/layers/storage';
import { notFound } from '$lib/server/auth/guard';
import { requireRequester } from '$lib/server/auskunft/access';
import { ownAuskunft } from '$lib/server/auskunft/present';
import { parseFeedback } from '$lib/server/auskunft/feedback-input';
import { FEEDBACK_PHOTO_MAX_BYTES, feedbackJson, listFeedback, submitFeedback } from '$lib/server/auskunft/feedback';
import type { RequestHandler } from './$types';

/** JSON `{ operatorId, kind, deviationM?, comment?, photo?: { name, data: base64 } }`, or multipart with a `photo` file. */
async function readBody(request: Request): Promise<{ fields: Record<string, string>; photo: { name: string; bytes: Uint8Array } | null }> {
	const type = request.headers.get('content-type') ?? '';
	if (type.includes('multipart/form-data')) {
		const upload = await receiveUpload(request, { maxBytes: FEEDBACK_PHOTO_MAX_BYTES, tmpDir: TMP_DIR, fileField: 'photo' });
		try {
			const photo = upload.file && upload.file.size > 0 ? { name: upload.file.name, bytes: readFileSync(upload.file.path) } : null;
			return { fields: upload.fields, photo };
		} finally {
			if (upload.file) rmSync(upload.file.path, { force: true });
		}
	}
	const body = (await readJson(request)) as Record<string, unknown> | null;
	const fields: Record<string, string> = {};
	for (const key of ['operatorId', 'kind', 'deviationM', 'comment']) {
		const v = body?.[key];
		if (typeof v === 'string' || typeof v === 'number') fields[key] = String(v);
	}
	const p = body?.photo as { name?: unknown; data?: unknown } | undefined;
	const photo = p && typeof p.data === 'string' ? { name: typeof p.name === 'string' ? p.name : 'foto', bytes: Buffer.from(p.data, 'base64') } : null;
	return { fields, photo };
}

/** POST → 201 a field feedback on the own, valid Auskunft, addressed to one of its operators. */
export const POST: RequestHandler = endpoint(async ({ locals, params, request }) => {
	const requester = requireRequester(locals);
	// who first, then what: another org's id is 404 before the body is even read
	if (!(await ownAuskunft(sql, params.id, requester.orgId))) notFound('Auskunft');
	const { fields, photo } = await readBody(request);
	const parsed = parseFeedback(fields, photo, FEEDBACK_PHOTO_MAX_BYTES);
	if ('problems' in parsed) return apiErrorResponse(422, 'validation', 'Die Rückmeldung ist unvollständig oder fehlerhaft.', parsed.problems);
	const outcome = await submitFeedback(requester, params.id, parsed.input);
	if (!outcome.ok) return apiErrorResponse(outcome.httpStatus, outcome.code, outcome.message, outcome.field ? [{ field: outcome.field, message: outcome.message }] : []);
	return json(feedbackJson(outcome.feedback), { status: 201 });
});

/** GET → the own org's feedback on this Auskunft. */
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const requester = requireRequester(locals);
	const a = await ownAuskunft(sql, params.id, requester.orgId);
	if (!a) notFound('Auskunft');
	return json({ items: (await listFeedback(a.id)).map(feedbackJson) });
});
