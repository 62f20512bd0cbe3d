/**
 * @module demo/networks/lsa
 * Lichtsignalanlagen at a few junctions of main streets: on every arm a control cable along the
 * kerb from the junction outwards, and a signal mast where it starts. The last junction's
 * installation is only planned (it shows in Planungsauskünfte only). EPSG:25832.
 */
import { toUtm } from './crs';
import { drawPlacement, props } from './attributes';
import { lineString, point, type Draft } from './draft';
import { dist, projectOnLine, substring, type Line, type Pt } from './geometry';
import { offsetParts } from './mains';
import type { LayerProfile } from './profiles';
import type { Rng } from './prng';
import type { Street } from './streets';

export interface Junction {
	point: Pt;
	streets: Street[];
}

/**
 * Nodes where main streets (lts ≥ 3) of at least two names meet, `minSpacing` metres apart, the
 * ones joining the longest streets first.
 */
export function findJunctions(streets: Street[], count: number, minSpacing = 250): Junction[] {
	const atNode = new Map<string, Street[]>();
	for (const street of streets) {
		if (street.lts < 3) continue;
		for (const k of street.vertexKeys) atNode.set(k, [...(atNode.get(k) ?? []), street]);
	}
	const candidates = [...atNode.entries()]
		.map(([k, at]) => ({ key: k, names: new Set(at.map((s) => s.name)).size, at, length: at.reduce((sum, s) => sum + s.length, 0) }))
		.filter((c) => c.names >= 2)
		// long chains are the through roads (the ring); short lts-3 chains are often cobbled lanes
		.sort((a, b) => b.length - a.length || (a.key < b.key ? -1 : 1));
	const chosen: Junction[] = [];
	for (const c of candidates) {
		const p = toUtm(c.key.split(',').map(Number));
		if (chosen.some((j) => dist(j.point, p) < minSpacing)) continue;
		chosen.push({ point: p, streets: c.at });
		if (chosen.length === count) break;
	}
	return chosen;
}

const ARM_M = 40;
const STOP_LINE_M = 3;

/** Cables and masts of one junction's signals. */
export function placeLsa(junction: Junction, profile: LayerProfile, planned: boolean, rng: Rng, inside: (p: Pt) => boolean): Draft[] {
	const drafts: Draft[] = [];
	const status = planned ? 'geplant' : 'in_betrieb';
	const main = profile.main(junction.streets[0]!, rng);
	for (const street of junction.streets) {
		const offset = Math.round(rng.range(profile.offset[0], profile.offset[1]) * 100) / 100;
		const at = projectOnLine(junction.point, street.axis).s;
		// arms run away from the junction; the axis runs one way, so the backward arm is reversed
		const arms: [Line | null, number][] = [
			[at + STOP_LINE_M + 5 < street.length ? substring(street.axis, at + STOP_LINE_M, Math.min(street.length, at + ARM_M)) : null, 1],
			[at - STOP_LINE_M - 5 > 0 ? substring(street.axis, Math.max(0, at - ARM_M), at - STOP_LINE_M).reverse() : null, -1]
		];
		for (const [arm, side] of arms) {
			if (!arm || arm.length < 2) continue;
			// the first usable piece only: a signal cable does not jump gaps
			const cable = offsetParts(arm, offset, street.axis)[0];
			if (!cable || !cable.every(inside)) continue;
			const placement = drawPlacement(profile.network, rng, profile.depth);
			drafts.push({
				geometry: lineString(cable),
				properties: props({ network: profile.network, kind: profile.mainKind, status }, main, placement),
				// left of a reversed arm is right of the street
				trace: { streetId: street.id, offsetM: offset * side }
			});
			const mast = profile.fittings?.[0];
			if (mast) {
				drafts.push({
					geometry: point(cable[0]!),
					properties: props(
						{ network: profile.network, kind: mast.kind, status },
						mast.attributes(main, rng),
						{ depth_m: null, depth_source: null, accuracy_cm: rng.int(5, 20) }
					),
					trace: null
				});
			}
		}
	}
	return drafts;
}
