import { fail } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { requireOrgAdmin, requireRole, requireVerifiedOrg } from '$lib/server/auth/guard';
import { appendAudit } from '$lib/server/audit/repo';
import { getAuthoritySettings, parseAuthoritySettings, saveAuthoritySettings } from '$lib/server/baustellen/settings';
import { postedValues, settingsInput, settingsView, withoutDefaults } from '$lib/server/koordination/einstellungen';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { org } = requireRole(locals, 'kommune');
	return {
		settings: settingsView(await getAuthoritySettings(sql, org.id)),
		// members see the settings; only the org's admins change them
		canEdit: org.membershipRole === 'admin' && org.verified
	};
};

export const actions: Actions = {
	save: async ({ locals, request }) => {
		const { user, org } = requireRole(locals, 'kommune');
		requireVerifiedOrg(locals);
		requireOrgAdmin(locals);
		const form = await request.formData();
		const parsed = parseAuthoritySettings(settingsInput(form, await getAuthoritySettings(sql, org.id)));
		if (!parsed.ok) return fail(400, { values: postedValues(form), problems: parsed.problems });
		const settings = withoutDefaults(parsed.value);
		await sql.begin(async (tx) => {
			await saveAuthoritySettings(tx, org.id, settings);
			await appendAudit(tx, {
				action: 'koordination.settings_saved',
				actorUser: user.id,
				actorOrg: org.id,
				data: { conflictDistanceM: settings.conflictDistanceM, frostMonths: settings.frostMonths, moratoriumYears: settings.moratoriumYears, colayingMonths: settings.colayingMonths }
			});
		});
		return { saved: true };
	}
};
