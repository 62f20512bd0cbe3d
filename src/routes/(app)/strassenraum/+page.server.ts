import { env } from '$env/dynamic/private';
import { OFFLINE_STYLE_URL } from '$lib/map/defaults';
import type { StrassenraumJson } from '$lib/strassenraum';
import { sql } from '$lib/server/db';
import { config } from '$lib/server/config';
import { requireOrg, requireVerifiedOrg } from '$lib/server/auth/guard';
import { recordEvent, retryAfter } from '$lib/server/auth/rate-limit';
import { parseSectionQuery } from '$lib/server/strassenraum/input';
import { crossSection } from '$lib/server/strassenraum/service';
import { asked, pageProblem, readValues, type Problem } from './query';
import type { PageServerLoad } from './$types';

/**
 * The cross-section page: a GET form (works without JavaScript), the same query and the same service as
 * GET /api/v1/strassenraum, with its rate limit and audit. Line data only for verified organisations.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { user, org } = requireOrg(locals);
	requireVerifiedOrg(locals);
	const values = readValues(url.searchParams);
	const basemapStyleUrl = env.BASEMAP_STYLE_URL || OFFLINE_STYLE_URL;
	const answer = (problems: Problem[], result: StrassenraumJson | null = null) => ({ values, problems, result, basemapStyleUrl });
	if (!asked(url.searchParams)) return answer([]);

	const parsed = parseSectionQuery(url.searchParams);
	if ('problems' in parsed) return answer(parsed.problems.map((p) => pageProblem(p, parsed.code, values)));
	// the same bucket as the API: one limit per person, however they ask
	const limit = { max: config.strassenraumMaxPerHour, windowSeconds: 3600 };
	const wait = await retryAfter(sql, 'strassenraum-user', user.id, limit);
	if (wait > 0) {
		return answer([{ field: 'form', message: `Zu viele Querschnitte in kurzer Zeit (höchstens ${limit.max} je Stunde). Bitte in ${Math.ceil(wait / 60)} Minute(n) erneut versuchen.` }]);
	}
	const outcome = await crossSection({ userId: user.id, orgId: org.id, orgName: org.name }, parsed.query);
	if (!outcome.ok) return answer([pageProblem({ field: outcome.field, message: outcome.message }, outcome.code, values)]);
	await recordEvent(sql, 'strassenraum-user', user.id, limit);
	return answer([], outcome.value);
};
