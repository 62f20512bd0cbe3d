/**
 * GET /atlas/baustellen.geojson?bbox=&street=&from=&to= — the public Baustellen (not storniert) as a
 * GeoJSON download (EPSG:4326), footprints with the public properties. Public, no login.
 */
import { sql } from '$lib/server/db';
import { apiErrorResponse } from '$lib/server/http/api';
import { parseAtlasFilter } from '$lib/server/atlas/filter';
import { publicFeatureCollection } from '$lib/server/atlas/geojson';
import { queryPublic } from '$lib/server/atlas/query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const { filter, problems } = parseAtlasFilter(url.searchParams);
	if (problems.length) {
		return apiErrorResponse(400, 'validation', `Der Filter ist ungültig: ${problems.map((p) => p.message).join(' ')}`, problems);
	}
	const { items } = await queryPublic(sql, filter);
	return new Response(JSON.stringify(publicFeatureCollection(items, url.origin)), {
		headers: {
			'content-type': 'application/geo+json',
			'content-disposition': 'attachment; filename="baustellen.geojson"',
			'cache-control': 'public, max-age=60'
		}
	});
};
