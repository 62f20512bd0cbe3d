/**
 * @module baustellen/access
 * Who may register Baustellen (members of verified organisations that dig or decide) and who may see
 * one in full (owner, its authorities, the platform admin — everyone else gets 404, like Auskünfte).
 */
import { requireRole, requireVerifiedOrg } from '../auth/guard';
import type { Db } from '../db';
import type { Actor } from './service';
import * as repo from './repo';

export function requireActor(locals: App.Locals): Actor & { isPlatform: boolean } {
	const { user, org } = requireRole(locals, 'bauunternehmen', 'planungsbuero', 'netzbetreiber', 'kommune', 'plattform');
	requireVerifiedOrg(locals);
	return { userId: user.id, orgId: org.id, orgName: org.name, isPlatform: org.roles.includes('plattform') };
}

export interface Viewing {
	baustelle: repo.BaustelleRow;
	owner: boolean;
	authority: boolean;
}

/** The Baustelle if the actor may see it in full, else null (the caller answers 404). */
export async function viewable(db: Db, actor: { orgId: string; isPlatform: boolean }, id: string): Promise<Viewing | null> {
	const b = await repo.getBaustelle(db, id);
	if (!b) return null;
	const rel = await repo.relation(db, b, actor.orgId);
	if (!rel.owner && !rel.authority && !actor.isPlatform) return null;
	return { baustelle: b, ...rel };
}
