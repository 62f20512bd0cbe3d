/**
 * @module demo/networks/profiles
 * What each demo layer looks like: where in the street cross-section it runs, which streets carry
 * it, and its materials, dimensions, fittings and house connections.
 *
 * Cross-section (metres from the street axis; + is left of the street's direction, − right):
 *
 *     −5.0 −4.4  Breitband (Glasfaser Fiktiv)        ±5.3 ±5.7  LSA (junction arms only)
 *     −4.1 −3.7  Breitband (Fernmelde Beispiel)      +4.4 +5.0  Beleuchtung, Masten
 *     −3.7 −3.4  Telekommunikation                   +3.2 +3.8  Strom
 *     −3.0 −2.0  Wasser                              +1.5 +2.5  Gas
 *     −1.3 −0.9  Gas-Hochdruck                       +0.8 +1.2  Fernwärme
 *                          −0.5 … +0.5 Abwasser (in the axis)
 */
import type { Kind, LineStatus, Network } from '../../../layers/catalogue';
import type { DepthOptions, MainAttributes, StatusWeights } from './attributes';
import type { Rng } from './prng';
import type { Street } from './streets';

export interface FittingSpec {
	kind: 'schacht' | 'armatur' | 'mast';
	/** at every section boundary with this probability … */
	atBoundaries?: number;
	/** … and/or every `every` metres along the main */
	every?: number;
	attributes(main: MainAttributes, rng: Rng): MainAttributes;
	/** null: the fitting carries no depth of its own (a mast) */
	depth: DepthOptions | null;
}

export interface LayerProfile {
	network: Network;
	mainKind: Kind;
	/** signed offset range from the axis, metres; one value is drawn per street */
	offset: readonly [number, number];
	/** length range of the sections (pipe lengths, Haltungen) a main is cut into, metres */
	sectionM: readonly [number, number];
	carries(street: Street, rng: Rng): boolean;
	main(street: Street, rng: Rng): MainAttributes;
	/** section-level changes, e.g. a planned duct has every duct free */
	section?(main: MainAttributes, status: LineStatus, rng: Rng): MainAttributes;
	status?: StatusWeights;
	depth?: DepthOptions;
	/** a replaced main left in the ground beside the live one on this share of streets */
	oldParallel?: { share: number; shift: number; main(rng: Rng): MainAttributes };
	/**
	 * House connections to the street's plots (connections.ts): the share of houses connected, and how
	 * far along the street this network's line runs from the others' (so they lie side by side).
	 */
	connections?: { share: number; shift: number; attributes(main: MainAttributes, rng: Rng): MainAttributes; depth: DepthOptions };
	fittings?: FittingSpec[];
}

const isMain = (s: Street): boolean => s.lts >= 3;
const attrs = (a: Partial<MainAttributes>): MainAttributes => ({
	material: null,
	dimension: null,
	pressure_level: null,
	voltage_level: null,
	ducts_total: null,
	ducts_free: null,
	...a
});
const keep = (m: MainAttributes): MainAttributes => m;

/** Gas high pressure runs on a few ring streets only; its layer has a 50 m request buffer. */
export const GAS_HD_STREETS = new Set(['Hansering', 'Waisenhausring', 'Moritzburgring', 'Universitätsring']);

