/** GET /ogc/collections/baustellen — the collection; any other id is an OGC 404. */
import { sql } from '$lib/server/db';
import { COLLECTION_ID, collectionInfo, ogcError, ogcJson } from '$lib/server/atlas/ogc';
import { publicExtent } from '$lib/server/atlas/query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	if (params.collectionId !== COLLECTION_ID) return ogcError(404, 'NotFound', `Die Sammlung „${params.collectionId}“ gibt es nicht; es gibt nur „${COLLECTION_ID}“.`);
	return ogcJson(collectionInfo(url.origin, await publicExtent(sql)));
};
