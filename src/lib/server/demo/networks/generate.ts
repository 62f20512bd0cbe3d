/**
 * @module demo/networks/generate
 * The demo networks of Halle (Saale): every operator's layers laid along the real OSM streets of the
 * inner city, deterministic for a seed. Pure: source streets in, features out (EPSG:25832, metres);
 * output.ts turns them into the committed files.
 */
import type { NetworkFeatureProperties } from '../../../layers/catalogue';
import type { Draft, DraftGeometry, Trace } from './draft';
import { pointInRing, type Line, type Pt } from './geometry';
import { placeConnections, plotsAlong, type Plot } from './connections';
import { placeFittings } from './fittings';
import { findJunctions, placeLsa } from './lsa';
import { placeMain } from './mains';
import { DEMO_OPERATORS, type DemoOperator, type OperatorLayer } from './operators';
import { PROFILES, type LayerProfile } from './profiles';
import { rngFor, type Rng } from './prng';
import { areaToUtm, loadStreets, type Street, type StreetSourceCollection } from './streets';

/** lon/lat bbox [west, south, east, north] of the streets the demo uses. */
export type Bbox = readonly [number, number, number, number];

/**
 * The Altstadt, its ring roads and a block beyond them: ~34 km of streets. The source file reaches
 * further east (Riebeckplatz, Volkmannstraße), but with every network on every street that would
 * pass the ~5 MB the repository should carry.
 */
export const DEMO_AREA: Bbox = [11.958, 51.4765, 11.9795, 51.4895];
export const DEMO_SEED = 20200528;
/** How many junctions get traffic lights. */
const LSA_JUNCTIONS = 4;

export interface GenerateOptions {
	seed?: number;
	area?: Bbox;
	operators?: DemoOperator[];
}

export interface DemoFeature {
	type: 'Feature';
	geometry: DraftGeometry;
	properties: NetworkFeatureProperties;
}

export interface GeneratedLayer {
	spec: OperatorLayer;
	features: DemoFeature[];
	/** source_id → the street and offset a line was built from (mains and Hausanschlüsse only) */
	trace: Map<string, Trace>;
}

export interface GeneratedOperator {
	operator: DemoOperator;
	/** service area, EPSG:25832, closed ring */
	coverage: Line;
	layers: GeneratedLayer[];
}

export interface Generated {
	seed: number;
	area: Bbox;
	streets: Street[];
	operators: GeneratedOperator[];
}

export function generateNetworks(source: StreetSourceCollection, options: GenerateOptions = {}): Generated {
	const seed = options.seed ?? DEMO_SEED;
	const area = options.area ?? DEMO_AREA;
	const streets = loadStreets(source, area);
	const { min, max } = areaToUtm(area);
	// the houses belong to the street: every network connects the same ones
	const plots = new Map(streets.map((s) => [s.id, plotsAlong(s, rngFor(seed, 'plots', s.id))]));
	const operators = (options.operators ?? DEMO_OPERATORS).map((operator): GeneratedOperator => {
		const coverage = operator.coverage(min, max);
		const inside = (p: Pt): boolean => pointInRing(p, coverage);
		const layers = operator.layers.map((spec) => {
			const profile: LayerProfile = PROFILES[spec.profile];
			const drafts =
				spec.profile === 'lsa'
					? lsaDrafts(streets, profile, seed, operator.slug, inside)
					: streets.flatMap((street) =>
							streetDrafts(street, plots.get(street.id)!, profile, (purpose) => rngFor(seed, operator.slug, spec.id, street.id, purpose), inside)
						);
			return numbered(spec, drafts);
		});
		return { operator, coverage, layers };
	});
	return { seed, area, streets, operators };
}

/**
 * One layer on one street: main, old parallel main, fittings, house connections. Each part draws from
 * its own `stream`, so tuning the fittings does not move the house connections.
 */
function streetDrafts(
	street: Street,
	plots: Plot[],
	profile: LayerProfile,
	stream: (purpose: string) => Rng,
	inside: (p: Pt) => boolean
): Draft[] {
	if (!profile.carries(street, stream('carries'))) return [];
	const { offset, sections, drafts } = placeMain(street, profile, stream('main'), inside);
	return [
		...drafts,
		...placeFittings(sections, profile, stream('fittings')),
		...placeConnections(street, offset, sections, profile, plots, stream('connections'), inside)
	];
}

function lsaDrafts(streets: Street[], profile: LayerProfile, seed: number, slug: string, inside: (p: Pt) => boolean): Draft[] {
	const junctions = findJunctions(streets, LSA_JUNCTIONS);
	return junctions.flatMap((junction, i) =>
		placeLsa(junction, profile, i === junctions.length - 1, rngFor(seed, slug, 'lsa', i), inside)
	);
}

/** Gives each draft its `source_id` ("SWS-W-000123") in generation order. */
function numbered(spec: OperatorLayer, drafts: Draft[]): GeneratedLayer {
	const trace = new Map<string, Trace>();
	const features = drafts.map((draft, i): DemoFeature => {
		const sourceId = `${spec.idPrefix}-${String(i + 1).padStart(6, '0')}`;
		if (draft.trace) trace.set(sourceId, draft.trace);
		return { type: 'Feature', geometry: draft.geometry, properties: { source_id: sourceId, ...draft.properties } };
	});
	return { spec, features, trace };
}
