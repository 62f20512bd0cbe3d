/**
 * @module demo/networks/mains
 * Lays one layer's main along one street: parallel to the axis at a drawn offset, cut into sections
 * (pipe lengths, Haltungen, cable drums) that each get their own status, depth and accuracy.
 * EPSG:25832, metres.
 */
import type { LineStatus } from '../../../layers/catalogue';
import { drawPlacement, drawStatus, props, round2, type MainAttributes, type Placement } from './attributes';
import { lineString, type Draft } from './draft';
import { keepWithinOffset, lineLength, offsetLine, substring, type Line, type Pt } from './geometry';
import type { LayerProfile } from './profiles';
import type { Rng } from './prng';
import type { Street } from './streets';

/** How far a main may stray from its offset; the tests allow 0.5 m after rounding to lon/lat. */
export const OFFSET_TOLERANCE_M = 0.3;
/** Shorter leftovers of a folded offset are not worth a feature. */
const MIN_PART_M = 5;

export interface Section {
	line: Line;
	status: LineStatus;
	attributes: MainAttributes;
	placement: Placement;
	/** the section's end is also the start of the next one in the same part */
	continues: boolean;
}

export interface MainResult {
	offset: number;
	sections: Section[];
	drafts: Draft[];
}

/** The main of `profile` along `street`; sections leaving `inside` (the service area) are dropped. */
export function placeMain(street: Street, profile: LayerProfile, rng: Rng, inside: (p: Pt) => boolean): MainResult {
	const offset = round2(rng.range(profile.offset[0], profile.offset[1]));
	const main = profile.main(street, rng);
	const sections: Section[] = [];
	for (const part of offsetParts(street.axis, offset)) {
		const pieces = cut(part, profile.sectionM, rng).map((line) => {
			// draw for every piece, kept or not, so the service area does not shift the other draws
			const status = drawStatus(rng, profile.status);
			const placement = drawPlacement(profile.network, rng, profile.depth);
			const attributes = profile.section ? profile.section(main, status, rng) : main;
			return { line, status, attributes, placement, kept: line.every(inside) };
		});
		pieces.forEach(({ kept, ...section }, i) => {
			if (kept) sections.push({ ...section, continues: pieces[i + 1]?.kept === true });
		});
	}
	const drafts = sections.map(
		(s): Draft => ({
			geometry: lineString(s.line),
			properties: props({ network: profile.network, kind: profile.mainKind, status: s.status }, s.attributes, s.placement),
			trace: { streetId: street.id, offsetM: offset }
		})
	);
	if (profile.oldParallel && rng.chance(profile.oldParallel.share)) {
		drafts.push(...oldParallel(street, profile, offset, rng, inside));
	}
	return { offset, sections, drafts };
}

/**
 * The offset line, minus the stretches where it folds or comes too near another part of the axis.
 * `reference` is the whole street when `axis` is only a piece of it.
 */
export function offsetParts(axis: Line, offset: number, reference: Line = axis): Line[] {
	return keepWithinOffset(offsetLine(axis, offset), reference, Math.abs(offset), OFFSET_TOLERANCE_M, MIN_PART_M);
}

/** Lengths drawn from `range`; a leftover shorter than half the minimum joins the last piece. */
function cut(line: Line, range: readonly [number, number], rng: Rng): Line[] {
	const total = lineLength(line);
	const stops: number[] = [0];
	let at = 0;
	for (;;) {
		at += rng.range(range[0], range[1]);
		if (at >= total - range[0] / 2) break;
		stops.push(at);
	}
	stops.push(total);
	const pieces: Line[] = [];
	for (let i = 1; i < stops.length; i++) pieces.push(substring(line, stops[i - 1]!, stops[i]!));
	return pieces.filter((p) => p.length >= 2);
}

/**
 * A replaced main left in the ground, `shift` metres nearer the axis, along part of the street:
 * stillgelegt, drawn from old plans, often with an uncertain position.
 */
function oldParallel(street: Street, profile: LayerProfile, offset: number, rng: Rng, inside: (p: Pt) => boolean): Draft[] {
	const spec = profile.oldParallel!;
	const oldOffset = round2(offset - Math.sign(offset) * spec.shift);
	const attributes = spec.main(rng);
	const drafts: Draft[] = [];
	for (const part of offsetParts(street.axis, oldOffset)) {
		const length = lineLength(part);
		const from = rng.range(0, length * 0.4);
		const to = rng.range(Math.min(length, from + length * 0.4), length);
		if (to - from < MIN_PART_M) continue;
		const line = substring(part, from, to);
		if (line.length < 2 || !line.every(inside)) continue;
		const placement = drawPlacement(profile.network, rng, { ...profile.depth, uncertain: 0.5, unknown: 0.2 });
		drafts.push({
			geometry: lineString(line),
			properties: props({ network: profile.network, kind: profile.mainKind, status: 'stillgelegt' }, attributes, placement),
			trace: { streetId: street.id, offsetM: oldOffset }
		});
	}
	return drafts;
}
