/**
 * @module layers/ingest/normalise
 * Pass 2, in JavaScript: every feature of pass 1's FlatGeobuf is mapped onto the normalised schema,
 * validated, and — as long as the upload has no error — built with flatgeobuf's feature builder
 * (feature-encoder.ts) into a scratch file (feature-store.ts). One feature at a time: memory holds the
 * findings (at most 500 listed), the source_ids seen (duplicates), the hull's grid columns and a box
 * per feature.
 */
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import type { Network } from '$lib/layers/catalogue';
import type { FgbScanner, Shape } from './fgb-scan';
import { FeatureStore } from './feature-store';
import { HullCollector, type Polygon } from './hull';
import { prepareMapping, type AttributeMapping } from './mapping';
import { FeatureEncoder } from './feature-encoder';
import { LayerSchema } from './schema';
import { validateFeature, type Finding } from './validate';

/** At most this many findings are listed; all are counted. */
const MAX_LISTED = 500;

export interface NormaliseOptions {
	layerNetwork: Network;
	mapping: AttributeMapping;
	/** where the built features are parked */
	storePath: string;
}

export interface NormaliseStats {
	count: number;
	extent: [number, number, number, number];
	unlistedErrors: number;
	unlistedWarnings: number;
	hull: Polygon | null;
	/** the built features, finished; null as soon as one feature has an error */
	store: FeatureStore | null;
	schema: LayerSchema;
	/** the one geometry type of all features, or Unknown */
	geometryType: GeometryType;
}

/** Grows `box` by every vertex of `shape`, feeding the hull on the way. */
function walk(shape: Shape, box: number[], hull: HullCollector): void {
	if (shape.parts) {
		for (const part of shape.parts) walk(part, box, hull);
		return;
	}
	const xy = shape.xy!;
	for (let i = 0; i < xy.length; i += 2) {
		const x = xy[i]!;
		const y = xy[i + 1]!;
		if (x < box[0]!) box[0] = x;
		if (y < box[1]!) box[1] = y;
		if (x > box[2]!) box[2] = x;
		if (y > box[3]!) box[3] = y;
		hull.add(x, y);
	}
}

export async function normalise(scanner: FgbScanner, opts: NormaliseOptions, findings: Finding[]): Promise<NormaliseStats> {
	const seen = new Set<string>();
	const extent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	const hull = new HullCollector();
	const schema = new LayerSchema();
	const encoder = new FeatureEncoder(schema.working);
	let store: FeatureStore | null = await FeatureStore.create(opts.storePath);
	let count = 0;
	let errors = 0;
	let unlistedErrors = 0;
	let unlistedWarnings = 0;
	let geometryType: GeometryType | null = null;
	const box = [0, 0, 0, 0];
	// every feature of the scan has every column, in column order
	const map = prepareMapping(opts.mapping, scanner.columns.map((c) => c.name));
	try {
		for (let batch = await scanner.next(); batch.length > 0; batch = await scanner.next()) {
			for (const feature of batch) {
				const mapped = map(feature.properties);
				// a layer holds one network: features that do not say which belong to the layer's
				if (mapped.properties.network === null) mapped.properties.network = opts.layerNetwork;
				const result = validateFeature(feature.geometry, mapped, { index: count, layerNetwork: opts.layerNetwork });
				const sourceId = mapped.properties.source_id;
				if (sourceId !== null) {
					const key = String(sourceId);
					if (seen.has(key)) {
						result.push({ severity: 'error', code: 'duplicate_source_id', feature: `Objekt ${count + 1} (source_id ${sourceId})`, message: `source_id „${sourceId}“ kommt mehrfach vor; sie muss je Objekt eindeutig sein.` });
					} else {
						seen.add(key);
					}
				}
				for (const f of result) {
					if (f.severity === 'error') errors++;
					if (findings.length < MAX_LISTED) findings.push(f);
					else if (f.severity === 'error') unlistedErrors++;
					else unlistedWarnings++;
				}
				const shape = feature.shape;
				if (shape) {
					box[0] = box[1] = Infinity;
					box[2] = box[3] = -Infinity;
					walk(shape, box, hull);
					if (box[0]! < extent[0]) extent[0] = box[0]!;
					if (box[1]! < extent[1]) extent[1] = box[1]!;
					if (box[2]! > extent[2]) extent[2] = box[2]!;
					if (box[3]! > extent[3]) extent[3] = box[3]!;
				}
				count++;
				// one error and no file will be written: stop building, keep checking
				if (errors > 0 && store) {
					await store.remove();
					store = null;
				}
				if (!store) continue;
				// validation passes only non-empty points, lines and polygons
				if (!shape) throw new Error(`Objekt ${count}: gültig, aber ohne Geometrie`);
				geometryType = geometryType === null || geometryType === shape.type ? shape.type : GeometryType.Unknown;
				const spilled = store.add(encoder.encode(shape, schema.values(mapped.properties)), box);
				if (spilled) await spilled;
			}
		}
		await store?.finish();
	} catch (e) {
		await store?.remove();
		throw e;
	}
	return { count, extent, unlistedErrors, unlistedWarnings, hull: hull.hull(), store, schema, geometryType: geometryType ?? GeometryType.Unknown };
}
