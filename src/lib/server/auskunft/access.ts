/**
 * @module auskunft/access
 * Who may request line data: members of verified organisations with a requesting role.
 */
import { requireRole, requireVerifiedOrg } from '../auth/guard';
import type { Requester } from './service';

export function requireRequester(locals: App.Locals): Requester {
	const { user, org } = requireRole(locals, 'bauunternehmen', 'planungsbuero', 'netzbetreiber', 'kommune');
	requireVerifiedOrg(locals);
	return { userId: user.id, orgId: org.id, orgName: org.name, verified: org.verified };
}
