import { fail } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { requireRole, requireVerifiedOrg } from '$lib/server/auth/guard';
import { deleteToeb, insertToeb, listToeb, validateToeb } from '$lib/server/toeb/repo';
import { appendAudit } from '$lib/server/audit/repo';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { org } = requireRole(locals, 'kommune');
	return { toeb: await listToeb(sql, org.id) };
};

function kommune(locals: App.Locals) {
	const { user, org } = requireRole(locals, 'kommune');
	requireVerifiedOrg(locals);
	return { userId: user.id, orgId: org.id };
}

export const actions: Actions = {
	addToeb: async ({ locals, request }) => {
		const actor = kommune(locals);
		const form = await request.formData();
		const values = { name: String(form.get('name') ?? ''), networks: String(form.get('networks') ?? ''), contact: String(form.get('contact') ?? '') };
		const errors = validateToeb(values);
		if (Object.keys(errors).length) return fail(400, { values, errors });
		await sql.begin(async (tx) => {
			const id = await insertToeb(tx, actor.orgId, {
				name: values.name.trim(),
				networks: values.networks.split(',').map((n) => n.trim()).filter(Boolean),
				contact: values.contact.trim()
			});
			await appendAudit(tx, { action: 'toeb.added', actorUser: actor.userId, actorOrg: actor.orgId, subject: id });
		});
		return { message: 'Betreiber in die Liste aufgenommen.' };
	},
	deleteToeb: async ({ locals, request }) => {
		const actor = kommune(locals);
		const id = String((await request.formData()).get('id') ?? '');
		const done = await sql.begin(async (tx) => {
			const ok = await deleteToeb(tx, actor.orgId, id);
			if (ok) await appendAudit(tx, { action: 'toeb.removed', actorUser: actor.userId, actorOrg: actor.orgId, subject: id });
			return ok;
		});
		if (!done) return fail(404, { message: 'Eintrag nicht gefunden.' });
		return { message: 'Eintrag entfernt.' };
	}
};
