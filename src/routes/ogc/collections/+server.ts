/** GET /ogc/collections — the one collection, `baustellen`, with its extent from the data. */
import { sql } from '$lib/server/db';
import { collections, ogcJson } from '$lib/server/atlas/ogc';
import { publicExtent } from '$lib/server/atlas/query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => ogcJson(collections(url.origin, await publicExtent(sql)));
