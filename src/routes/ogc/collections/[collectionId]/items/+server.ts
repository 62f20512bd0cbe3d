/**
 * GET /ogc/collections/baustellen/items?bbox=&datetime=&limit=&offset= — one page of public Baustellen
 * as GeoJSON with numberMatched/numberReturned and next/prev links. Bad parameters → OGC 400.
 */
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { COLLECTION_ID, GEOJSON_CONTENT_TYPE, itemsPage, ogcError, ogcJson, parseItemsQuery } from '$lib/server/atlas/ogc';
import { queryPublic } from '$lib/server/atlas/query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	if (params.collectionId !== COLLECTION_ID) return ogcError(404, 'NotFound', `Die Sammlung „${params.collectionId}“ gibt es nicht; es gibt nur „${COLLECTION_ID}“.`);
	const query = parseItemsQuery(url.searchParams);
	if ('code' in query) return ogcError(400, query.code, query.description);
	const { items, total } = await queryPublic(
		sql,
		{ bbox: query.bbox, from: query.datetime?.from ?? null, to: query.datetime?.to ?? null },
		{ limit: query.limit, offset: query.offset }
	);
	return ogcJson(itemsPage(url.origin, url.searchParams, query, items, total, now()), GEOJSON_CONTENT_TYPE);
};
