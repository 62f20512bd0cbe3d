import { env } from '$env/dynamic/private';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { berlinDate } from '$lib/server/auskunft/rules';
import { parseAtlasFilter } from '$lib/server/atlas/filter';
import { queryPublic } from '$lib/server/atlas/query';
import { endOfMonth } from '$lib/kalender/calendar';
import { OFFLINE_STYLE_URL } from '$lib/map/defaults';
import { feedLinks } from './links';
import type { PageServerLoad } from './$types';

/** the list shows at most this many; the feeds have them all */
const LIST_LIMIT = 300;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

// Public: no login, only the public projection (atlas/query.ts). Filters arrive as GET parameters, so
// the page works the same without JavaScript.
export const load: PageServerLoad = async ({ url }) => {
	const today = berlinDate(now());
	const params = new URLSearchParams(url.searchParams);
	// without any "from", the atlas shows what runs now and what comes; an emptied field shows everything
	if (!params.has('from')) params.set('from', today);
	const { filter, problems } = parseAtlasFilter(params);
	const values = { from: params.get('from') ?? '', to: params.get('to') ?? '', street: params.get('street') ?? '', bbox: params.get('bbox') ?? '' };

	const monthParam = url.searchParams.get('monat') ?? '';
	const month = MONTH.test(monthParam) ? monthParam : (filter.from ?? today).slice(0, 7);
	const monthStart = `${month}-01`;

	const [list, calendar] = await Promise.all([
		queryPublic(sql, filter, { limit: LIST_LIMIT, offset: 0 }),
		// the month shows all of its days, whatever the from/to of the list
		queryPublic(sql, { bbox: filter.bbox, street: filter.street, from: monthStart, to: endOfMonth(monthStart) })
	]);

	return {
		today,
		values,
		problems,
		items: list.items,
		total: list.total,
		listLimit: LIST_LIMIT,
		month,
		monthItems: calendar.items.map(({ id, number, title, start, end, status, streets, promoter, period }) => ({
			id,
			number,
			title,
			start,
			end,
			status,
			streets,
			promoter,
			confirmed: period.confirmed
		})),
		feeds: feedLinks(url.origin, values),
		basemapStyleUrl: env.BASEMAP_STYLE_URL || OFFLINE_STYLE_URL
	};
};
