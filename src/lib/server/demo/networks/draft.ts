/**
 * @module demo/networks/draft
 * A generated feature before it gets its `source_id`: geometry in EPSG:25832 plus, for lines that
 * follow a street, the street and offset it was built from — the tests measure the output against it.
 */
import type { DraftProps } from './attributes';
import type { Line, Pt } from './geometry';

export type DraftGeometry = { type: 'LineString'; coordinates: Line } | { type: 'Point'; coordinates: Pt };

export interface Trace {
	streetId: string;
	/** signed metres from the axis: the whole line for mains, the house end for Hausanschlüsse */
	offsetM: number;
}

export interface Draft {
	geometry: DraftGeometry;
	properties: DraftProps;
	trace: Trace | null;
}

export const lineString = (coordinates: Line): DraftGeometry => ({ type: 'LineString', coordinates });
export const point = (coordinates: Pt): DraftGeometry => ({ type: 'Point', coordinates });

export function vertices(geometry: DraftGeometry): Pt[] {
	return geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
}
