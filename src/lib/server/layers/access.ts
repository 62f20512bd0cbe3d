/**
 * @module layers/access
 * Guards for layer routes: operators (verified netzbetreiber orgs) reach their own layers only; any
 * other layer id is 404, whether it exists or not.
 */
import { requireRole, requireVerifiedOrg, notFound } from '../auth/guard';
import { sql } from '../db';
import { findLayer, type Layer } from './repo';
import type { Actor } from './service';

export function requireOperator(locals: App.Locals): Actor {
	const { user, org } = requireRole(locals, 'netzbetreiber');
	requireVerifiedOrg(locals);
	return { userId: user.id, orgId: org.id };
}

export async function requireOwnLayer(locals: App.Locals, id: string): Promise<{ actor: Actor; layer: Layer }> {
	const actor = requireOperator(locals);
	const layer = await findLayer(sql, id);
	if (!layer || layer.orgId !== actor.orgId) notFound('Layer');
	return { actor, layer };
}
