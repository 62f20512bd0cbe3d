/**
 * @module demo/networks/connections
 * Hausanschlüsse: short lines from the main, square to the street, to a point 6–12 m off the axis
 * where the building line would be. The plots (where a house is) belong to the street, not to a
 * network: water, sewer and power of one house run side by side to the same building. EPSG:25832.
 */
import type { LineStatus } from '../../../layers/catalogue';
import { drawPlacement, props, round2 } from './attributes';
import { lineString, type Draft } from './draft';
import { distanceToLine, pointAlong, projectOnLine, type Pt } from './geometry';
import type { Section } from './mains';
import type { LayerProfile } from './profiles';
import type { Rng } from './prng';
import type { Street } from './streets';

/** House ends lie this far from the axis. */
export const CONNECTION_REACH_M: readonly [number, number] = [6, 12];
/** One house every ~20 m. */
const PLOT_SPACING_M = 20;
/** No houses this near a street's ends, where the next street's junction begins. */
const END_CLEARANCE_M = 8;

export interface Plot {
	/** metres along the street axis */
	s: number;
	/** signed metres from the axis to the house end: + left, − right of the street's direction */
	reach: number;
}

/** Where the houses along a street are connected, on both sides. */
export function plotsAlong(street: Street, rng: Rng): Plot[] {
	const plots: Plot[] = [];
	const jitter = PLOT_SPACING_M * 0.25;
	let s = END_CLEARANCE_M + rng.range(0, PLOT_SPACING_M);
	for (; s < street.length - END_CLEARANCE_M; s += PLOT_SPACING_M + rng.range(-jitter, jitter)) {
		const side = rng.chance(0.5) ? 1 : -1;
		plots.push({ s, reach: round2(side * rng.range(CONNECTION_REACH_M[0], CONNECTION_REACH_M[1])) });
	}
	return plots;
}

export function placeConnections(
	street: Street,
	offset: number,
	sections: Section[],
	profile: LayerProfile,
	plots: Plot[],
	rng: Rng,
	inside: (p: Pt) => boolean
): Draft[] {
	const spec = profile.connections;
	if (!spec || sections.length === 0) return [];
	const drafts: Draft[] = [];
	for (const plot of plots) {
		// draws first, so a skipped plot does not shift the next one's
		const connected = rng.chance(spec.share);
		const status = rng.weighted([['in_betrieb', 96], ['stillgelegt', 4]] as const);
		const placement = drawPlacement(profile.network, rng, spec.depth);
		if (!connected) continue;
		const s = plot.s + spec.shift;
		if (s < 0 || s > street.length) continue;
		const { point: axisPoint, dir } = pointAlong(street.axis, s);
		const normal: Pt = [-dir[1], dir[0]];
		const onMain: Pt = [axisPoint[0] + normal[0] * offset, axisPoint[1] + normal[1] * offset];
		const house: Pt = [axisPoint[0] + normal[0] * plot.reach, axisPoint[1] + normal[1] * plot.reach];
		const nearest = nearestSection(onMain, sections);
		// a gap in the main (a dropped fold, another operator's area) or a bend that brings the
		// house end near another part of the street: no connection here
		if (!nearest || nearest.distance > 1) continue;
		if (Math.abs(distanceToLine(house, street.axis) - Math.abs(plot.reach)) > 0.2) continue;
		if (!inside(house)) continue;
		const section = nearest.section;
		drafts.push({
			geometry: lineString([nearest.point, house]),
			properties: props(
				{ network: profile.network, kind: 'hausanschluss', status: inherit(section.status, status) },
				spec.attributes(section.attributes, rng),
				placement
			),
			trace: { streetId: street.id, offsetM: plot.reach }
		});
	}
	return drafts;
}

/** A connection to a planned or retired main shares its status; on a live main a few are retired. */
function inherit(main: LineStatus, own: LineStatus): LineStatus {
	return main === 'in_betrieb' ? own : main;
}

function nearestSection(p: Pt, sections: Section[]): { section: Section; point: Pt; distance: number } | null {
	let best: { section: Section; point: Pt; distance: number } | null = null;
	for (const section of sections) {
		const hit = projectOnLine(p, section.line);
		if (!best || hit.distance < best.distance) best = { section, point: hit.point, distance: hit.distance };
	}
	return best;
}
