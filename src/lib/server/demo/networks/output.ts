/**
 * @module demo/networks/output
 * The committed files of the demo: one RFC 7946 GeoJSON file per operator and layer (EPSG:4326,
 * 7 decimals), each operator's service area, and `manifest.json` that the app's demo seed reads.
 * One feature per line, so a regenerated file diffs line by line in review.
 */
import { KINDS, type Kind } from '../../../layers/catalogue';
import { toLonLat } from './crs';
import type { DemoFeature, Generated, GeneratedLayer, GeneratedOperator } from './generate';
import { dedupe, lineLength, type Line } from './geometry';

export const SOURCE_FILE = 'source/halle_altstadt_subset.geojson';

export interface ManifestLayer {
	id: string;
	network: string;
	/** relative to layers/demo/ */
	file: string;
	name: string;
	requestBufferM: number | null;
	featureCount: number;
	kinds: Partial<Record<Kind, number>>;
	/** length of all lines except Hausanschlüsse, metres */
	lengthM: number;
}

/** Paths relative to `layers/demo/` → file content. */
export function demoFiles(generated: Generated): Map<string, string> {
	const files = new Map<string, string>();
	for (const op of generated.operators) {
		files.set(coveragePath(op), serialize(`${op.operator.slug}-coverage`, [coverageFeature(op)]));
		for (const layer of op.layers) files.set(layerPath(op, layer), serialize(layer.spec.id, layer.features.map(toWgs84)));
	}
	files.set('manifest.json', `${JSON.stringify(manifest(generated), null, '\t')}\n`);
	return files;
}

const layerPath = (op: GeneratedOperator, layer: GeneratedLayer): string => `${op.operator.slug}/${layer.spec.id}.geojson`;
const coveragePath = (op: GeneratedOperator): string => `${op.operator.slug}/coverage.geojson`;

export function manifest(generated: Generated) {
	return {
		name: 'Tiefblick Demo-Leitungsnetze Halle (Saale)',
		notice:
			'Fiktive Leitungsnetze entlang realer Straßen – keine echten Leitungsdaten, nicht zur Bauausführung. ' +
			'Betreiber, Telefonnummern und E-Mail-Adressen sind erfunden.',
		generator: 'npx tsx src/lib/server/demo/networks/cli.ts',
		seed: generated.seed,
		crs: 'EPSG:4326',
		area: generated.area,
		source: {
			file: SOURCE_FILE,
			about: 'source/README.md',
			attribution: '© OpenStreetMap contributors',
			licence: 'ODbL 1.0'
		},
		operators: generated.operators.map((op) => {
			const o = op.operator;
			return {
				name: o.name,
				slug: o.slug,
				contacts: o.contacts,
				validityDays: o.validityDays,
				answerMode: o.answerMode,
				dataComplete: o.dataComplete,
				einweisungErforderlich: o.einweisungErforderlich,
				zustimmungErforderlich: o.zustimmungErforderlich,
				schutzanweisung: o.schutzanweisung,
				coverage: { file: coveragePath(op), note: o.coverageNote },
				layers: op.layers.map((layer): ManifestLayer => ({
					id: layer.spec.id,
					network: layer.spec.network,
					file: layerPath(op, layer),
					name: layer.spec.name,
					requestBufferM: layer.spec.requestBufferM,
					featureCount: layer.features.length,
					kinds: kindCounts(layer.features),
					lengthM: Math.round(
						layer.features
							.filter((f) => f.geometry.type === 'LineString' && f.properties.kind !== 'hausanschluss')
							.reduce((sum, f) => sum + lineLength(f.geometry.coordinates as Line), 0)
					)
				}))
			};
		})
	};
}

export type DemoManifest = ReturnType<typeof manifest>;

function kindCounts(features: DemoFeature[]): Partial<Record<Kind, number>> {
	const counts: Partial<Record<Kind, number>> = {};
	for (const kind of KINDS) {
		const n = features.filter((f) => f.properties.kind === kind).length;
		if (n > 0) counts[kind] = n;
	}
	return counts;
}

interface OutFeature {
	type: 'Feature';
	properties: Record<string, unknown>;
	geometry: { type: string; coordinates: unknown };
}

function toWgs84(feature: DemoFeature): OutFeature {
	const g = feature.geometry;
	const properties = { ...feature.properties };
	if (g.type === 'Point') return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: toLonLat(g.coordinates) } };
	// rounding to 7 decimals can merge vertices a few millimetres apart
	const coordinates = dedupe(g.coordinates.map(toLonLat), 0);
	if (coordinates.length < 2) throw new Error(`${feature.properties.source_id}: line collapses when rounded`);
	return { type: 'Feature', properties, geometry: { type: 'LineString', coordinates } };
}

function coverageFeature(op: GeneratedOperator): OutFeature {
	return {
		type: 'Feature',
		properties: { operator: op.operator.name, note: op.operator.coverageNote },
		// RFC 7946 wants exterior rings counter-clockwise; the shapes are built that way
		geometry: { type: 'Polygon', coordinates: [op.coverage.map(toLonLat)] }
	};
}

/** A FeatureCollection with one feature per line. `name` is what GDAL shows as the layer name. */
export function serialize(name: string, features: OutFeature[]): string {
	const body = features.map((f) => JSON.stringify(f)).join(',\n');
	return `{"type":"FeatureCollection","name":${JSON.stringify(name)},"features":[\n${body}\n]}\n`;
}
