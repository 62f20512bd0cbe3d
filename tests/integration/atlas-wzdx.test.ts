/**
 * GET /api/v1/baustellen.wzdx.json against `node build`: the answer validates against the official
 * WZDx 4.2 schemas (ajv, draft-07, all six registered by $id, geojson.org stand-ins — see
 * tests/fixtures/wzdx), the validator itself is proven on an official example, and the answer fits the
 * schema our OpenAPI document gives for it (strictly: nothing undocumented).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { rectangle, seedBaustelle, seedPromoter } from './helpers/baustellen-seed';
import { readExample, registeredIds, validateWorkZoneFeed } from '../fixtures/wzdx/validate';
import { checkSchema, responseSchema } from '../../src/lib/server/openapi/schema-check';

let db: FreshDb;
let server: TestServer;
const ids: Record<string, string> = {};

beforeAll(async () => {
	db = await freshDatabase();
	server = await startServer({ DATABASE_URL: db.url });
	const owner = await seedPromoter(db.sql, { org: 'Tiefbau WZDx GmbH' });
	const seed = async (key: string, b: Parameters<typeof seedBaustelle>[2]) => (ids[key] = (await seedBaustelle(db.sql, owner, b)).id);
	await seed('voll', {
		title: 'Kanalsanierung Geiststraße',
		workKind: 'aufgrabung',
		traffic: 'vollsperrung',
		streets: ['Geiststraße'],
		plannedStart: '2030-05-04',
		plannedEnd: '2030-05-15',
		datesConfirmed: true,
		footprint: rectangle(11.9640, 51.4890)
	});
	await seed('zweiteilig', {
		title: 'Glasfaser Ring',
		workKind: 'bohrung',
		traffic: 'gehweg',
		streets: ['Hansering', 'Waisenhausring'],
		plannedStart: '2030-06-01',
		plannedEnd: '2030-06-30',
		footprint: rectangle(11.9750, 51.4820, 200, 40),
		axis: {
			type: 'MultiLineString',
			coordinates: [
				[[11.9740, 51.4815], [11.9750, 51.4818]],
				[[11.9752, 51.4820], [11.9760, 51.4825]]
			]
		}
	});
	await seed('ohne_strasse', { title: 'Kranstellung', workKind: 'kranstellung', traffic: 'keine', streets: [], plannedStart: '2030-07-01', plannedEnd: '2030-07-01' });
	await seed('privat', { title: 'Hausanschluss', promoterPrivate: true, streets: ['Marktplatz'], status: 'in_ausfuehrung', plannedStart: '2030-05-01', plannedEnd: '2030-05-03', actualStart: '2030-05-02' });
	await seed('abgenommen', { title: 'Fertig', status: 'abgenommen', plannedStart: '2030-01-01', plannedEnd: '2030-01-10' });
	await seed('storniert', { title: 'Abgesagt', status: 'storniert', plannedStart: '2030-05-01', plannedEnd: '2030-05-02' });
	await seed('intern', { title: 'Intern', public: false, plannedStart: '2030-05-01', plannedEnd: '2030-05-02' });
}, 120_000);

afterAll(async () => {
	await server?.stop();
	await db?.drop();
});

async function feed(): Promise<{ res: Response; body: any }> {
	const res = await fetch(`${server.url}/api/v1/baustellen.wzdx.json`);
	return { res, body: await res.json() };
}

describe('the validator', () => {
	it('has all six WZDx 4.2 schemas registered and accepts an official example', () => {
		expect(registeredIds()).toHaveLength(6);
		expect(validateWorkZoneFeed(readExample('scenario1_simple_linestring_example.geojson'))).toEqual([]);
	});
});

describe('GET /api/v1/baustellen.wzdx.json', () => {
	it('is public GeoJSON, valid against the WZDx 4.2 WorkZoneFeed schema', async () => {
		const { res, body } = await feed();
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/geo+json');
		expect(validateWorkZoneFeed(body)).toEqual([]);
		expect(body.feed_info).toMatchObject({ publisher: 'Tiefblick', version: '4.2', data_sources: [{ data_source_id: 'tiefblick-baustellenatlas' }] });
		expect(body.feed_info.data_sources).toHaveLength(1);
		expect(Date.parse(body.feed_info.update_date)).not.toBeNaN();
	});

	it('has one road event per axis part of every public Baustelle that is neither storniert nor abgenommen', async () => {
		const { body } = await feed();
		const eventIds = (body.features as { id: string }[]).map((f) => f.id).sort();
		expect(eventIds).toEqual([ids.voll, `${ids.zweiteilig}-1`, `${ids.zweiteilig}-2`, ids.ohne_strasse, ids.privat].sort());
		const text = JSON.stringify(body);
		for (const key of ['abgenommen', 'storniert', 'intern']) expect(text).not.toContain(ids[key]!);
	});

	it('maps the Baustelle onto WZDx fields', async () => {
		const { body } = await feed();
		const byId = (id: string) => body.features.find((f: { id: string }) => f.id === id);
		const voll = byId(ids.voll!);
		expect(voll.geometry.type).toBe('LineString');
		expect(voll.properties).toMatchObject({
			core_details: { event_type: 'work-zone', road_names: ['Geiststraße'], direction: 'unknown', description: 'Kanalsanierung Geiststraße – Aufgrabung' },
			start_date: '2030-05-03T22:00:00Z',
			end_date: '2030-05-15T22:00:00Z',
			start_date_accuracy: 'verified',
			end_date_accuracy: 'verified',
			beginning_accuracy: 'estimated',
			ending_accuracy: 'estimated',
			location_method: 'other',
			vehicle_impact: 'all-lanes-closed'
		});
		expect(voll.properties).not.toHaveProperty('worker_presence');

		const teil2 = byId(`${ids.zweiteilig}-2`);
		expect(teil2.properties.vehicle_impact).toBe('all-lanes-open');
		expect(teil2.properties.start_date_accuracy).toBe('estimated');
		expect(teil2.properties.core_details.related_road_events).toEqual([{ type: 'related-work-zone', id: `${ids.zweiteilig}-1` }]);
		expect(teil2.geometry.coordinates).toEqual([[11.9752, 51.482], [11.976, 51.4825]]);

		expect(byId(ids.ohne_strasse!).properties.core_details.road_names).toEqual(['Straße nicht angegeben']);
		// started: the start is verified (and the actual date), the end is still estimated
		const privat = byId(ids.privat!);
		expect(privat.properties).toMatchObject({ start_date: '2030-05-01T22:00:00Z', is_start_date_verified: true, start_date_accuracy: 'verified', end_date_accuracy: 'estimated' });
		expect(JSON.stringify(privat)).not.toMatch(/Tiefbau WZDx/);
	});

	it('fits the schema the OpenAPI document gives for it', async () => {
		const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
		const { body } = await feed();
		const schema = responseSchema(doc, '/api/v1/baustellen.wzdx.json', 'get', 200, 'application/geo+json');
		expect(checkSchema(schema, body, { root: doc, strict: true })).toEqual([]);
		expect(doc.paths['/api/v1/baustellen.wzdx.json'].get.security).toEqual([]);
	});
});
