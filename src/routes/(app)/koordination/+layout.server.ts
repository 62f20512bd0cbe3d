import { sql } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

// Navigation convenience only: every page load and action below checks again.
export const load: LayoutServerLoad = async ({ locals }) => {
	const { org } = requireRole(locals, 'kommune');
	// proposals after an accepted surface wait for the authority: shown beside the sub-navigation
	const [row] = await sql<{ n: number }[]>`select count(*)::int as n from moratoria where authority_org_id = ${org.id} and status = 'vorgeschlagen'`;
	return { proposedMoratoria: row?.n ?? 0 };
};
