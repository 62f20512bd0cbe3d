/**
 * @module mitnutzung/access
 * Who may check a route: members of verified organisations of any role (a Breitband planner may sit at
 * a Stadt, a Stadtwerk or a planning office). Unverified ones are refused like for Auskünfte: what ducts
 * lie where is information about critical infrastructure.
 */
import { requireOrg, requireVerifiedOrg } from '../auth/guard';
import type { Requester } from './service';

export function requirePlanner(locals: App.Locals): Requester {
	const { user, org } = requireOrg(locals);
	requireVerifiedOrg(locals);
	return { userId: user.id, orgId: org.id, orgName: org.name };
}
