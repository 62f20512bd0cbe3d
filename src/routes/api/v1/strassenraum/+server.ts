import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { config } from '$lib/server/config';
import { endpoint, apiErrorResponse, RateLimitedError } from '$lib/server/http/api';
import { recordEvent, retryAfter } from '$lib/server/auth/rate-limit';
import { requireOrg, requireVerifiedOrg } from '$lib/server/auth/guard';
import { parseSectionQuery } from '$lib/server/strassenraum/input';
import { crossSection } from '$lib/server/strassenraum/service';
import type { RequestHandler } from './$types';

/**
 * GET → the cross-section of the street at a point: lines with offset from the axis and depth, from the
 * caller's own network and its valid Auskünfte only; operators without an answer named. Verified orgs.
 */
export const GET: RequestHandler = endpoint(async ({ locals, url }) => {
	const { user, org } = requireOrg(locals);
	requireVerifiedOrg(locals);
	const limit = { max: config.strassenraumMaxPerHour, windowSeconds: 3600 };
	const wait = await retryAfter(sql, 'strassenraum-user', user.id, limit);
	if (wait > 0) throw new RateLimitedError(wait, `Zu viele Querschnitte in kurzer Zeit (höchstens ${limit.max} je Stunde). Bitte in ${Math.ceil(wait / 60)} Minute(n) erneut versuchen.`);
	const parsed = parseSectionQuery(url.searchParams);
	if ('problems' in parsed) return apiErrorResponse(400, parsed.code, parsed.problems[0]!.message, parsed.problems);
	const outcome = await crossSection({ userId: user.id, orgId: org.id, orgName: org.name }, parsed.query);
	if (!outcome.ok) return apiErrorResponse(outcome.status, outcome.code, outcome.message, [{ field: outcome.field, message: outcome.message }]);
	await recordEvent(sql, 'strassenraum-user', user.id, limit);
	return json(outcome.value, { headers: { 'cache-control': 'private, no-store' } });
});
