/**
 * @module atlas/geojson
 * A public Baustelle as a GeoJSON Feature (RFC 7946, EPSG:4326): the footprint as geometry, the public
 * projection as flat properties — flat so GIS tools (GDAL/QGIS) read them as plain columns. Used by the
 * atlas download and the OGC API items.
 */
import type { Polygonal } from '$lib/baustellen';
import type { PublicBaustelle } from './query';

export interface PublicFeatureProperties {
	number: string;
	title: string;
	workKind: string;
	workKindLabel: string;
	traffic: string;
	trafficLabel: string;
	streets: string[];
	status: string;
	statusLabel: string;
	plannedStart: string;
	plannedEnd: string;
	datesConfirmed: boolean;
	actualStart: string | null;
	actualEnd: string | null;
	/** the window shown: actual dates where known */
	start: string;
	end: string;
	promoter: string;
	networks: string[];
	revision: number;
	updatedAt: string;
	/** the public detail page */
	url: string;
}

export interface PublicFeature {
	type: 'Feature';
	id: string;
	geometry: Polygonal;
	properties: PublicFeatureProperties;
}

/** The public page of a Baustelle. */
export function atlasUrl(origin: string, number: string): string {
	return `${origin}/atlas/${encodeURIComponent(number)}`;
}

export function publicFeature(b: PublicBaustelle, origin: string): PublicFeature {
	return {
		type: 'Feature',
		id: b.id,
		geometry: b.footprint,
		properties: {
			number: b.number,
			title: b.title,
			workKind: b.workKind,
			workKindLabel: b.workKindLabel,
			traffic: b.traffic,
			trafficLabel: b.trafficLabel,
			streets: b.streets,
			status: b.status,
			statusLabel: b.statusLabel,
			plannedStart: b.period.start,
			plannedEnd: b.period.end,
			datesConfirmed: b.period.confirmed,
			actualStart: b.actual.start,
			actualEnd: b.actual.end,
			start: b.start,
			end: b.end,
			promoter: b.promoter,
			networks: b.networks,
			revision: b.revision,
			updatedAt: b.updatedAt,
			url: atlasUrl(origin, b.number)
		}
	};
}

export function publicFeatureCollection(items: PublicBaustelle[], origin: string): { type: 'FeatureCollection'; features: PublicFeature[] } {
	return { type: 'FeatureCollection', features: items.map((b) => publicFeature(b, origin)) };
}
