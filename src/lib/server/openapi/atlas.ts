/**
 * @module openapi/atlas
 * Tag "Baustellenatlas": the public WZDx 4.2 feed (routes/api/v1/baustellen.wzdx.json, atlas/wzdx.ts).
 * The other public feeds live outside /api/v1 and are named in the tag's description only:
 * /kalender.ics (iCalendar), /ogc (OGC API – Features), /atlas/baustellen.geojson.
 */
import type { WzdxFeed, WzdxRoadEventFeature } from '../atlas/wzdx';
import { VEHICLE_IMPACT } from '../atlas/wzdx';
import { dateTime, errors, fields, object, publicAccess, ref } from './common';
import type { ApiPart, Schema } from './types';

const TAG = 'Baustellenatlas';

const accuracy: Schema = { type: 'string', enum: ['estimated', 'verified'] };
const position: Schema = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[Länge, Breite] in WGS 84.' };

type Properties = WzdxRoadEventFeature['properties'];
type CoreDetails = Properties['core_details'];
type DataSource = WzdxFeed['feed_info']['data_sources'][number];

const coreDetails = fields<CoreDetails>({
	data_source_id: { type: 'string', const: 'tiefblick-baustellenatlas', description: 'Die eine Datenquelle in `feed_info.data_sources`.' },
	event_type: { type: 'string', const: 'work-zone' },
	road_names: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Die Straßen der Baustelle („Straße nicht angegeben“, wenn keine bekannt ist).' },
	direction: { type: 'string', const: 'unknown' },
	name: { type: 'string', description: 'Baustellennummer.' },
	description: { type: 'string', description: 'Titel – Art der Arbeiten.' },
	update_date: { ...dateTime, description: 'Letzte öffentlich sichtbare Änderung (UTC).' },
	related_road_events: {
		type: 'array',
		items: object({ type: { type: 'string', const: 'related-work-zone' }, id: { type: 'string' } }),
		description: 'Nur bei einer mehrteiligen Achse: die anderen Teile derselben Baustelle.'
	}
});

const properties = fields<Properties>({
	core_details: { type: 'object', required: ['data_source_id', 'event_type', 'road_names', 'direction', 'name', 'description', 'update_date'], properties: coreDetails },
	start_date: { ...dateTime, description: '00:00 Uhr (Europe/Berlin) des ersten Tages, in UTC — tatsächlicher Beginn, sonst geplanter.' },
	end_date: { ...dateTime, description: '00:00 Uhr (Europe/Berlin) des Tages nach dem letzten Tag, in UTC (exklusiv).' },
	is_start_date_verified: { type: 'boolean', description: 'Der Beginn ist gemeldet (Baubeginnanzeige).' },
	is_end_date_verified: { type: 'boolean', description: 'Das Ende ist gemeldet (Fertigmeldung).' },
	is_start_position_verified: { type: 'boolean', const: false },
	is_end_position_verified: { type: 'boolean', const: false },
	start_date_accuracy: { ...accuracy, description: 'Veraltetes 4.x-Feld: `verified`, wenn die Termine bestätigt sind oder der Beginn gemeldet ist.' },
	end_date_accuracy: { ...accuracy, description: 'Veraltetes 4.x-Feld: `verified`, wenn die Termine bestätigt sind oder das Ende gemeldet ist.' },
	beginning_accuracy: { type: 'string', const: 'estimated' },
	ending_accuracy: { type: 'string', const: 'estimated' },
	location_method: { type: 'string', const: 'other' },
	vehicle_impact: {
		type: 'string',
		enum: [...new Set(Object.values(VEHICLE_IMPACT))],
		description: 'Aus der Verkehrsbeeinträchtigung: Vollsperrung → `all-lanes-closed`, halbseitig → `some-lanes-closed`, Gehweg/keine → `all-lanes-open`.'
	},
	types_of_work: {
		type: 'array',
		items: object({ type_name: { type: 'string', enum: ['below-road-work', 'surface-work', 'roadside-work'] } }),
		description: 'Grob aus der Art der Arbeiten; fehlt bei „Sonstiges“.'
	}
});

const dataSource = fields<DataSource>({
	data_source_id: { type: 'string' },
	organization_name: { type: 'string' },
	update_date: { ...dateTime, description: 'Letzte Änderung einer Baustelle im Feed; fehlt, wenn der Feed leer ist.' }
});

export const atlas: ApiPart = {
	tags: [
		{
			name: TAG,
			description:
				'Öffentlich, ohne Anmeldung: die öffentlichen Baustellen — ohne Leitungsdaten und ohne personenbezogene Daten (ein privater Bauherr erscheint als „privat“). ' +
				'Weitere Formate außerhalb von /api/v1: `GET /kalender.ics?bbox=&street=&from=&to=` (iCalendar, RFC 5545, zum Abonnieren), ' +
				'`GET /ogc` (OGC API – Features, Teil 1: Core und GeoJSON; Sammlung `baustellen`) und `GET /atlas/baustellen.geojson` (Download).'
		}
	],
	schemas: {
		WzdxRoadEventFeature: object(
			fields<WzdxRoadEventFeature>({
				id: { type: 'string', description: 'Kennung der Baustelle; bei mehrteiliger Achse `<Kennung>-<Teil>`.' },
				type: { type: 'string', const: 'Feature' },
				properties: {
					type: 'object',
					required: Object.keys(properties).filter((k) => k !== 'types_of_work'),
					properties
				},
				geometry: object({ type: { type: 'string', const: 'LineString' }, coordinates: { type: 'array', items: position, minItems: 2 } }, { description: 'Die Achse der Baustelle.' })
			}),
			{ description: 'Ein WZDx-RoadEventFeature (work-zone) je Achsenteil einer öffentlichen Baustelle.' }
		),
		WzdxFeed: object(
			fields<WzdxFeed>({
				feed_info: object(
					{
						publisher: { type: 'string', const: 'Tiefblick' },
						version: { type: 'string', const: '4.2' },
						update_date: { ...dateTime, description: 'Erzeugt um (UTC).' },
						data_sources: {
							type: 'array',
							minItems: 1,
							maxItems: 1,
							items: { type: 'object', required: ['data_source_id', 'organization_name'], properties: dataSource }
						}
					},
					{ description: 'WZDx FeedInfo.' }
				),
				type: { type: 'string', const: 'FeatureCollection' },
				features: { type: 'array', items: ref('WzdxRoadEventFeature') }
			}),
			{
				description: 'WZDx 4.2 WorkZoneFeed (https://github.com/usdot-jpo-ode/wzdx, Schema `WorkZoneFeed.json`): öffentliche Baustellen außer stornierten und abgenommenen.'
			}
		)
	},
	paths: {
		'/api/v1/baustellen.wzdx.json': {
			get: {
				operationId: 'getBaustellenWzdx',
				tags: [TAG],
				summary: 'Baustellen als WZDx-4.2-Feed',
				description:
					'Work Zone Data Exchange 4.2: je öffentlicher Baustelle (nicht storniert, nicht abgenommen) ein `work-zone`-Ereignis mit der Achse als LineString; ' +
					'eine mehrteilige Achse ergibt je Teil ein Ereignis, verknüpft über `related_road_events`. Zeiten sind ganze Tage (Europe/Berlin) in UTC, das Ende exklusiv.',
				security: publicAccess,
				responses: {
					'200': { description: 'Der Feed (GeoJSON).', content: { 'application/geo+json': { schema: ref('WzdxFeed') } } },
					...errors()
				}
			}
		}
	}
};
