import { env } from '$env/dynamic/private';
import { sql } from '$lib/server/db';
import { notFound } from '$lib/server/auth/guard';
import { OFFLINE_STYLE_URL } from '$lib/map/defaults';
import { requirePlanner } from '$lib/server/mitnutzung/access';
import { findCheck } from '$lib/server/mitnutzung/repo';
import { mitnutzungJson } from '$lib/server/mitnutzung/present';
import { getBaustellenByIds } from '$lib/server/baustellen/repo';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const requester = requirePlanner(locals);
	const check = await findCheck(sql, requester.orgId, params.id);
	if (!check) notFound('Mitnutzungsprüfung');
	const result = mitnutzungJson(check, url.origin);
	// where each Baustelle can be opened today: the public atlas, the own organisation's page, or nowhere
	// (another organisation's that has since left the atlas)
	const rows = await getBaustellenByIds(sql, result.coLaying.map((c) => c.baustelle.id));
	const links: Record<string, string | null> = {};
	for (const c of result.coLaying) {
		const b = rows.find((r) => r.id === c.baustelle.id);
		links[c.baustelle.id] =
			b?.public && b.status !== 'storniert' ? `/atlas/${encodeURIComponent(b.number)}` : b?.orgId === requester.orgId ? `/baustellen/${b.id}` : null;
	}
	return { check: result, links, basemapStyleUrl: env.BASEMAP_STYLE_URL || OFFLINE_STYLE_URL };
};
