/** GET /ogc/conformance — only the classes implemented: Part 1 core and GeoJSON. */
import { conformance, ogcJson } from '$lib/server/atlas/ogc';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => ogcJson(conformance());
