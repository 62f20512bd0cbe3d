import { error } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { requireOrg } from '$lib/server/auth/guard';
import { berlinDate } from '$lib/server/auskunft/rules';
import { streetHistory } from '$lib/server/kalender/query';
import { displayName, historyWindow, streetSummary } from '$lib/kalender/history';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { org } = requireOrg(locals);
	const requested = params.name.trim();
	if (!requested || requested.length > 120) error(404, { code: 'not_found', message: 'Straße nicht gefunden. Bitte den Straßennamen prüfen.' });
	const viewer = { orgId: org.id, isPlatform: org.roles.includes('plattform') && org.verified };
	const today = berlinDate(now());
	const { items, moratoria } = await streetHistory(sql, viewer, requested);
	const summary = streetSummary(items, moratoria, today);
	return {
		name: displayName(items, requested),
		today,
		// newest first in the table; the timeline orders itself
		items: items.map((i) => ({ ...i, footprint: null })),
		moratoria,
		sentence: summary.sentence,
		window: historyWindow(items, moratoria, today)
	};
};
