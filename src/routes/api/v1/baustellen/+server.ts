import { json } from '@sveltejs/kit';
import { BAUSTELLE_STATUSES, type BaustelleStatus } from '$lib/baustellen';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { endpoint, readJson, apiErrorResponse } from '$lib/server/http/api';
import { berlinDate } from '$lib/server/auskunft/rules';
import { findAuskunft } from '$lib/server/auskunft/repo';
import { requireActor } from '$lib/server/baustellen/access';
import { parseCreate } from '$lib/server/baustellen/input';
import { fieldsFromAuskunft } from '$lib/server/baustellen/from-auskunft';
import { createBaustelle } from '$lib/server/baustellen/service';
import { baustelleJson } from '$lib/server/baustellen/present';
import { listBaustellen } from '$lib/server/baustellen/repo';
import { isDate } from '$lib/server/baustellen/input';
import type { RequestHandler } from './$types';

/**
 * POST → 201 a new Baustelle: authorities routed, permits opened, conflicts checked.
 * `{ auskunftId }` alone creates it from that Leitungsauskunft (other fields override).
 */
export const POST: RequestHandler = endpoint(async ({ locals, request, url }) => {
	const actor = requireActor(locals);
	const body = (await readJson(request)) as Record<string, unknown>;
	const today = berlinDate(now());
	let input = body;
	if (typeof body?.auskunftId === 'string' && !body.footprint && !body.geometry && !body.axis) {
		const a = await findAuskunft(sql, body.auskunftId);
		if (!a || a.orgId !== actor.orgId) return apiErrorResponse(422, 'validation', 'Die Leitungsauskunft wurde nicht gefunden.', [{ field: 'auskunftId', message: 'Leitungsauskunft nicht gefunden.' }]);
		const base = fieldsFromAuskunft(a);
		input = { ...base, period: { start: base.plannedStart, end: base.plannedEnd }, footprint: base.footprint, ...body };
	}
	const parsed = parseCreate(input, today);
	if ('problems' in parsed) return apiErrorResponse(422, 'validation', 'Die Baustelle ist unvollständig oder fehlerhaft.', parsed.problems);
	const outcome = await createBaustelle(actor, parsed.fields);
	if (!outcome.ok) return apiErrorResponse(outcome.status, outcome.code, outcome.message, outcome.problems);
	return json(await baustelleJson(sql, outcome.value, url.origin), { status: 201, headers: { location: `${url.origin}/api/v1/baustellen/${outcome.value.id}` } });
});

/**
 * GET → Baustellen the organisation registered or decides about (platform admin: all), newest first.
 * ?scope=alle|eigene|behoerde&status=&from=&to=&limit=&offset=
 */
export const GET: RequestHandler = endpoint(async ({ locals, url }) => {
	const actor = requireActor(locals);
	const q = url.searchParams;
	const scope = q.get('scope') === 'eigene' || q.get('scope') === 'behoerde' ? (q.get('scope') as 'eigene' | 'behoerde') : 'alle';
	const status = q.get('status');
	if (status && !BAUSTELLE_STATUSES.includes(status as BaustelleStatus)) return apiErrorResponse(400, 'bad_request', `Unbekannter Status „${status}“. Erlaubt: ${BAUSTELLE_STATUSES.join(', ')}.`);
	for (const k of ['from', 'to']) if (q.get(k) && !isDate(q.get(k))) return apiErrorResponse(400, 'bad_request', `„${k}“ muss ein Datum (JJJJ-MM-TT) sein.`);
	const limit = Math.min(200, Math.max(1, Number(q.get('limit') ?? 50) || 50));
	const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
	const page = await listBaustellen(sql, actor, { scope, status: (status as BaustelleStatus) || undefined, from: q.get('from') || undefined, to: q.get('to') || undefined, limit, offset });
	const items = [];
	for (const b of page.items) items.push(await baustelleJson(sql, b, url.origin));
	const nextParams = new URLSearchParams(q);
	nextParams.set('offset', String(offset + limit));
	nextParams.set('limit', String(limit));
	return json({ items, total: page.total, limit, offset, next: offset + limit < page.total ? `${url.origin}/api/v1/baustellen?${nextParams}` : null });
});
