import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { requirePlatformAdmin, notFound } from '$lib/server/auth/guard';
import type { RequestHandler } from './$types';
import { endpoint } from '$lib/server/http/api';
import { findOrgById } from '$lib/server/accounts/repo';
import { verifyOrg } from '$lib/server/accounts/service';

/** POST → platform admin verifies an organisation (idempotent: verifying twice is fine). */
export const POST: RequestHandler = endpoint(async ({ locals, params }) => {
	const { user, org: adminOrg } = requirePlatformAdmin(locals);
	const org = await findOrgById(sql, params.id);
	if (!org) notFound('Organisation');
	if (!org.verifiedAt) await verifyOrg(org.id, { userId: user.id, orgId: adminOrg.id });
	const after = await findOrgById(sql, org.id);
	return json({ id: org.id, name: org.name, verified: true, verifiedAt: after?.verifiedAt });
});
