import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { config } from '$lib/server/config';
import { now } from '$lib/server/clock';
import { endpoint, readJson, apiErrorResponse, RateLimitedError } from '$lib/server/http/api';
import { recordEvent, retryAfter } from '$lib/server/auth/rate-limit';
import { requireRequester } from '$lib/server/auskunft/access';
import { parseAuskunftInput } from '$lib/server/auskunft/input';
import { createAuskunft } from '$lib/server/auskunft/service';
import { auskunftJson } from '$lib/server/auskunft/present';
import { listAuskuenfte } from '$lib/server/auskunft/repo';
import { berlinDate } from '$lib/server/auskunft/rules';

/** POST → 201 a new Leitungsauskunft (see the v1 contract); `Idempotency-Key` makes a retry safe. */
export const POST = endpoint(async ({ locals, request, url }) => {
	const requester = requireRequester(locals);
	const limit = { max: config.auskunftMaxPerHour, windowSeconds: 3600 };
	const wait = await retryAfter(sql, 'auskunft-user', requester.userId, limit);
	if (wait > 0) throw new RateLimitedError(wait, `Zu viele Auskünfte in kurzer Zeit (höchstens ${limit.max} je Stunde). Bitte in ${Math.ceil(wait / 60)} Minute(n) erneut versuchen.`);

	const parsed = parseAuskunftInput(await readJson(request), berlinDate(now()));
	if ('problems' in parsed) return apiErrorResponse(422, 'validation', 'Die Anfrage ist unvollständig oder fehlerhaft.', parsed.problems);
	const key = request.headers.get('idempotency-key')?.trim().slice(0, 200) || null;
	const outcome = await createAuskunft(requester, parsed.input, { idempotencyKey: key, origin: url.origin });
	if (outcome.status === 'invalid') return apiErrorResponse(422, outcome.code, outcome.message, outcome.problems);
	if (!outcome.replayed) await recordEvent(sql, 'auskunft-user', requester.userId, limit);
	return json(await auskunftJson(sql, outcome.auskunft, url.origin), { status: 201 });
});

/** GET → the org's own Auskünfte, newest first, paged (?limit=20&offset=0). */
export const GET = endpoint(async ({ locals, url }) => {
	const requester = requireRequester(locals);
	const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 20) || 20));
	const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
	const page = await listAuskuenfte(sql, requester.orgId, limit, offset);
	const items = await Promise.all(page.items.map((a) => auskunftJson(sql, a, url.origin)));
	const next = offset + limit < page.total ? `${url.origin}/api/v1/auskuenfte?limit=${limit}&offset=${offset + limit}` : null;
	return json({ items, total: page.total, limit, offset, next });
});
