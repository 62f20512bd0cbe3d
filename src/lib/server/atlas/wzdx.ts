/**
 * @module atlas/wzdx
 * The public Baustellen as a WZDx 4.2 Work Zone Feed (USDOT's Work Zone Data Exchange, GeoJSON): one
 * RoadEventFeature per axis part of every public Baustelle that is neither storniert nor abgenommen.
 * WZDx wants LineStrings; a MultiLineString axis becomes one feature per part (ids `<id>-1`, `<id>-2`,
 * …), each naming the others as `related-work-zone`. Times are the Europe/Berlin day bounds in UTC
 * (end exclusive). Pure; only the public projection (query.ts) goes in.
 */
import type { TrafficImpact, WorkKind } from '$lib/baustellen';
import { addDays } from '../auskunft/rules';
import { startOfBerlinDay } from '../auskunft/working-days';
import type { PublicBaustelle } from './query';

export const WZDX_VERSION = '4.2';
export const WZDX_PUBLISHER = 'Tiefblick';
export const DATA_SOURCE_ID = 'tiefblick-baustellenatlas';
/** the statuses the feed leaves out: cancelled, and surfaces already accepted (the road is back) */
export const WZDX_EXCLUDED = ['storniert', 'abgenommen'] as const;

export type VehicleImpact = 'all-lanes-closed' | 'some-lanes-closed' | 'all-lanes-open';
export type WorkTypeName = 'below-road-work' | 'surface-work' | 'roadside-work';
type Accuracy = 'estimated' | 'verified';

export interface WzdxRoadEventFeature {
	id: string;
	type: 'Feature';
	properties: {
		core_details: {
			data_source_id: string;
			event_type: 'work-zone';
			road_names: string[];
			direction: 'unknown';
			name: string;
			description: string;
			update_date: string;
			related_road_events?: { type: 'related-work-zone'; id: string }[];
		};
		start_date: string;
		end_date: string;
		is_start_date_verified: boolean;
		is_end_date_verified: boolean;
		is_start_position_verified: boolean;
		is_end_position_verified: boolean;
		start_date_accuracy: Accuracy;
		end_date_accuracy: Accuracy;
		beginning_accuracy: Accuracy;
		ending_accuracy: Accuracy;
		location_method: 'other';
		vehicle_impact: VehicleImpact;
		types_of_work?: { type_name: WorkTypeName }[];
	};
	geometry: { type: 'LineString'; coordinates: number[][] };
}

export interface WzdxFeed {
	feed_info: {
		publisher: string;
		version: string;
		update_date: string;
		data_sources: { data_source_id: string; organization_name: string; update_date?: string }[];
	};
	type: 'FeatureCollection';
	features: WzdxRoadEventFeature[];
}

export const VEHICLE_IMPACT: Record<TrafficImpact, VehicleImpact> = {
	vollsperrung: 'all-lanes-closed',
	halbseitig: 'some-lanes-closed',
	gehweg: 'all-lanes-open',
	keine: 'all-lanes-open'
};

/** WZDx's coarse kinds of work; none for kinds it has no word for. */
const TYPE_OF_WORK: Partial<Record<WorkKind, WorkTypeName>> = {
	aufgrabung: 'below-road-work',
	leitungsbau: 'below-road-work',
	bohrung: 'below-road-work',
	oberflaechenarbeiten: 'surface-work',
	kranstellung: 'roadside-work'
};

/** RFC 3339 in UTC without milliseconds, as the WZDx examples write it. */
const utc = (instant: Date) => instant.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** 00:00 Europe/Berlin of `date`, in UTC. */
export const berlinDayStart = (date: string) => utc(startOfBerlinDay(date));

/** The road events of one Baustelle: one per part of its axis. */
export function roadEvents(b: PublicBaustelle): WzdxRoadEventFeature[] {
	const parts = b.axis.type === 'LineString' ? [b.axis.coordinates] : b.axis.coordinates.filter((p) => p.length >= 2);
	const ids = parts.length === 1 ? [b.id] : parts.map((_, i) => `${b.id}-${i + 1}`);
	const typeOfWork = TYPE_OF_WORK[b.workKind];
	return parts.map((coordinates, i) => {
		const related = ids.filter((_, j) => j !== i).map((id) => ({ type: 'related-work-zone' as const, id }));
		return {
			id: ids[i]!,
			type: 'Feature',
			properties: {
				core_details: {
					data_source_id: DATA_SOURCE_ID,
					event_type: 'work-zone',
					// WZDx needs at least one road name
					road_names: b.streets.length ? b.streets : ['Straße nicht angegeben'],
					direction: 'unknown',
					name: b.number,
					description: `${b.title} – ${b.workKindLabel}`,
					update_date: utc(new Date(b.updatedAt)),
					...(related.length ? { related_road_events: related } : {})
				},
				start_date: berlinDayStart(b.start),
				end_date: berlinDayStart(addDays(b.end, 1)),
				// the current fields and their deprecated 4.x predecessors, for older consumers
				is_start_date_verified: b.actual.start !== null,
				is_end_date_verified: b.actual.end !== null,
				is_start_position_verified: false,
				is_end_position_verified: false,
				start_date_accuracy: b.actual.start !== null || b.period.confirmed ? 'verified' : 'estimated',
				end_date_accuracy: b.actual.end !== null || b.period.confirmed ? 'verified' : 'estimated',
				beginning_accuracy: 'estimated',
				ending_accuracy: 'estimated',
				location_method: 'other',
				vehicle_impact: VEHICLE_IMPACT[b.traffic],
				...(typeOfWork ? { types_of_work: [{ type_name: typeOfWork }] } : {})
			},
			geometry: { type: 'LineString', coordinates }
		};
	});
}

/** The whole feed, generated at `now`. */
export function buildWzdxFeed(items: PublicBaustelle[], now: Date): WzdxFeed {
	const latest = items.reduce<string | null>((max, b) => (max === null || b.updatedAt > max ? b.updatedAt : max), null);
	return {
		feed_info: {
			publisher: WZDX_PUBLISHER,
			version: WZDX_VERSION,
			update_date: utc(now),
			data_sources: [
				{
					data_source_id: DATA_SOURCE_ID,
					organization_name: 'Tiefblick Baustellenatlas (Baustellen der Kommunen und Leitungsträger)',
					...(latest ? { update_date: utc(new Date(latest)) } : {})
				}
			]
		},
		type: 'FeatureCollection',
		features: items.flatMap(roadEvents)
	};
}
