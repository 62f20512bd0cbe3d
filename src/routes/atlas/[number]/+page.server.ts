import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { sql } from '$lib/server/db';
import { findPublicByNumber } from '$lib/server/atlas/query';
import { OFFLINE_STYLE_URL } from '$lib/map/defaults';
import type { PageServerLoad } from './$types';

// Public: one Baustelle's public projection; private (public = false) and storniert ones are 404.
export const load: PageServerLoad = async ({ params, url }) => {
	const baustelle = await findPublicByNumber(sql, params.number.trim().toUpperCase());
	if (!baustelle) {
		error(404, { code: 'not_found', message: `Eine öffentliche Baustelle mit der Nummer ${params.number} gibt es nicht (mehr). Der Baustellenatlas zeigt alle aktuellen.` });
	}
	const street = baustelle.streets[0];
	return {
		baustelle,
		// the calendar of this street, from this Baustelle's start: a neighbour may subscribe to it
		streetIcal: street ? `${url.origin}/kalender.ics?${new URLSearchParams({ street, from: baustelle.start }).toString()}` : null,
		basemapStyleUrl: env.BASEMAP_STYLE_URL || OFFLINE_STYLE_URL
	};
};
