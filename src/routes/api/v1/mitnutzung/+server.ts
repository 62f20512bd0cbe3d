import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { config } from '$lib/server/config';
import { now } from '$lib/server/clock';
import { endpoint, readJson, apiErrorResponse, RateLimitedError } from '$lib/server/http/api';
import { recordEvent, retryAfter } from '$lib/server/auth/rate-limit';
import { berlinDate } from '$lib/server/auskunft/rules';
import { requirePlanner } from '$lib/server/mitnutzung/access';
import { parseMitnutzung } from '$lib/server/mitnutzung/input';
import { checkRoute } from '$lib/server/mitnutzung/service';
import { mitnutzungJson } from '$lib/server/mitnutzung/present';
import { listChecks } from '$lib/server/mitnutzung/repo';
import type { RequestHandler } from './$types';

/** POST → 201 a Mitnutzung check of a planned route: reusable ducts, % covered, co-laying chances. */
export const POST: RequestHandler = endpoint(async ({ locals, request, url }) => {
	const requester = requirePlanner(locals);
	const limit = { max: config.mitnutzungMaxPerHour, windowSeconds: 3600 };
	const wait = await retryAfter(sql, 'mitnutzung-user', requester.userId, limit);
	if (wait > 0) throw new RateLimitedError(wait, `Zu viele Prüfungen in kurzer Zeit (höchstens ${limit.max} je Stunde). Bitte in ${Math.ceil(wait / 60)} Minute(n) erneut versuchen.`);

	const parsed = parseMitnutzung(await readJson(request), berlinDate(now()));
	if ('problems' in parsed) return apiErrorResponse(422, parsed.code, 'Die Trasse ist unvollständig oder fehlerhaft.', parsed.problems);
	const outcome = await checkRoute(requester, parsed.input);
	if (!outcome.ok) return apiErrorResponse(outcome.status, outcome.code, outcome.message, outcome.problems);
	await recordEvent(sql, 'mitnutzung-user', requester.userId, limit);
	const body = mitnutzungJson(outcome.check, url.origin);
	return json(body, { status: 201, headers: { location: body.links.self } });
});

/** GET → the organisation's own checks, newest first, paged (?limit=20&offset=0). */
export const GET: RequestHandler = endpoint(async ({ locals, url }) => {
	const requester = requirePlanner(locals);
	const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 20) || 20));
	const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
	const page = await listChecks(sql, requester.orgId, limit, offset);
	const next = offset + limit < page.total ? `${url.origin}/api/v1/mitnutzung?limit=${limit}&offset=${offset + limit}` : null;
	return json({ items: page.items.map((c) => mitnutzungJson(c, url.origin)), total: page.total, limit, offset, next });
});
