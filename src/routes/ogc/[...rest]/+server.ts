/** Any other path under /ogc: an OGC-style 404 instead of the HTML error page, for API clients. */
import { ogcError } from '$lib/server/atlas/ogc';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	ogcError(404, 'NotFound', `Den Pfad ${url.pathname} gibt es nicht. Einstieg: /ogc, Daten: /ogc/collections/baustellen/items.`);
