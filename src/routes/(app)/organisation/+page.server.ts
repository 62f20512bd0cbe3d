import { fail } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { requireOrg, requireOrgAdmin } from '$lib/server/auth/guard';
import { listMembers } from '$lib/server/accounts/repo';
import { approveMember, changeMemberRole, removeMember } from '$lib/server/accounts/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { org, user } = requireOrg(locals);
	const members = await listMembers(sql, org.id);
	// members see who is in their org; e-mails of others only for admins, who manage them
	const isAdmin = org.membershipRole === 'admin';
	return {
		ownOrg: org,
		isAdmin,
		selfId: user.id,
		members: members
			.filter((m) => isAdmin || m.status === 'active')
			.map((m) => ({ ...m, email: isAdmin || m.userId === user.id ? m.email : null }))
	};
};

async function target(request: Request): Promise<{ userId: string; form: FormData }> {
	const form = await request.formData();
	return { userId: String(form.get('userId') ?? ''), form };
}

export const actions: Actions = {
	approve: async ({ locals, request }) => {
		const { user, org } = requireOrgAdmin(locals);
		const { userId } = await target(request);
		if (!(await approveMember({ orgId: org.id, actorUserId: user.id, userId }))) {
			return fail(404, { message: 'Beitrittsanfrage nicht gefunden.' });
		}
		return { message: 'Beitritt bestätigt.' };
	},
	role: async ({ locals, request }) => {
		const { user, org } = requireOrgAdmin(locals);
		const { userId, form } = await target(request);
		const role = form.get('role') === 'admin' ? 'admin' : 'member';
		const refused = await changeMemberRole({ orgId: org.id, actorUserId: user.id, userId, role });
		if (refused) return fail(400, { message: refused });
		return { message: 'Rolle geändert.' };
	},
	remove: async ({ locals, request }) => {
		const { user, org } = requireOrgAdmin(locals);
		const { userId } = await target(request);
		const refused = await removeMember({ orgId: org.id, actorUserId: user.id, userId });
		if (refused) return fail(400, { message: refused });
		return { message: 'Mitglied entfernt.' };
	}
};
