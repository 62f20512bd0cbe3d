import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { requireRole } from '$lib/server/auth/guard';
import { berlinDate } from '$lib/server/auskunft/rules';
import { inbox, parseInboxFilter } from '$lib/server/koordination/inbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { org } = requireRole(locals, 'kommune');
	const filter = parseInboxFilter(url.searchParams);
	return { filter, inbox: await inbox(sql, org.id, berlinDate(now()), filter) };
};
