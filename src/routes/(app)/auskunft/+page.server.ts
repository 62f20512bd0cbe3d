import { requireRole } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	requireRole(locals, 'bauunternehmen', 'planungsbuero', 'netzbetreiber', 'kommune');
};
