/**
 * @module pdf/plan-data
 * The model's geometry prepared once per document for all sheets: features of answering operators
 * with their extents, draw order and label text; streets grouped by name.
 */
import type { NetworkFeatureProperties } from '$lib/layers/catalogue';
import { geometryExtent, parts, type Extent } from './geometry';
import { fmtDepth, NETWORK_CODES } from './labels';
import type { AuskunftPdfModel, PdfFeature, Position } from './model';

export interface PlanFeature {
	props: NetworkFeatureProperties;
	/** 'line' | 'point' | 'area' */
	shape: 'line' | 'point' | 'area';
	parts: Position[][];
	extent: Extent;
	/** "W DN 150 · 1,2 m", or null when there is nothing to say */
	label: string | null;
	/** draw order: areas, house connections, lines, points */
	layer: number;
}

export interface PlanStreet {
	name: string;
	parts: Position[][];
	extent: Extent;
}

export interface PlanData {
	features: PlanFeature[];
	streets: PlanStreet[];
	showGeplant: boolean;
}

/** "W DN 150 · 1,2 m" — network code, dimension, cover. */
export function featureLabel(p: NetworkFeatureProperties): string | null {
	const depth = fmtDepth(p.depth_m, p.depth_source);
	const bits = [p.dimension?.trim() || null, depth].filter(Boolean);
	if (bits.length === 0) return null;
	return `${NETWORK_CODES[p.network] ?? ''} ${bits.join(' · ')}`.trim();
}

function shapeOf(f: PdfFeature): PlanFeature['shape'] {
	const t = f.geometry.type;
	return t === 'Point' || t === 'MultiPoint' ? 'point' : t === 'Polygon' || t === 'MultiPolygon' ? 'area' : 'line';
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const LAYER = { area: 0, hausanschluss: 1, line: 2, point: 3 };

export function planData(m: AuskunftPdfModel): PlanData {
	const showGeplant = m.type === 'planung';
	const features: PlanFeature[] = [];
	for (const op of m.operators) {
		// a pending or silent operator's computed plan is not released: draw only answered ones
		if (op.status !== 'betroffen') continue;
		for (const f of op.features) {
			if (f.properties.status === 'geplant' && !showGeplant) continue;
			const shape = shapeOf(f);
			features.push({
				props: f.properties,
				shape,
				parts: parts(f.geometry),
				extent: geometryExtent(f.geometry),
				label: shape === 'line' && f.properties.kind !== 'hausanschluss' ? featureLabel(f.properties) : null,
				layer: shape === 'area' ? LAYER.area : shape === 'point' ? LAYER.point : f.properties.kind === 'hausanschluss' ? LAYER.hausanschluss : LAYER.line
			});
		}
	}
	// stable order: layer, then network, then id — the same model draws the same bytes
	features.sort(
		(a, b) =>
			a.layer - b.layer ||
			cmp(a.props.network, b.props.network) ||
			cmp(a.props.source_id, b.props.source_id)
	);
	const byName = new Map<string, PlanStreet>();
	for (const s of m.streets) {
		// unnamed ways (footpaths, service roads) are drawn but not labelled
		const name = s.name?.trim() ?? '';
		let street = byName.get(name);
		if (!street) {
			street = { name, parts: [], extent: [Infinity, Infinity, -Infinity, -Infinity] };
			byName.set(name, street);
		}
		street.parts.push(...parts(s.geometry));
		geometryExtent(s.geometry, street.extent);
	}
	return { features, streets: [...byName.values()], showGeplant };
}

/** Features whose extent meets the rectangle. */
export function featuresIn(data: PlanData, r: Extent): PlanFeature[] {
	return data.features.filter((f) => f.extent[0] <= r[2] && f.extent[2] >= r[0] && f.extent[1] <= r[3] && f.extent[3] >= r[1]);
}
