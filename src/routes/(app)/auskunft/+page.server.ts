import { sql } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { listAuskuenfte } from '$lib/server/auskunft/repo';
import { operatorResults } from '$lib/server/auskunft/repo';
import { auskunftStatus, berlinDate } from '$lib/server/auskunft/rules';
import { now } from '$lib/server/clock';
import type { PageServerLoad } from './$types';

const PAGE = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { org } = requireRole(locals, 'bauunternehmen', 'planungsbuero', 'netzbetreiber', 'kommune');
	const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
	const page = Math.max(0, Number(url.searchParams.get('seite') ?? 1) - 1 || 0);
	// the org's history is small enough to filter here; a full-text index comes when it is not
	const all = await listAuskuenfte(sql, org.id, 2000, 0);
	const filtered = q
		? all.items.filter((a) => [a.number, a.reference ?? '', a.description, a.site.strasse, a.site.hausnummer].join(' ').toLowerCase().includes(q))
		: all.items;
	const today = berlinDate(now());
	const items = await Promise.all(
		filtered.slice(page * PAGE, page * PAGE + PAGE).map(async (a) => {
			const ops = await operatorResults(sql, a.id);
			return {
				id: a.id,
				number: a.number,
				type: a.type,
				createdAt: a.createdAt,
				reference: a.reference,
				description: a.description,
				place: [a.site.strasse, a.site.hausnummer].filter(Boolean).join(' '),
				validUntil: a.validUntil,
				status: auskunftStatus(ops.map((o) => o.status), a.validUntil, today),
				betroffen: ops.filter((o) => o.status === 'betroffen').length,
				operators: ops.length
			};
		})
	);
	return { verified: org.verified, items, q, page: page + 1, pages: Math.max(1, Math.ceil(filtered.length / PAGE)), total: filtered.length };
};
