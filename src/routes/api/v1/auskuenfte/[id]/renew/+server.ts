import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { config } from '$lib/server/config';
import { endpoint, RateLimitedError } from '$lib/server/http/api';
import { notFound } from '$lib/server/auth/guard';
import { recordEvent, retryAfter } from '$lib/server/auth/rate-limit';
import { requireRequester } from '$lib/server/auskunft/access';
import { renewAuskunft } from '$lib/server/auskunft/renew';
import { auskunftJson } from '$lib/server/auskunft/present';
import type { RequestHandler } from './$types';

/**
 * POST → the own Auskunft checked again against the current layer versions and operators: a new
 * validity of the same number, a new document version, and `diff` against the validity it replaced.
 * Another org's id is 404. Counts against the same hourly limit as new Auskünfte (it is one).
 */
export const POST: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const requester = requireRequester(locals);
	const limit = { max: config.auskunftMaxPerHour, windowSeconds: 3600 };
	const wait = await retryAfter(sql, 'auskunft-user', requester.userId, limit);
	if (wait > 0) throw new RateLimitedError(wait, `Zu viele Auskünfte in kurzer Zeit (höchstens ${limit.max} je Stunde). Bitte in ${Math.ceil(wait / 60)} Minute(n) erneut versuchen.`);
	const outcome = await renewAuskunft(requester, params.id, url.origin);
	if (outcome.status === 'not_found') notFound('Auskunft');
	await recordEvent(sql, 'auskunft-user', requester.userId, limit);
	return json({ ...(await auskunftJson(sql, outcome.auskunft, url.origin)), diff: outcome.diff });
});
