/**
 * The offline basemap style (Mapbox GL v8) over the app's own street data. Public: it holds streets
 * only, never network data. The production basemap (BASEMAP_STYLE_URL, e.g. basemap.de) replaces it.
 */
import { json } from '@sveltejs/kit';
import { basemapStyle } from '$lib/map/basemap-style';
import { DEFAULT_ZOOM, HALLE_MARKTPLATZ, STREETS_URL } from '$lib/map/defaults';
import type { RequestHandler } from './$types';

const style = basemapStyle({ streetsUrl: STREETS_URL, center: HALLE_MARKTPLATZ, zoom: DEFAULT_ZOOM });

export const GET: RequestHandler = () =>
	json(style, { headers: { 'cache-control': 'public, max-age=3600' } });
