/**
 * @module auskunft/renew-diff
 * What a renewal changed, pure: operators that joined or left the area, status changes, layer
 * versions that moved, and per operator the features added, removed or changed (by layer and
 * `source_id`). Features count only where the requester may see them — an operator's released plan on
 * both sides — so the diff never tells anything about a plan that was withheld or is still pending.
 */
import { createHash } from 'node:crypto';
import type { OperatorStatus } from './rules';

export interface DiffFeature {
	type?: string;
	geometry: unknown;
	properties: Record<string, unknown>;
}

export interface DiffOperator {
	id: string;
	name: string;
	status: OperatorStatus;
	/** the requester sees this operator's features (betroffen, plan released) */
	released: boolean;
	features: DiffFeature[];
}

export interface DiffLayer {
	layerId: string;
	layer: string;
	operator: string;
	sha256: string;
}

export interface FeatureDelta {
	id: string;
	name: string;
	count: number;
	sourceIds: string[];
}

export interface RenewalDiff {
	validUntil: { from: string; to: string };
	operatorsAdded: { id: string; name: string; status: OperatorStatus }[];
	operatorsRemoved: { id: string; name: string; status: OperatorStatus }[];
	statusChanged: { id: string; name: string; from: OperatorStatus; to: OperatorStatus }[];
	layerVersionsChanged: { layerId: string; layer: string; operator: string; from: string | null; to: string | null }[];
	featuresAdded: FeatureDelta[];
	featuresRemoved: FeatureDelta[];
	featuresChanged: FeatureDelta[];
}

/** At most this many source ids per operator and kind of change: the count is always complete. */
export const MAX_LISTED_IDS = 200;

/** layer + source_id; a feature without an id is known by its geometry alone */
function featureKey(f: DiffFeature): string {
	const sourceId = f.properties.source_id;
	const layer = typeof f.properties.layer === 'string' ? f.properties.layer : '';
	return typeof sourceId === 'string' && sourceId ? `${layer}\u0000${sourceId}` : `${layer}\u0000#${digest(f.geometry).slice(0, 16)}`;
}

/** JSON with object keys sorted: stored features come back from jsonb with their keys reordered. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
		return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

function digest(value: unknown): string {
	return createHash('sha256').update(canonical(value)).digest('hex');
}

function sourceIdOf(key: string): string {
	return key.slice(key.indexOf('\u0000') + 1);
}

function index(features: DiffFeature[]): Map<string, string> {
	const m = new Map<string, string>();
	for (const f of features) {
		// the clip length follows from the geometry; comparing it again adds nothing
		const props = { ...f.properties };
		delete props.lengthM;
		m.set(featureKey(f), digest([f.geometry, props]));
	}
	return m;
}

function delta(id: string, name: string, keys: string[]): FeatureDelta[] {
	if (!keys.length) return [];
	return [{ id, name, count: keys.length, sourceIds: keys.slice(0, MAX_LISTED_IDS).map(sourceIdOf).sort() }];
}

export function renewalDiff(
	before: { validUntil: string; operators: DiffOperator[]; layers: DiffLayer[] },
	after: { validUntil: string; operators: DiffOperator[]; layers: DiffLayer[] }
): RenewalDiff {
	const diff: RenewalDiff = {
		validUntil: { from: before.validUntil, to: after.validUntil },
		operatorsAdded: [],
		operatorsRemoved: [],
		statusChanged: [],
		layerVersionsChanged: [],
		featuresAdded: [],
		featuresRemoved: [],
		featuresChanged: []
	};
	const old = new Map(before.operators.map((o) => [o.id, o]));
	const now = new Map(after.operators.map((o) => [o.id, o]));

	for (const o of after.operators) {
		const prev = old.get(o.id);
		if (!prev) diff.operatorsAdded.push({ id: o.id, name: o.name, status: o.status });
		else if (prev.status !== o.status) diff.statusChanged.push({ id: o.id, name: o.name, from: prev.status, to: o.status });

		// features: only between plans the requester sees (a newcomer or a leaver counts as an empty side)
		const oldSide = prev ? (prev.released ? prev.features : null) : [];
		const newSide = o.released ? o.features : null;
		if (!oldSide || !newSide) continue;
		const a = index(oldSide);
		const b = index(newSide);
		const added = [...b.keys()].filter((k) => !a.has(k));
		const removed = [...a.keys()].filter((k) => !b.has(k));
		const changed = [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k));
		diff.featuresAdded.push(...delta(o.id, o.name, added));
		diff.featuresRemoved.push(...delta(o.id, o.name, removed));
		diff.featuresChanged.push(...delta(o.id, o.name, changed));
	}
	for (const o of before.operators) {
		if (now.has(o.id)) continue;
		diff.operatorsRemoved.push({ id: o.id, name: o.name, status: o.status });
		if (o.released) diff.featuresRemoved.push(...delta(o.id, o.name, [...index(o.features).keys()]));
	}

	const oldLayers = new Map(before.layers.map((l) => [l.layerId, l]));
	const newLayers = new Map(after.layers.map((l) => [l.layerId, l]));
	for (const l of after.layers) {
		const prev = oldLayers.get(l.layerId);
		if (!prev || prev.sha256 !== l.sha256) diff.layerVersionsChanged.push({ layerId: l.layerId, layer: l.layer, operator: l.operator, from: prev?.sha256 ?? null, to: l.sha256 });
	}
	for (const l of before.layers) {
		if (!newLayers.has(l.layerId)) diff.layerVersionsChanged.push({ layerId: l.layerId, layer: l.layer, operator: l.operator, from: l.sha256, to: null });
	}
	return diff;
}

/** Nothing but the validity moved. */
export function isUnchanged(d: RenewalDiff): boolean {
	return (
		!d.operatorsAdded.length &&
		!d.operatorsRemoved.length &&
		!d.statusChanged.length &&
		!d.layerVersionsChanged.length &&
		!d.featuresAdded.length &&
		!d.featuresRemoved.length &&
		!d.featuresChanged.length
	);
}
