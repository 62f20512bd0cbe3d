/**
 * @module map/defaults
 * Where the map opens: Halle (Saale), Marktplatz — the centre of the demo data.
 */

/** [lon, lat] of the Marktplatz in Halle (Saale) */
export const HALLE_MARKTPLATZ: [number, number] = [11.9697, 51.4826];
export const DEFAULT_ZOOM = 17;
/** the offline basemap, served by the app itself (routes/karte) */
export const OFFLINE_STYLE_URL = '/karte/style.json';
export const STREETS_URL = '/karte/strassen.geojson';
