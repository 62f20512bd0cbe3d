import { env } from '$env/dynamic/private';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { requireOrg } from '$lib/server/auth/guard';
import { berlinDate } from '$lib/server/auskunft/rules';
import { filterOptions, listCalendarItems } from '$lib/server/kalender/query';
import { holidaysBetween } from '$lib/server/kalender/holidays';
import { OFFLINE_STYLE_URL } from '$lib/map/defaults';
import { LIST_LIMIT, parseParams, toCalendarFilter, viewWindow } from '$lib/kalender/filters';
import type { CalendarItem } from '$lib/kalender/types';
import type { PageServerLoad } from './$types';

/** What the page gets of an item: the footprint only for the map, which is the only view drawing it. */
export type PageItem = Omit<CalendarItem, 'footprint'> & { footprint: CalendarItem['footprint'] | null };

// Every organisation member may look: unverified ones see their own and the public Baustellen only
// (the query's visibility rule), which is what the public atlas shows anyway.
export const load: PageServerLoad = async ({ locals, url }) => {
	const { org } = requireOrg(locals);
	const viewer = { orgId: org.id, isPlatform: org.roles.includes('plattform') && org.verified };
	const today = berlinDate(now());
	const { params, problems } = parseParams(url.searchParams);
	const window = viewWindow(params, today);
	const [found, options] = await Promise.all([listCalendarItems(sql, viewer, toCalendarFilter(params, window)), filterOptions(sql, viewer)]);
	const items: PageItem[] = found.slice(0, LIST_LIMIT).map((i) => (params.view === 'karte' ? i : { ...i, footprint: null }));
	const calendar = params.view === 'monat' || params.view === 'woche';
	return {
		params,
		problems,
		today,
		window,
		items,
		truncated: found.length > LIST_LIMIT,
		options,
		holidays: calendar ? holidaysBetween(window.from, window.to ?? window.from) : {},
		basemapStyleUrl: params.view === 'karte' ? env.BASEMAP_STYLE_URL || OFFLINE_STYLE_URL : null
	};
};
