/** GET /ogc — the landing page of the OGC API – Features (public Baustellen). */
import { landingPage, ogcJson } from '$lib/server/atlas/ogc';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => ogcJson(landingPage(url.origin));
