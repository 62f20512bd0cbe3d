import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { sql } from '$lib/server/db';
import { endpoint } from '$lib/server/http/api';
import { notFound, requireOrg } from '$lib/server/auth/guard';
import { findWebhook, listDeliveries } from '$lib/server/webhooks/repo';
import { deliveryJson, paging } from '$lib/server/webhooks/present';

/** GET → the delivery log, newest first, paged (?limit=20&offset=0); every member may read it. */
export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const { org } = requireOrg(locals);
	const webhook = await findWebhook(sql, org.id, params.id);
	if (!webhook) notFound('Webhook');
	const { limit, offset } = paging(url);
	const page = await listDeliveries(sql, webhook.id, limit, offset);
	const next = offset + limit < page.total ? `${url.origin}${url.pathname}?limit=${limit}&offset=${offset + limit}` : null;
	return json({ items: page.items.map(deliveryJson), total: page.total, limit, offset, next });
});
