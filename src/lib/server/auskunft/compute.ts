/**
 * @module auskunft/compute
 * The request path's computation, without writing anything: which layers and operators the work area
 * touches, each layer's grown area (max of work-class distance and the layer's request buffer), the
 * exact clip, and each operator's automatic answer. EPSG:25832, metres.
 */
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import RelateOp from 'jsts/org/locationtech/jts/operation/relate/RelateOp.js';
import type { Network, NetworkFeatureProperties } from '$lib/layers/catalogue';
import { sql } from '../db';
import { layerFilePath } from '../layers/storage';
import { getSettings, type OperatorSettings } from '../operators/settings';
import { clipLayer, growArea, type ClippedFeature, type Polygonal } from './clip';
import { activeLayersNear, operatorsNear, toebEntriesNear, type Bbox, type CandidateLayer } from './repo';
import { addDays, bufferFor, initialOperatorStatus, type AuskunftType, type OperatorStatus, type WorkClass } from './rules';

const reader = new GeoJSONReader(new GeometryFactory());

export interface OperatorOutcome {
	orgId: string;
	name: string;
	settings: OperatorSettings;
	status: OperatorStatus;
	validUntil: string;
	networks: Network[];
	features: (ClippedFeature & { layerName: string; network: Network })[];
	featureCount: number;
	lengthM: number;
	/** the newest version date of the layers used (Datenstand) */
	datenstand: Date | null;
	bufferM: number;
}

export interface LayerUse {
	layer: CandidateLayer;
	bufferM: number;
}

export interface Computation {
	operators: OperatorOutcome[];
	layers: LayerUse[];
	external: { name: string; networks: string[]; contact: string }[];
	/** the drawn area grown by the largest distance used (for the plan and the coverage test) */
	grownArea: Polygonal;
	grownBbox: Bbox;
}

function intersects(a: Polygonal, b: unknown): boolean {
	return RelateOp.intersects(reader.read(a), reader.read(b as object));
}

export async function computeAuskunft(args: {
	area25832: Polygonal;
	type: AuskunftType;
	workClass: WorkClass;
	today: string;
}): Promise<Computation> {
	const base = bufferFor(args.workClass, null);
	const widest = growArea(args.area25832, Math.max(base, 500));
	const candidates = await activeLayersNear(sql, widest.bbox);
	const baseGrown = growArea(args.area25832, base);

	// per layer: its own grown area, then the exact clip
	const layerUses: LayerUse[] = [];
	const byOrg = new Map<string, { features: OperatorOutcome['features']; networks: Set<Network>; datenstand: Date | null; bufferM: number }>();
	let maxBuffer = base;
	let maxGrown = baseGrown;
	for (const layer of candidates) {
		const bufferM = bufferFor(args.workClass, layer.requestBufferM);
		const grown = bufferM === base ? baseGrown : growArea(args.area25832, bufferM);
		if (bufferM > maxBuffer) {
			maxBuffer = bufferM;
			maxGrown = grown;
		}
		const clipped = clipLayer(layerFilePath(layer.layerId, layer.sha256), grown).filter(
			// planned lines belong to a Planungsauskunft only
			(f) => args.type === 'planung' || f.properties.status !== 'geplant'
		);
		layerUses.push({ layer, bufferM });
		const entry = byOrg.get(layer.orgId) ?? { features: [], networks: new Set(), datenstand: null, bufferM: 0 };
		entry.features.push(...clipped.map((f) => ({ ...f, layerName: layer.layerName, network: layer.network })));
		entry.networks.add(layer.network);
		if (!entry.datenstand || layer.versionCreatedAt > entry.datenstand) entry.datenstand = layer.versionCreatedAt;
		entry.bufferM = Math.max(entry.bufferM, bufferM);
		byOrg.set(layer.orgId, entry);
	}

	// every operator whose coverage the grown area touches answers; others are not listed
	const operators: OperatorOutcome[] = [];
	for (const op of await operatorsNear(sql, maxGrown.bbox)) {
		const entry = byOrg.get(op.orgId);
		const touched = entry?.features.length ? true : intersects(entry ? growArea(args.area25832, entry.bufferM).geometry : maxGrown.geometry, op.coverage);
		if (!touched) continue;
		const settings = await getSettings(sql, op.orgId);
		const features = entry?.features ?? [];
		operators.push({
			orgId: op.orgId,
			name: op.name,
			settings,
			status: initialOperatorStatus(features.length, settings, args.type),
			validUntil: addDays(args.today, settings.validityDays),
			networks: [...(entry?.networks ?? [])],
			features,
			featureCount: features.length,
			lengthM: Math.round(features.reduce((s, f) => s + (f.lengthM ?? 0), 0) * 100) / 100,
			datenstand: entry?.datenstand ?? null,
			bufferM: entry?.bufferM ?? base
		});
	}
	operators.sort((a, b) => a.name.localeCompare(b.name, 'de'));

	const external = (await toebEntriesNear(sql, maxGrown.bbox))
		.filter((e) => !e.area || intersects(maxGrown.geometry, e.area))
		.map((e) => ({ name: e.name, networks: e.networks, contact: e.contact }));

	return { operators, layers: layerUses, external, grownArea: maxGrown.geometry, grownBbox: maxGrown.bbox };
}

/** A clipped feature as stored and delivered: normalised properties plus where it came from. */
export function featureRecord(f: OperatorOutcome['features'][number]) {
	return {
		type: 'Feature' as const,
		geometry: f.geometry,
		properties: { ...(f.properties as unknown as NetworkFeatureProperties), layer: f.layerName, lengthM: f.lengthM === null ? null : Math.round(f.lengthM * 100) / 100 }
	};
}
