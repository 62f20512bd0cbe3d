import { fail, redirect } from '@sveltejs/kit';
import { readFileSync, rmSync } from 'node:fs';
import { sql } from '$lib/server/db';
import { config } from '$lib/server/config';
import { notFound } from '$lib/server/auth/guard';
import { recordEvent, retryAfter } from '$lib/server/auth/rate-limit';
import { receiveUpload } from '$lib/server/http/upload';
import { TMP_DIR } from '$lib/server/layers/storage';
import { requireRequester } from '$lib/server/auskunft/access';
import { auskunftJson, ownAuskunft } from '$lib/server/auskunft/present';
import { requesterView } from '$lib/server/auskunft/requester-view';
import { renewAuskunft } from '$lib/server/auskunft/renew';
import { parseFeedback, FEEDBACK_KINDS, FEEDBACK_LABELS } from '$lib/server/auskunft/feedback-input';
import { FEEDBACK_PHOTO_MAX_BYTES, submitFeedback } from '$lib/server/auskunft/feedback';
import { requireActor } from '$lib/server/baustellen/access';
import { fieldsFromAuskunft } from '$lib/server/baustellen/from-auskunft';
import { createBaustelle } from '$lib/server/baustellen/service';
import type { Db } from '$lib/server/db';
import { env } from '$env/dynamic/private';
import { OFFLINE_STYLE_URL } from '$lib/map/defaults';
import type { Actions, PageServerLoad } from './$types';

/**
 * The Baustelle registered from this Auskunft, if any (a cancelled one does not count).
 * TODO(lead): belongs in baustellen/repo.ts as `baustelleOfAuskunft`; kept here to stay in my files.
 */
async function linkedBaustelle(db: Db, auskunftId: string, orgId: string): Promise<{ id: string; number: string } | null> {
	const [row] = await db<{ id: string; number: string }[]>`select id, number from baustellen
		where auskunft_id = ${auskunftId} and org_id = ${orgId} and status <> 'storniert' order by created_at desc limit 1`;
	return row ?? null;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const requester = requireRequester(locals);
	const a = await ownAuskunft(sql, params.id, requester.orgId);
	if (!a) notFound('Auskunft');
	return {
		auskunft: await auskunftJson(sql, a, url.origin),
		view: await requesterView(sql, a),
		site: a.site,
		feedbackKinds: FEEDBACK_KINDS.map((k) => ({ value: k, label: FEEDBACK_LABELS[k] })),
		photoMaxBytes: FEEDBACK_PHOTO_MAX_BYTES,
		area4326: a.area4326,
		baustelle: await linkedBaustelle(sql, a.id, requester.orgId),
		basemapStyleUrl: env.BASEMAP_STYLE_URL || OFFLINE_STYLE_URL
	};
};

export const actions: Actions = {
	renew: async ({ locals, params, url }) => {
		const requester = requireRequester(locals);
		const limit = { max: config.auskunftMaxPerHour, windowSeconds: 3600 };
		if ((await retryAfter(sql, 'auskunft-user', requester.userId, limit)) > 0) {
			return fail(429, { renewError: `Zu viele Auskünfte in kurzer Zeit (höchstens ${limit.max} je Stunde). Bitte später erneut versuchen.` });
		}
		const outcome = await renewAuskunft(requester, params.id, url.origin);
		if (outcome.status === 'not_found') notFound('Auskunft');
		await recordEvent(sql, 'auskunft-user', requester.userId, limit);
		return { renewed: { version: outcome.version, diff: outcome.diff } };
	},

	feedback: async ({ locals, params, request }) => {
		const requester = requireRequester(locals);
		if (!(await ownAuskunft(sql, params.id, requester.orgId))) notFound('Auskunft');
		const upload = await receiveUpload(request, { maxBytes: FEEDBACK_PHOTO_MAX_BYTES, tmpDir: TMP_DIR, fileField: 'photo' });
		let photo: { name: string; bytes: Uint8Array } | null = null;
		try {
			if (upload.file && upload.file.size > 0) photo = { name: upload.file.name, bytes: readFileSync(upload.file.path) };
		} finally {
			if (upload.file) rmSync(upload.file.path, { force: true });
		}
		const values = { operatorId: upload.fields.operatorId ?? '', kind: upload.fields.kind ?? '', deviationM: upload.fields.deviationM ?? '', comment: upload.fields.comment ?? '' };
		const parsed = parseFeedback(upload.fields, photo, FEEDBACK_PHOTO_MAX_BYTES);
		if ('problems' in parsed) return fail(422, { feedback: { values, problems: parsed.problems } });
		const outcome = await submitFeedback(requester, params.id, parsed.input);
		if (!outcome.ok) return fail(outcome.httpStatus, { feedback: { values, problems: [{ field: outcome.field ?? 'form', message: outcome.message }] } });
		return { feedbackSent: { operator: outcome.feedback.operatorName, kind: FEEDBACK_LABELS[outcome.feedback.kind] } };
	},

	/** „Als Baustelle anmelden“: one click from the Auskunft's area, period and works; an existing one is opened instead. */
	baustelle: async ({ locals, params }) => {
		const actor = requireActor(locals);
		const a = await ownAuskunft(sql, params.id, actor.orgId);
		if (!a) notFound('Auskunft');
		const existing = await linkedBaustelle(sql, a.id, actor.orgId);
		if (existing) redirect(303, `/baustellen/${existing.id}`);
		const outcome = await createBaustelle(actor, fieldsFromAuskunft(a));
		if (!outcome.ok) return fail(outcome.status, { baustelleError: outcome.message });
		redirect(303, `/baustellen/${outcome.value.id}`);
	}
};
