import { describe, expect, it } from 'vitest';
import { NETWORK_INFO, NETWORKS } from '../../../layers/catalogue';
import { buildNetworkStyle, type StyleLayer } from './style';

type Props = Record<string, string | number | null>;

/** Evaluates the few Mapbox GL expressions the style uses, so the filters are tested on real features. */
function evaluate(expr: unknown, p: Props): unknown {
	if (!Array.isArray(expr)) return expr;
	const [op, ...args] = expr as [string, ...unknown[]];
	switch (op) {
		case 'get':
			return p[args[0] as string] ?? null;
		case 'all':
			return args.every((a) => evaluate(a, p) === true);
		case 'any':
			return args.some((a) => evaluate(a, p) === true);
		case '!':
			return evaluate(args[0], p) !== true;
		case '==':
			return evaluate(args[0], p) === evaluate(args[1], p);
		case '>':
			return (evaluate(args[0], p) as number) > (evaluate(args[1], p) as number);
		case 'coalesce':
			return args.map((a) => evaluate(a, p)).find((v) => v !== null) ?? null;
		case 'match': {
			const input = evaluate(args[0], p);
			for (let i = 1; i < args.length - 1; i += 2) {
				const label = args[i];
				if (Array.isArray(label) ? label.includes(input) : label === input) return evaluate(args[i + 1], p);
			}
			return evaluate(args[args.length - 1], p);
		}
		default:
			throw new Error(`expression ${op} not covered by the test evaluator`);
	}
}

const style = buildNetworkStyle();
const matching = (p: Props): string[] => style.layers.filter((l: StyleLayer) => evaluate(l.filter, p) === true).map((l) => l.id);
const feature = (p: Props): Props => ({ status: 'in_betrieb', accuracy_cm: 10, ...p });

describe('network map style', () => {
	it('is a version 8 style with one empty GeoJSON source and unique layer ids', () => {
		expect(style.version).toBe(8);
		expect(style.sources).toEqual({ networks: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } });
		expect(new Set(style.layers.map((l) => l.id)).size).toBe(style.layers.length);
		expect(style.layers.every((l) => l.source === 'networks')).toBe(true);
		// no symbol layers: nothing to fetch from a font CDN
		expect(style.layers.some((l) => (l.type as string) === 'symbol')).toBe(false);
	});

	it('draws every network in its catalogue colour', () => {
		for (const network of NETWORKS) {
			const own = style.layers.filter((l) => l.metadata?.network === network);
			expect(own.length).toBeGreaterThanOrEqual(4);
			expect(own.find((l) => l.id === `${network}-linie`)?.paint['line-color']).toBe(NETWORK_INFO[network].color);
		}
	});

	it('routes each feature to exactly one layer: solid, dashed, house connection or point', () => {
		expect(matching(feature({ network: 'wasser', kind: 'leitung' }))).toEqual(['wasser-linie']);
		expect(matching(feature({ network: 'wasser', kind: 'leitung', status: 'stillgelegt' }))).toEqual(['wasser-linie-gestrichelt']);
		expect(matching(feature({ network: 'gas', kind: 'leitung', status: 'geplant' }))).toEqual(['gas-linie-gestrichelt']);
		expect(matching(feature({ network: 'strom', kind: 'kabel', accuracy_cm: 80 }))).toEqual(['strom-linie-gestrichelt']);
		expect(matching(feature({ network: 'strom', kind: 'kabel', accuracy_cm: null }))).toEqual(['strom-linie']);
		expect(matching(feature({ network: 'strom', kind: 'kabel', status: 'ausser_betrieb' }))).toEqual(['strom-linie']);
		expect(matching(feature({ network: 'breitband', kind: 'schutzrohr' }))).toEqual(['breitband-linie']);
		expect(matching(feature({ network: 'abwasser', kind: 'hausanschluss' }))).toEqual(['abwasser-hausanschluss']);
		expect(matching(feature({ network: 'abwasser', kind: 'schacht' }))).toEqual(['abwasser-punkte']);
		expect(matching(feature({ network: 'beleuchtung', kind: 'mast' }))).toEqual(['beleuchtung-punkte']);
		expect(matching(feature({ network: 'strom', kind: 'schutzstreifen' }))).toEqual(['strom-schutzstreifen']);
	});
});
