/**
 * @module map/basemap-style
 * The offline basemap: a Mapbox GL (v8) style over the app's own street GeoJSON (OpenStreetMap,
 * served at /karte/strassen.geojson). Light ground, streets by the OSM-derived `lts` class (3–4 ≈ main
 * roads, drawn wider and warm; 1–2 ordinary streets; 0 paths and squares without cycling, narrow),
 * street names along the lines. Fonts come from /fonts/karte.css (DejaVu Sans, shipped with the app):
 * without `ol:webfonts`, ol-mapbox-style would fetch fonts from a CDN.
 * Everything here is a same-origin path, so the map works on a machine without internet.
 */

export const OSM_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende';

/** ol-mapbox-style's webfonts template for any style (no placeholders: one stylesheet serves all). */
export const MAP_FONTS_CSS = '/fonts/karte.css';
export const MAP_FONT = 'DejaVu Sans Regular';

export interface BasemapStyleOptions {
	/** URL of the street GeoJSON, e.g. /karte/strassen.geojson */
	streetsUrl: string;
	/** initial view when the style is used on its own (QGIS, Maputnik) */
	center: [number, number];
	zoom: number;
}

type Expr = unknown[];

/** line width in px by zoom: `w13` at zoom 13 growing exponentially to `w18` at zoom 18 */
const width = (w13: number, w18: number): Expr => ['interpolate', ['exponential', 1.6], ['zoom'], 13, w13, 18, w18, 20, w18 * 2.5];

const CLASSES = [
	{ id: 'weg', filter: ['==', ['get', 'lts'], 0], fill: '#f7f7f5', casing: '#c9ced3', w: [0.6, 4] },
	{ id: 'strasse', filter: ['all', ['>=', ['get', 'lts'], 1], ['<=', ['get', 'lts'], 2]], fill: '#ffffff', casing: '#bcc3ca', w: [1.2, 9] },
	{ id: 'hauptstrasse', filter: ['>=', ['get', 'lts'], 3], fill: '#fcefc9', casing: '#d6bf7f', w: [2.2, 14] }
] as const;

export function basemapStyle({ streetsUrl, center, zoom }: BasemapStyleOptions) {
	const casings = CLASSES.map((c) => ({
		id: `${c.id}-rand`,
		type: 'line',
		source: 'strassen',
		filter: c.filter,
		layout: { 'line-cap': 'round', 'line-join': 'round' },
		paint: { 'line-color': c.casing, 'line-width': width(c.w[0] + 1, c.w[1] + 2) }
	}));
	const fills = CLASSES.map((c) => ({
		id: c.id,
		type: 'line',
		source: 'strassen',
		filter: c.filter,
		layout: { 'line-cap': 'round', 'line-join': 'round' },
		paint: { 'line-color': c.fill, 'line-width': width(c.w[0], c.w[1]) }
	}));
	const labels = [
		{ id: 'strassenname-haupt', filter: ['all', ['has', 'name'], ['>=', ['get', 'lts'], 3]], minzoom: 14, size: [10, 13] },
		{ id: 'strassenname', filter: ['all', ['has', 'name'], ['<', ['get', 'lts'], 3]], minzoom: 15.5, size: [10, 12] }
	].map((l) => ({
		id: l.id,
		type: 'symbol',
		source: 'strassen',
		minzoom: l.minzoom,
		filter: l.filter,
		layout: {
			'symbol-placement': 'line',
			'text-field': ['get', 'name'],
			'text-font': [MAP_FONT],
			'text-size': ['interpolate', ['linear'], ['zoom'], 15, l.size[0], 18, l.size[1]],
			'text-max-angle': 35,
			'symbol-spacing': 280
		},
		paint: { 'text-color': '#37434f', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 }
	}));

	return {
		version: 8,
		name: 'Tiefblick Straßenkarte (offline)',
		metadata: { 'ol:webfonts': MAP_FONTS_CSS },
		center,
		zoom,
		sources: {
			strassen: { type: 'geojson', data: streetsUrl, attribution: OSM_ATTRIBUTION }
		},
		layers: [{ id: 'hintergrund', type: 'background', paint: { 'background-color': '#f1efea' } }, ...casings, ...fills, ...labels]
	};
}
