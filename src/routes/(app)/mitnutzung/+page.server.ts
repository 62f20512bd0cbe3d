import { sql } from '$lib/server/db';
import { requireOrg } from '$lib/server/auth/guard';
import { requirePlanner } from '$lib/server/mitnutzung/access';
import { listChecks } from '$lib/server/mitnutzung/repo';
import type { PageServerLoad } from './$types';

const PAGE = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { org } = requireOrg(locals);
	// an unverified organisation sees why there is nothing yet instead of a 403
	if (!org.verified) return { verified: false, items: [], page: 1, pages: 1, total: 0 };
	const requester = requirePlanner(locals);
	const page = Math.max(0, Number(url.searchParams.get('seite') ?? 1) - 1 || 0);
	const { items, total } = await listChecks(sql, requester.orgId, PAGE, page * PAGE);
	return {
		verified: true,
		items: items.map((c) => ({
			id: c.id,
			number: c.number,
			title: c.title,
			createdAt: c.createdAt,
			routeLengthM: c.routeLengthM,
			corridorM: c.corridorM,
			coveredLengthM: c.coveredLengthM,
			percent: c.result.coverage.percent,
			operators: [...new Set(c.result.ducts.map((d) => d.operator.name))],
			coLaying: c.result.coLaying.length
		})),
		page: page + 1,
		pages: Math.max(1, Math.ceil(total / PAGE)),
		total
	};
};
