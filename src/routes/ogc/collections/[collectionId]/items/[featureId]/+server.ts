/** GET /ogc/collections/baustellen/items/{id} — one public Baustelle; unknown, private or storniert → OGC 404. */
import { sql } from '$lib/server/db';
import { COLLECTION_ID, GEOJSON_CONTENT_TYPE, itemDocument, ogcError, ogcJson } from '$lib/server/atlas/ogc';
import { findPublicById } from '$lib/server/atlas/query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	if (params.collectionId !== COLLECTION_ID) return ogcError(404, 'NotFound', `Die Sammlung „${params.collectionId}“ gibt es nicht; es gibt nur „${COLLECTION_ID}“.`);
	const b = await findPublicById(sql, params.featureId);
	if (!b) return ogcError(404, 'NotFound', `Eine öffentliche Baustelle mit der Kennung „${params.featureId}“ gibt es nicht.`);
	return ogcJson(itemDocument(url.origin, b), GEOJSON_CONTENT_TYPE);
};