export const PROFILES = {
	wasser: {
		network: 'wasser',
		mainKind: 'leitung',
		offset: [-3, -2],
		sectionM: [60, 160],
		carries: () => true,
		main: (s, rng) =>
			attrs({
				material: rng.weighted([['GGG', 6], ['PE-HD', 4]] as const),
				dimension: isMain(s) ? rng.pick(['DN 200', 'DN 250', 'DN 300']) : rng.pick(['DN 100', 'DN 100', 'DN 150'])
			}),
		oldParallel: { share: 0.06, shift: 0.6, main: (rng) => attrs({ material: 'GG', dimension: rng.pick(['DN 80', 'DN 100']) }) },
		connections: {
			share: 0.97,
			shift: -0.6,
			attributes: () => attrs({ material: 'PE-HD', dimension: 'd 32' }),
			depth: { mean: 1.3, sd: 0.15 }
		},
		fittings: [
			{ kind: 'armatur', atBoundaries: 0.25, attributes: keep, depth: {} },
			{ kind: 'armatur', every: 110, attributes: (m) => ({ ...m, dimension: 'DN 80 (Hydrant)' }), depth: {} }
		]
	},
	gas: {
		network: 'gas',
		mainKind: 'leitung',
		offset: [1.5, 2.5],
		sectionM: [60, 160],
		carries: (_s, rng) => rng.chance(0.8),
		main: (s, rng) =>
			attrs({
				material: rng.weighted([['PE', 65], ['St', 35]] as const),
				dimension: isMain(s) ? rng.pick(['DN 100', 'DN 150']) : 'DN 100',
				pressure_level: rng.weighted([['ND', 7], ['MD', 3]] as const)
			}),
		oldParallel: { share: 0.05, shift: 0.6, main: () => attrs({ material: 'St', dimension: 'DN 80', pressure_level: 'ND' }) },
		connections: {
			share: 0.7,
			shift: -0.2,
			attributes: (m) => attrs({ material: 'PE', dimension: 'd 32', pressure_level: m.pressure_level }),
			depth: { mean: 0.9, sd: 0.12 }
		},
		fittings: [{ kind: 'armatur', atBoundaries: 0.35, attributes: (m) => ({ ...m, dimension: `${m.dimension} (Absperrarmatur)` }), depth: {} }]
	},
	'gas-hochdruck': {
		network: 'gas',
		mainKind: 'leitung',
		offset: [-1.3, -0.9],
		sectionM: [100, 250],
		carries: (s) => GAS_HD_STREETS.has(s.name),
		main: () => attrs({ material: 'St', dimension: 'DN 200', pressure_level: 'HD' }),
		status: { in_betrieb: 1, ausser_betrieb: 0, stillgelegt: 0, geplant: 0 },
		depth: { mean: 1.2, sd: 0.1, unknown: 0, uncertain: 0 },
		fittings: [{ kind: 'armatur', atBoundaries: 1, attributes: (m) => ({ ...m, dimension: 'DN 200 (Kugelhahn)' }), depth: {} }]
	},
	strom: {
		network: 'strom',
		mainKind: 'kabel',
		offset: [3.2, 3.8],
		sectionM: [60, 200],
		carries: () => true,
		main: (s, rng) =>
			isMain(s) && rng.chance(0.35)
				? attrs({ material: 'Al/VPE', dimension: 'NA2XS2Y 3×1×240', voltage_level: 'MS' })
				: attrs({ material: 'Al/PVC', dimension: 'NAYY 4×150', voltage_level: 'NS' }),
		connections: {
			share: 0.97,
			shift: 0.2,
			attributes: () => attrs({ material: 'Al/PVC', dimension: 'NAYY 4×35', voltage_level: 'NS' }),
			depth: { mean: 0.6, sd: 0.1 }
		}
	},
	fernwaerme: {
		network: 'fernwaerme',
		mainKind: 'leitung',
		offset: [0.8, 1.2],
		sectionM: [80, 200],
		carries: (s, rng) => isMain(s) && rng.chance(0.6),
		main: (_s, rng) => attrs({ material: 'KMR', dimension: `2× ${rng.pick(['DN 150', 'DN 200', 'DN 250'])}` }),
		status: { in_betrieb: 88, ausser_betrieb: 2, stillgelegt: 2, geplant: 8 }
	},
	abwasser: {
		network: 'abwasser',
		mainKind: 'leitung',
		offset: [-0.5, 0.5],
		// a Haltung runs from Schacht to Schacht
		sectionM: [40, 60],
		carries: () => true,
		main: (s, rng) =>
			attrs({
				material: rng.weighted([['Steinzeug', 6], ['Beton', 4]] as const),
				dimension: isMain(s) ? rng.pick(['DN 500', 'DN 600']) : rng.pick(['DN 300', 'DN 300', 'DN 400'])
			}),
		depth: { sd: 0.6 },
		connections: {
			share: 0.95,
			shift: 0.6,
			attributes: (_m, rng) => attrs({ material: rng.pick(['Steinzeug', 'PVC-U']), dimension: 'DN 150' }),
			depth: { mean: 1.6, sd: 0.3 }
		},
		fittings: [{ kind: 'schacht', atBoundaries: 1, attributes: (m) => ({ ...m, material: 'Beton', dimension: 'DN 1000' }), depth: {} }]
	},
	telekommunikation: {
		network: 'telekommunikation',
		mainKind: 'kabel',
		offset: [-3.7, -3.4],
		sectionM: [80, 250],
		carries: () => true,
		main: (s, rng) =>
			attrs({ material: 'Cu', dimension: isMain(s) ? rng.pick(['A-2Y(L)2Y 200×2×0,4', 'A-2Y(L)2Y 100×2×0,4']) : 'A-2Y(L)2Y 50×2×0,6' }),
		status: { in_betrieb: 94, ausser_betrieb: 1, stillgelegt: 5, geplant: 0 }
	},
	'breitband-glasfaser': {
		network: 'breitband',
		mainKind: 'schutzrohr',
		offset: [-5, -4.4],
		sectionM: [80, 250],
		carries: (s, rng) => rng.chance(isMain(s) ? 0.85 : 0.6),
		main: (s, rng) => {
			const total = isMain(s) ? rng.pick([12, 24]) : rng.pick([4, 6, 7, 12]);
			return attrs({ material: 'PE-HD', dimension: `Rohrverband ${total}×${total > 7 ? '10/6' : '12/8'} mm`, ducts_total: total });
		},
		section: (m, status, rng) => {
			const total = m.ducts_total ?? 0;
			// a planned or freshly laid duct bank is mostly empty: that is what Mitnutzung looks for
			return { ...m, ducts_free: status === 'geplant' ? total : rng.int(Math.floor(total / 4), total - 1) };
		},
		status: { in_betrieb: 88, ausser_betrieb: 0, stillgelegt: 0, geplant: 12 },
		depth: { mean: 0.55, sd: 0.12 }
	},
	'breitband-fernmelde': {
		network: 'breitband',
		mainKind: 'schutzrohr',
		// laid in the same trench as the company's copper cables, 35 cm further out
		offset: [-4.05, -3.75],
		sectionM: [80, 250],
		carries: (_s, rng) => rng.chance(0.35),
		main: () => attrs({ material: 'PE', dimension: 'DN 110 (4× DN 32)', ducts_total: 4 }),
		section: (m, status, rng) => ({ ...m, ducts_free: status === 'geplant' ? 4 : rng.int(0, 2) })
	},
	beleuchtung: {
		network: 'beleuchtung',
		mainKind: 'kabel',
		offset: [4.4, 5],
		sectionM: [80, 200],
		carries: () => true,
		main: (s) => attrs({ material: 'Cu/PVC', dimension: isMain(s) ? 'NYY-J 4×16' : 'NYY-J 4×10', voltage_level: 'NS' }),
		fittings: [
			{
				kind: 'mast',
				every: 30,
				attributes: (_m, rng) => attrs({ material: rng.pick(['Stahl', 'Aluminium']), dimension: `LPH ${rng.pick([4, 5, 6, 8])} m` }),
				depth: null
			}
		]
	},
	lsa: {
		network: 'lsa',
		mainKind: 'kabel',
		offset: [5.3, 5.7],
		sectionM: [1000, 1000],
		// LSA follows junctions (lsa.ts), not streets
		carries: () => false,
		main: () => attrs({ material: 'Cu', dimension: 'A-YY 14×1,5', voltage_level: 'NS' }),
		fittings: [{ kind: 'mast', attributes: () => attrs({ material: 'Stahl', dimension: 'Signalmast' }), depth: null }]
	}
} satisfies Record<string, LayerProfile>;

export type ProfileId = keyof typeof PROFILES;
