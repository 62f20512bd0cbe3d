import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { apiErrorResponse, endpoint } from '$lib/server/http/api';
import { requireOrg } from '$lib/server/auth/guard';
import { countUnread, markRead } from '$lib/server/notifications/repo';
import { readBody } from '$lib/server/webhooks/input';

/** POST { ids? } → marks these (none given: all) of the own org read; `{ marked, unread }`. */
export const POST = endpoint(async ({ locals, request }) => {
	const { org } = requireOrg(locals);
	const body = await readBody(request);
	let ids: string[] | null = null;
	if (body.ids !== undefined && body.ids !== '') {
		const list = typeof body.ids === 'string' ? body.ids.split(',').map((s) => s.trim()).filter(Boolean) : body.ids;
		if (!Array.isArray(list) || list.some((id) => typeof id !== 'string')) {
			return apiErrorResponse(422, 'validation', 'Bitte „ids“ als Liste von Kennungen angeben – oder weglassen, um alle als gelesen zu markieren.', [
				{ field: 'ids', message: 'Liste von Kennungen erwartet.' }
			]);
		}
		ids = list as string[];
	}
	const marked = await markRead(sql, org.id, ids, now());
	return json({ marked, unread: await countUnread(sql, org.id) });
});
