/**
 * GET /kalender.ics?bbox=&street=&from=&to= — the public Baustellen as an iCalendar feed (RFC 5545) to
 * subscribe to. Storniert ones stay in with STATUS:CANCELLED, so subscribed calendars drop them.
 * Public, no login; only the public projection (atlas/query.ts).
 */
import { sql } from '$lib/server/db';
import { apiErrorResponse } from '$lib/server/http/api';
import { parseAtlasFilter } from '$lib/server/atlas/filter';
import { buildCalendar } from '$lib/server/atlas/ical';
import { queryPublic } from '$lib/server/atlas/query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const { filter, problems } = parseAtlasFilter(url.searchParams);
	if (problems.length) {
		return apiErrorResponse(400, 'validation', `Der Kalender-Filter ist ungültig: ${problems.map((p) => p.message).join(' ')}`, problems);
	}
	const { items } = await queryPublic(sql, { ...filter, includeCancelled: true });
	return new Response(buildCalendar(items, url.origin), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="baustellen.ics"',
			'cache-control': 'public, max-age=300'
		}
	});
};
