import { fail } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { requirePlatformAdmin } from '$lib/server/auth/guard';
import { listOrgs } from '$lib/server/accounts/repo';
import { verifyOrg } from '$lib/server/accounts/service';
import { listAudit, verifyAuditChain } from '$lib/server/audit/repo';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requirePlatformAdmin(locals);
	const [orgs, audit] = await Promise.all([listOrgs(sql, 'all'), listAudit(sql, 50)]);
	return { orgs, audit };
};

export const actions: Actions = {
	verify: async ({ locals, request }) => {
		const { user, org } = requirePlatformAdmin(locals);
		const orgId = String((await request.formData()).get('orgId') ?? '');
		if (!(await verifyOrg(orgId, { userId: user.id, orgId: org.id }))) {
			return fail(404, { message: 'Organisation nicht gefunden oder schon verifiziert.' });
		}
		return { message: 'Organisation verifiziert. Ihre Mitglieder können jetzt Leitungsauskünfte anfordern.' };
	},
	checkChain: async ({ locals }) => {
		requirePlatformAdmin(locals);
		const result = await verifyAuditChain(sql);
		return {
			chain: result.ok
				? { ok: true, message: `Audit-Kette intakt: ${result.checked} Einträge geprüft.` }
				: { ok: false, message: `Audit-Kette gebrochen bei Eintrag Nr. ${result.break!.seq}: ${result.break!.reason}.` }
		};
	}
};
