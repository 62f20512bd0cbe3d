import { redirect } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { notFound, requireOrg } from '$lib/server/auth/guard';
import { findNotification, markRead } from '$lib/server/notifications/repo';
import { safeAppPath } from '$lib/server/notifications/present';
import type { RequestHandler } from './$types';

/**
 * GET → opens the notification's subject and marks it read on the way, as a mail client does — a
 * plain link, so it works without JavaScript and opens in a new tab. Only app paths are followed.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const { org } = requireOrg(locals);
	const n = await findNotification(sql, org.id, params.id);
	if (!n) notFound('Benachrichtigung');
	if (!n.readAt) await markRead(sql, org.id, [n.id], now());
	redirect(303, safeAppPath(n.link) ?? '/benachrichtigungen');
};
