import { redirect } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { countUnread } from '$lib/server/notifications/repo';
import type { LayoutServerLoad } from './$types';

// Navigation convenience only: every load, action and endpoint below checks again (guard.ts).
export const load: LayoutServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	// the navigation's badge; per org (the inbox is the org's shared desk)
	return { unreadNotifications: locals.org ? await countUnread(sql, locals.org.id) : 0 };
};
