/**
 * @module demo/networks/fittings
 * Point features on a main: Schächte at every Haltung's ends, Schieber and Hydranten on water and
 * gas mains, lighting masts every ~30 m. Each sits on the main's line and shares its section's
 * status; a Schacht or Armatur takes the section's depth, a mast has none. EPSG:25832.
 */
import { props, type Placement } from './attributes';
import { point, type Draft } from './draft';
import { lineLength, pointAlong, type Pt } from './geometry';
import type { Section } from './mains';
import type { FittingSpec, LayerProfile } from './profiles';
import type { Rng } from './prng';

export function placeFittings(sections: Section[], profile: LayerProfile, rng: Rng): Draft[] {
	const drafts: Draft[] = [];
	for (const spec of profile.fittings ?? []) {
		// metres to the next "every" fitting; carried across sections of one continuous part
		let nextAt = 0;
		sections.forEach((section, i) => {
			const startsPart = i === 0 || !sections[i - 1]!.continues;
			const at: Pt[] = [];
			const line = section.line;
			if (spec.atBoundaries !== undefined) {
				// the first section of a part owns its start; every section owns its end
				if (startsPart && rng.chance(spec.atBoundaries)) at.push(line[0]!);
				if (rng.chance(spec.atBoundaries)) at.push(line[line.length - 1]!);
			}
			if (spec.every !== undefined) {
				const length = lineLength(line);
				if (startsPart) nextAt = rng.range(0, spec.every);
				for (; nextAt < length; nextAt += spec.every * rng.range(0.85, 1.15)) at.push(pointAlong(line, nextAt).point);
				nextAt -= length;
			}
			for (const p of at) drafts.push(fitting(p, section, spec, profile, rng));
		});
	}
	return drafts;
}

function fitting(at: Pt, section: Section, spec: FittingSpec, profile: LayerProfile, rng: Rng): Draft {
	// a Schacht or Armatur sits on the main at the main's depth; a mast stands on the surface
	const placement: Placement = spec.depth
		? section.placement
		: { depth_m: null, depth_source: null, accuracy_cm: rng.int(10, 30) };
	return {
		geometry: point(at),
		properties: props(
			{ network: profile.network, kind: spec.kind, status: section.status },
			spec.attributes(section.attributes, rng),
			placement
		),
		trace: null
	};
}
