/**
 * @module demo/networks/style
 * The Mapbox GL style (version 8) for network data, built from the catalogue so colours live in one
 * place. One GeoJSON source "networks" (empty; the app fills it with an Auskunft's clipped features),
 * per network: protective strips, house connections, solid and dashed lines, point symbols.
 *
 * Dashes cannot be data-driven in every renderer (Mapbox GL JS and ol-mapbox-style evaluate
 * `line-dasharray` per layer), so dashed lines get their own layer. No symbol layers: the style needs
 * no glyphs and no sprite, so nothing is fetched from a CDN.
 */
import { NETWORK_INFO, NETWORKS, UNCERTAIN_ACCURACY_CM, type Kind, type Network } from '../../../layers/catalogue';

type Expression = unknown[];

export interface StyleLayer {
	id: string;
	type: 'line' | 'circle' | 'fill';
	source: 'networks';
	filter: Expression;
	layout?: Record<string, unknown>;
	paint: Record<string, unknown>;
	metadata?: Record<string, unknown>;
}

export interface MapboxStyle {
	version: 8;
	name: string;
	metadata: Record<string, unknown>;
	sources: { networks: { type: 'geojson'; data: { type: 'FeatureCollection'; features: [] } } };
	layers: StyleLayer[];
}

const LINE_KINDS: Kind[] = ['leitung', 'kabel', 'schutzrohr', 'freileitung'];
const POINT_KINDS: Kind[] = ['schacht', 'armatur', 'mast'];
/** Drawn first: deep networks below shallow ones, as they lie in the ground. */
const DRAW_ORDER: Network[] = [
	'abwasser',
	'produktenleitung',
	'fernwaerme',
	'wasser',
	'gas',
	'strom',
	'beleuchtung',
	'lsa',
	'telekommunikation',
	'breitband'
];

const get = (field: string): Expression => ['get', field];
const oneOf = (field: string, values: readonly string[]): Expression => ['match', get(field), [...values], true, false];
const isNetwork = (network: Network): Expression => ['==', get('network'), network];
/** Retired or planned, or positioned worse than 50 cm: "Lage unsicher" */
const DASHED: Expression = [
	'any',
	oneOf('status', ['stillgelegt', 'geplant']),
	['>', ['coalesce', get('accuracy_cm'), 0], UNCERTAIN_ACCURACY_CM]
];
const widthByZoom = (base: number): Expression => ['interpolate', ['linear'], ['zoom'], 14, base * 0.5, 18, base, 21, base * 2.5];

export function buildNetworkStyle(): MapboxStyle {
	if (DRAW_ORDER.length !== NETWORKS.length || !NETWORKS.every((n) => DRAW_ORDER.includes(n))) {
		throw new Error('style.ts: DRAW_ORDER must list every network of the catalogue');
	}
	const fills: StyleLayer[] = [];
	const connections: StyleLayer[] = [];
	const lines: StyleLayer[] = [];
	const points: StyleLayer[] = [];
	for (const network of DRAW_ORDER) {
		const color = NETWORK_INFO[network].color;
		const meta = { network, label: NETWORK_INFO[network].label };
		fills.push({
			id: `${network}-schutzstreifen`,
			type: 'fill',
			source: 'networks',
			filter: ['all', isNetwork(network), ['==', get('kind'), 'schutzstreifen']],
			paint: { 'fill-color': color, 'fill-opacity': 0.12, 'fill-outline-color': color },
			metadata: meta
		});
		connections.push({
			id: `${network}-hausanschluss`,
			type: 'line',
			source: 'networks',
			filter: ['all', isNetwork(network), ['==', get('kind'), 'hausanschluss']],
			layout: { 'line-cap': 'round' },
			paint: { 'line-color': color, 'line-width': widthByZoom(1), 'line-opacity': ['match', get('status'), 'in_betrieb', 0.9, 0.5] },
			metadata: meta
		});
		const isLine = ['all', isNetwork(network), oneOf('kind', LINE_KINDS)];
		lines.push(
			{
				id: `${network}-linie`,
				type: 'line',
				source: 'networks',
				filter: [...isLine, ['!', DASHED]],
				layout: { 'line-cap': 'round', 'line-join': 'round' },
				paint: { 'line-color': color, 'line-width': widthByZoom(2.5) },
				metadata: meta
			},
			{
				id: `${network}-linie-gestrichelt`,
				type: 'line',
				source: 'networks',
				filter: [...isLine, DASHED],
				layout: { 'line-join': 'round' },
				paint: {
					'line-color': color,
					'line-width': widthByZoom(2.5),
					'line-dasharray': [2, 1.5],
					'line-opacity': ['match', get('status'), 'stillgelegt', 0.6, 1]
				},
				metadata: meta
			}
		);
		points.push({
			id: `${network}-punkte`,
			type: 'circle',
			source: 'networks',
			filter: ['all', isNetwork(network), oneOf('kind', POINT_KINDS)],
			paint: {
				// a Schacht is an open ring (lid), an Armatur a filled dot, a mast a small dot
				'circle-radius': [
					'interpolate',
					['linear'],
					['zoom'],
					15,
					['match', get('kind'), 'schacht', 2.5, 'mast', 1.5, 2],
					20,
					['match', get('kind'), 'schacht', 7, 'mast', 4, 5]
				],
				'circle-color': ['match', get('kind'), 'schacht', '#ffffff', color],
				'circle-stroke-color': color,
				'circle-stroke-width': ['match', get('kind'), 'schacht', 2, 1],
				'circle-opacity': ['match', get('status'), 'in_betrieb', 1, 'ausser_betrieb', 1, 0.5]
			},
			metadata: meta
		});
	}
	return {
		version: 8,
		name: 'Tiefblick Leitungsnetze',
		metadata: {
			'tiefblick:generator': 'npx tsx src/lib/server/demo/networks/cli.ts',
			'tiefblick:colors': Object.fromEntries(NETWORKS.map((n) => [n, NETWORK_INFO[n].color]))
		},
		sources: { networks: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
		layers: [...fills, ...connections, ...lines, ...points]
	};
}
