import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { endpoint, readJson, apiErrorResponse } from '$lib/server/http/api';
import { berlinDate } from '$lib/server/auskunft/rules';
import { requireActor } from '$lib/server/baustellen/access';
import { permitAction } from '$lib/server/baustellen/permits';
import { permitsJson } from '$lib/server/baustellen/present';
import type { PermitAction } from '$lib/server/genehmigungen/actions';
import type { RequestHandler } from './$types';

const ACTIONS: PermitAction[] = ['einreichen', 'vollstaendig', 'nachfordern', 'erteilen', 'erteilen_mit_auflagen', 'ablehnen', 'verlaengern'];

/**
 * POST `{ action, conditions?, reason? }` → the permit after the step. `einreichen` by the promoter;
 * the others by the deciding authority (`erteilen_mit_auflagen` needs `conditions`, `ablehnen` and
 * `nachfordern` a `reason`).
 */
export const POST: RequestHandler = endpoint(async ({ locals, params, request }) => {
	const actor = requireActor(locals);
	const body = (await readJson(request)) as { action?: string; conditions?: unknown; reason?: unknown };
	const action = body?.action as PermitAction;
	if (!ACTIONS.includes(action)) return apiErrorResponse(422, 'validation', `Unbekannte Aktion. Erlaubt: ${ACTIONS.join(', ')}.`, [{ field: 'action', message: 'Unbekannte Aktion.' }]);
	const text = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 4000) : undefined);
	const r = await permitAction(actor, params.id, action, { conditions: text(body.conditions), reason: text(body.reason) });
	if (!r.ok) return apiErrorResponse(r.status, r.code, r.message, r.problems);
	const [permit] = await permitsJson(sql, [r.value], berlinDate(now()));
	return json(permit);
});
