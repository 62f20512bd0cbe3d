/**
 * GET /api/v1/baustellen.wzdx.json — the public Baustellen (not storniert, not abgenommen) as a WZDx 4.2
 * Work Zone Feed. Public, no login; only the public projection (atlas/query.ts).
 */
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { endpoint } from '$lib/server/http/api';
import { queryPublic } from '$lib/server/atlas/query';
import { buildWzdxFeed, WZDX_EXCLUDED } from '$lib/server/atlas/wzdx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async () => {
	const { items } = await queryPublic(sql, { excludeStatuses: [...WZDX_EXCLUDED] });
	return new Response(JSON.stringify(buildWzdxFeed(items, now())), {
		headers: { 'content-type': 'application/geo+json', 'cache-control': 'public, max-age=60' }
	});
});
