import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { endpoint, readJson, apiErrorResponse } from '$lib/server/http/api';
import { notFound } from '$lib/server/auth/guard';
import { requireActor, viewable } from '$lib/server/baustellen/access';
import { parsePatch } from '$lib/server/baustellen/input';
import { updateBaustelle, baustelleAction, type BaustelleAction } from '$lib/server/baustellen/service';
import { submitAll } from '$lib/server/baustellen/permits';
import { baustelleJson } from '$lib/server/baustellen/present';
import { getBaustelle } from '$lib/server/baustellen/repo';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const v = await viewable(sql, actor, params.id);
	if (!v) notFound('Baustelle');
	return json(await baustelleJson(sql, v.baustelle, url.origin));
});

/** A status reached by PATCH `{ status }` is the lifecycle action that leads there. */
const ACTION_FOR_STATUS: Record<string, BaustelleAction | 'beantragen'> = {
	beantragt: 'beantragen',
	in_ausfuehrung: 'baubeginn',
	abgeschlossen: 'fertigmeldung',
	abgenommen: 'abnahme',
	storniert: 'stornieren'
};

/**
 * PATCH → changed fields (promoter only; conflicts re-checked). `status` performs the lifecycle step
 * that leads there (`actual.start` / `actual.end` give the reported dates).
 */
export const PATCH: RequestHandler = endpoint(async ({ locals, params, request, url }) => {
	const actor = requireActor(locals);
	const v = await viewable(sql, actor, params.id);
	if (!v) notFound('Baustelle');
	const parsed = parsePatch(await readJson(request));
	if ('problems' in parsed) return apiErrorResponse(422, 'validation', 'Die Änderung ist fehlerhaft.', parsed.problems);
	if (parsed.status && !(parsed.status in ACTION_FOR_STATUS) && parsed.status !== v.baustelle.status) {
		return apiErrorResponse(422, 'invalid_transition', `Der Status „${parsed.status}“ lässt sich nicht setzen: „genehmigt“ folgt aus den erteilten Genehmigungen, „geplant“ ist der Anfang.`);
	}
	if (Object.keys(parsed.fields).length) {
		const r = await updateBaustelle(actor, params.id, parsed.fields);
		if (!r.ok) return apiErrorResponse(r.status, r.code, r.message, r.problems);
	}
	if (parsed.status && parsed.status !== v.baustelle.status) {
		const action = ACTION_FOR_STATUS[parsed.status]!;
		const r =
			action === 'beantragen'
				? await submitAll(actor, params.id)
				: await baustelleAction(actor, params.id, action, { date: action === 'fertigmeldung' ? parsed.actual.end : parsed.actual.start });
		if (!r.ok) return apiErrorResponse(r.status, r.code, r.message, r.problems);
	}
	return json(await baustelleJson(sql, (await getBaustelle(sql, params.id))!, url.origin));
});
