import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { endpoint, readJson, apiErrorResponse } from '$lib/server/http/api';
import { notFound } from '$lib/server/auth/guard';
import { requireActor, viewable } from '$lib/server/baustellen/access';
import { baustelleAction, type BaustelleAction } from '$lib/server/baustellen/service';
import { submitAll } from '$lib/server/baustellen/permits';
import { baustelleJson } from '$lib/server/baustellen/present';
import { getBaustelle } from '$lib/server/baustellen/repo';
import { isDate } from '$lib/server/baustellen/input';
import type { RequestHandler } from './$types';

const ACTIONS = ['beantragen', 'baubeginn', 'fertigmeldung', 'abnahme', 'stornieren'] as const;

/** POST `{ action, date? }` → the lifecycle step (beantragen = submit all open permits). */
export const POST: RequestHandler = endpoint(async ({ locals, params, request, url }) => {
	const actor = requireActor(locals);
	if (!(await viewable(sql, actor, params.id))) notFound('Baustelle');
	const body = (await readJson(request)) as { action?: string; date?: unknown };
	const action = body?.action as (typeof ACTIONS)[number];
	if (!ACTIONS.includes(action)) return apiErrorResponse(422, 'validation', `Unbekannte Aktion. Erlaubt: ${ACTIONS.join(', ')}.`, [{ field: 'action', message: 'Unbekannte Aktion.' }]);
	if (body.date !== undefined && body.date !== null && !isDate(body.date)) return apiErrorResponse(422, 'validation', 'Das Datum muss JJJJ-MM-TT sein.', [{ field: 'date', message: 'Kein Datum.' }]);
	const r = action === 'beantragen' ? await submitAll(actor, params.id) : await baustelleAction(actor, params.id, action as BaustelleAction, { date: (body.date as string) ?? undefined });
	if (!r.ok) return apiErrorResponse(r.status, r.code, r.message, r.problems);
	return json(await baustelleJson(sql, (await getBaustelle(sql, params.id))!, url.origin));
});
