import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { endpoint } from '$lib/server/http/api';
import { requireOrg } from '$lib/server/auth/guard';
import { listNotifications } from '$lib/server/notifications/repo';
import { notificationJson } from '$lib/server/notifications/present';
import { paging } from '$lib/server/webhooks/present';

/** GET → the own org's inbox, newest first, paged (?limit=20&offset=0), with the unread count. */
export const GET = endpoint(async ({ locals, url }) => {
	const { org } = requireOrg(locals);
	const { limit, offset } = paging(url);
	const page = await listNotifications(sql, org.id, limit, offset);
	const next = offset + limit < page.total ? `${url.origin}${url.pathname}?limit=${limit}&offset=${offset + limit}` : null;
	return json({ items: page.items.map((n) => notificationJson(n, url.origin)), total: page.total, unread: page.unread, limit, offset, next });
});
