import { describe, expect, it } from 'vitest';
import { readExample, registeredIds, schemaIds, validateWorkZoneFeed } from '../../../../tests/fixtures/wzdx/validate';
import { buildWzdxFeed, roadEvents, VEHICLE_IMPACT } from './wzdx';
import { sample } from './testing';

describe('the offline WZDx validator', () => {
	it('holds all six 4.2 schemas by their $id', () => {
		expect(schemaIds()).toHaveLength(6);
		expect(registeredIds()).toEqual(schemaIds());
	});
	it('accepts an official example and rejects a broken feed', () => {
		expect(validateWorkZoneFeed(readExample('scenario1_simple_linestring_example.geojson'))).toEqual([]);
		const feed = buildWzdxFeed([sample()], new Date());
		const broken = structuredClone(feed) as unknown as { features: { properties: { vehicle_impact: string } }[] };
		broken.features[0]!.properties.vehicle_impact = 'vollsperrung';
		expect(validateWorkZoneFeed(broken).join('\n')).toMatch(/vehicle_impact/);
	});
});

describe('buildWzdxFeed', () => {
	it('is a valid WZDx 4.2 WorkZoneFeed', () => {
		const feed = buildWzdxFeed(
			[
				sample(),
				sample({ id: 'c4a6b7f0-0000-4000-8000-000000000002', streets: [], traffic: 'vollsperrung', work_kind: 'sonstiges', dates_confirmed: false }),
				sample({
					id: 'c4a6b7f0-0000-4000-8000-000000000003',
					axis_4326: { type: 'MultiLineString', coordinates: [[[11.97, 51.48], [11.971, 51.48]], [[11.972, 51.481], [11.973, 51.481]]] }
				})
			],
			new Date('2026-04-01T10:00:00.123Z')
		);
		expect(validateWorkZoneFeed(feed)).toEqual([]);
		expect(feed.feed_info).toEqual({
			publisher: 'Tiefblick',
			version: '4.2',
			update_date: '2026-04-01T10:00:00Z',
			data_sources: [{ data_source_id: 'tiefblick-baustellenatlas', organization_name: expect.stringMatching(/^Tiefblick/), update_date: '2026-04-20T08:15:00Z' }]
		});
		expect(feed.features).toHaveLength(4);
	});

	it('describes one Baustelle as a work zone on its streets, in Berlin days', () => {
		const [f] = roadEvents(sample());
		expect(f!.id).toBe(sample().id);
		expect(f!.geometry).toEqual(sample().axis);
		expect(f!.properties).toMatchObject({
			core_details: {
				data_source_id: 'tiefblick-baustellenatlas',
				event_type: 'work-zone',
				road_names: ['Leipziger Straße', 'Hansering'],
				direction: 'unknown',
				description: 'Erneuerung Trinkwasserleitung Leipziger Straße – Leitungsbau',
				update_date: '2026-04-20T08:15:00Z'
			},
			// 00:00 Europe/Berlin (CEST) of the first day, 00:00 of the day after the last
			start_date: '2026-05-03T22:00:00Z',
			end_date: '2026-05-15T22:00:00Z',
			start_date_accuracy: 'verified',
			end_date_accuracy: 'verified',
			beginning_accuracy: 'estimated',
			ending_accuracy: 'estimated',
			location_method: 'other',
			vehicle_impact: 'some-lanes-closed',
			types_of_work: [{ type_name: 'below-road-work' }]
		});
		expect(f!.properties).not.toHaveProperty('worker_presence');
		expect(f!.properties.core_details).not.toHaveProperty('related_road_events');
	});

	it('marks estimated dates and started works', () => {
		const [f] = roadEvents(sample({ dates_confirmed: false, actual_start: '2026-05-05' }));
		expect(f!.properties).toMatchObject({ start_date_accuracy: 'verified', end_date_accuracy: 'estimated', is_start_date_verified: true, is_end_date_verified: false });
	});

	it('splits a MultiLineString axis into related features', () => {
		const b = sample({ axis_4326: { type: 'MultiLineString', coordinates: [[[1, 1], [2, 2]], [[3, 3], [4, 4]], [[5, 5], [6, 6]]] } });
		const events = roadEvents(b);
		expect(events.map((e) => e.id)).toEqual([`${b.id}-1`, `${b.id}-2`, `${b.id}-3`]);
		expect(events[1]!.properties.core_details.related_road_events).toEqual([
			{ type: 'related-work-zone', id: `${b.id}-1` },
			{ type: 'related-work-zone', id: `${b.id}-3` }
		]);
		expect(events[2]!.geometry).toEqual({ type: 'LineString', coordinates: [[5, 5], [6, 6]] });
	});

	it('maps every traffic impact', () => {
		expect(VEHICLE_IMPACT).toEqual({ vollsperrung: 'all-lanes-closed', halbseitig: 'some-lanes-closed', gehweg: 'all-lanes-open', keine: 'all-lanes-open' });
	});
});
