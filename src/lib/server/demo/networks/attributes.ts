/**
 * @module demo/networks/attributes
 * Depth, accuracy and status draws shared by every demo network, in the normalised schema of
 * catalogue.ts. A feature's depth source decides how good its depth and position are: measured
 * (eingemessen) lines are a few centimetres off, lines digitised from old plans decimetres, and a
 * few old ones more than the 50 cm above which plans draw them dashed.
 */
import {
	NETWORK_INFO,
	type DepthSource,
	type LineStatus,
	type Network,
	type NetworkFeatureProperties
} from '../../../layers/catalogue';
import type { Rng } from './prng';

export type Props = NetworkFeatureProperties;

/** The attributes one main keeps along its whole street (it was laid as one piece). */
export type MainAttributes = Pick<
	Props,
	'material' | 'dimension' | 'pressure_level' | 'voltage_level' | 'ducts_total' | 'ducts_free'
>;

export const NO_MAIN_ATTRIBUTES: MainAttributes = {
	material: null,
	dimension: null,
	pressure_level: null,
	voltage_level: null,
	ducts_total: null,
	ducts_free: null
};

export type Placement = Pick<Props, 'depth_m' | 'depth_source' | 'accuracy_cm'>;

export interface DepthOptions {
	/** mean cover in metres; default NETWORK_INFO[network].typicalDepthM */
	mean?: number;
	/** standard deviation in metres; default 15 % of the mean */
	sd?: number;
	/** shallowest plausible cover; default half the network's typical depth */
	min?: number;
	/** share of features whose depth nobody knows (depth and source null) */
	unknown?: number;
	/** share of features whose position is worse than 50 cm */
	uncertain?: number;
}

/** Depth (cover to the crown), its source and the positional accuracy of one feature. */
export function drawPlacement(network: Network, rng: Rng, options: DepthOptions = {}): Placement {
	const typical = NETWORK_INFO[network].typicalDepthM;
	const mean = options.mean ?? typical;
	const sd = options.sd ?? mean * 0.15;
	const uncertain = rng.chance(options.uncertain ?? 0.04);
	if (rng.chance(options.unknown ?? 0.03)) {
		return { depth_m: null, depth_source: null, accuracy_cm: uncertain ? rng.int(60, 150) : null };
	}
	const source: DepthSource = uncertain
		? rng.weighted([['plan', 3], ['regelwert', 1]] as const)
		: rng.weighted([['gemessen', 4], ['plan', 4], ['regelwert', 2]] as const);
	// a Regelwert is the network's rule depth itself, not a measurement near it
	const depth = source === 'regelwert' ? typical : Math.max(options.min ?? typical / 2, rng.normal(mean, sd));
	const accuracy = uncertain
		? rng.int(60, 150)
		: source === 'gemessen'
			? rng.int(3, 15)
			: source === 'plan'
				? rng.int(20, 50)
				: rng.int(30, 50);
	return { depth_m: round2(depth), depth_source: source, accuracy_cm: accuracy };
}

export interface StatusWeights {
	in_betrieb: number;
	ausser_betrieb: number;
	stillgelegt: number;
	geplant: number;
}

export const DEFAULT_STATUS: StatusWeights = { in_betrieb: 95, ausser_betrieb: 2, stillgelegt: 1.5, geplant: 1.5 };

export function drawStatus(rng: Rng, weights: StatusWeights = DEFAULT_STATUS): LineStatus {
	return rng.weighted(Object.entries(weights) as [LineStatus, number][]);
}

export type DraftProps = Omit<Props, 'source_id'>;

/**
 * Every schema field but `source_id` (given when the layer is numbered) in catalogue order, so each
 * written feature has the same keys in the same order.
 */
export function props(base: Pick<Props, 'network' | 'kind' | 'status'>, main: MainAttributes, placement: Placement): DraftProps {
	return {
		network: base.network,
		kind: base.kind,
		status: base.status,
		material: main.material,
		dimension: main.dimension,
		depth_m: placement.depth_m,
		depth_source: placement.depth_source,
		pressure_level: main.pressure_level,
		voltage_level: main.voltage_level,
		ducts_total: main.ducts_total,
		ducts_free: main.ducts_free,
		accuracy_cm: placement.accuracy_cm
	};
}

export function round2(v: number): number {
	return Math.round(v * 100) / 100;
}
