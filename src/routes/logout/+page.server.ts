import { redirect } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { appendAudit } from '$lib/server/audit/repo';
import { clientInfo, endBrowserSession } from '$lib/server/auth/browser';
import type { Actions, PageServerLoad } from './$types';

// GET /logout only explains; logging out is a POST, so a link on another site cannot do it.
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
};

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		if (locals.user && locals.session) {
			await sql.begin((tx) =>
				appendAudit(tx, {
					action: 'logout',
					actorUser: locals.user!.id,
					actorOrg: locals.org?.id ?? null,
					personal: clientInfo(event)
				})
			);
		}
		await endBrowserSession(event);
		redirect(303, '/login?abgemeldet');
	}
};
