import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { requireOrg, notFound } from '$lib/server/auth/guard';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/api';
import { findOrgById, listMembers } from '$lib/server/accounts/repo';

/** GET → the caller's own organisation with its members; any other id is 404 (even when it exists). */
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const { org: own } = requireOrg(locals);
	if (params.id !== own.id) notFound('Organisation');
	const org = await findOrgById(sql, own.id);
	if (!org) notFound('Organisation');
	const members = (await listMembers(sql, org.id)).filter((m) => m.status === 'active');
	return json({
		id: org.id,
		name: org.name,
		roles: org.roles,
		verified: org.verifiedAt !== null,
		verifiedAt: org.verifiedAt,
		members: members.map((m) => ({ id: m.userId, name: m.name, role: m.role }))
	});
});
