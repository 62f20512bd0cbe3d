/**
 * @module openapi/mitnutzung
 * Tag "Mitnutzung": a Breitband planner's route against reusable ducts and coming excavations
 * (routes/api/v1/mitnutzung, mitnutzung/ in the code). The answer's geometries are pieces of the
 * planner's own route, never a network's course.
 */
import { BAUSTELLE_STATUSES } from '$lib/baustellen';
import { CORRIDOR_DEFAULT_M, CORRIDOR_MAX_M, CORRIDOR_MIN_M, MAX_ROUTE_LENGTH_M, MAX_ROUTE_VERTICES, type CoLayingChance, type DuctMatch, type MitnutzungJson } from '$lib/mitnutzung';
import { date, dateTime, errors, fields, integer, json, object, orNull, ref, uuid } from './common';
import type { ApiPart, Schema } from './types';

const TAG = 'Mitnutzung';
const text: Schema = { type: 'string' };
const metres: Schema = { type: 'number', minimum: 0, description: 'Meter.' };
const lineal = (description: string): Schema => ({
	type: 'object',
	required: ['type', 'coordinates'],
	properties: { type: { type: 'string', enum: ['LineString', 'MultiLineString'] }, coordinates: { type: 'array' } },
	description
});
const section = object({ fromM: metres, toM: metres }, { description: 'Abschnitt der Trasse, Meter ab ihrem Anfang.' });
const sections: Schema = { type: 'array', items: section };
const minMax = (item: Schema) => object({ min: item, max: item });

const request: Schema = object(
	{
		route: lineal(`Geplante Trasse, GeoJSON LineString oder MultiLineString (auch als Feature; \`geometry\` geht ebenso), WGS 84 (EPSG:4326), höchstens ${MAX_ROUTE_VERTICES} Punkte und ${MAX_ROUTE_LENGTH_M / 1000} km.`),
		corridorM: { type: 'number', minimum: CORRIDOR_MIN_M, maximum: CORRIDOR_MAX_M, default: CORRIDOR_DEFAULT_M, description: 'So nah muss ein Leerrohr an der Trasse liegen (und mit ihr laufen), um zu zählen.' },
		title: { type: 'string', maxLength: 200, description: 'Eigene Bezeichnung, z. B. Los oder Abschnitt.' },
		period: object({ start: date, end: date }, { description: 'Zeitraum, in dem Aufgrabungen zur Mitverlegung gesucht werden; Standard: heute bis in einem Jahr.' })
	},
	{ required: ['route'] }
);

export const mitnutzung: ApiPart = {
	tags: [
		{
			name: TAG,
			description:
				'Prüft eine geplante Glasfaser-Trasse: Wie viel davon verläuft entlang vorhandener Leerrohre mit freien Rohren (Betreiber, Kontakt, Abschnitte)? ' +
				'Welche kommenden Aufgrabungen im Baustellenkalender könnte sie mitnutzen (Mitverlegung, § 146 TKG bei öffentlich finanzierten Arbeiten)? ' +
				'Die Antwort enthält nur Stücke der eigenen Trasse, nie den Verlauf fremder Netze. Jede Prüfung wird gespeichert, protokolliert und den betroffenen Betreibern gemeldet.'
		}
	],
	schemas: {
		MitnutzungRequest: request,
		DuctMatch: object(
			fields<DuctMatch>({
				operator: object({ id: uuid, name: text, contact: object({ name: text, phone: text, email: text }) }, { description: 'Betreiber und sein Kontakt für Planauskünfte.' }),
				layer: object({ id: uuid, name: text }),
				network: ref('Network'),
				dimensions: { type: 'array', items: text, description: 'Angaben des Betreibers, z. B. „4×50 mm“.' },
				ductsFree: minMax(integer(1)),
				ductsTotal: minMax(orNull(integer(0))),
				lengthM: metres,
				sections,
				geometry: { ...orNull(lineal('')), description: 'Die abgedeckten Stücke der Trasse (EPSG:4326).' }
			})
		),
		CoLayingChance: object(
			fields<CoLayingChance>({
				baustelle: object({
					id: uuid,
					number: text,
					title: text,
					promoter: { type: 'string', description: 'Organisation des Trägers oder „privat“.' },
					streets: { type: 'array', items: text },
					period: object({ start: date, end: date }),
					status: { type: 'string', enum: [...BAUSTELLE_STATUSES] },
					publiclyFunded: { type: 'boolean' },
					networks: { type: 'array', items: text }
				}),
				distanceM: metres,
				lengthM: metres,
				sections,
				askBy: { ...date, description: 'Bis dahin beim Träger anfragen.' },
				legalBasis: { type: ['string', 'null'], enum: ['§ 146 TKG', null], description: 'Mitverlegungsanspruch bei öffentlich finanzierten Arbeiten; sonst `null` (freiwillige Abstimmung).' },
				message: text,
				geometry: orNull(lineal('Die Stücke der Trasse nahe der Baustelle (EPSG:4326).'))
			})
		),
		Mitnutzung: object(
			fields<MitnutzungJson>({
				id: uuid,
				number: { type: 'string', description: 'MN-JJJJ-NNNNN' },
				title: text,
				createdAt: dateTime,
				route: object({ lengthM: metres, geometry: lineal('Die Trasse wie gesendet.') }),
				corridorM: metres,
				period: object({ start: date, end: date }),
				coverage: object({ lengthM: metres, percent: { type: 'number', minimum: 0, maximum: 100 }, sections, geometry: orNull(lineal('')) }, { description: 'Anteil der Trasse entlang wiederverwendbarer Leerrohre.' }),
				gaps: { ...sections, description: 'Abschnitte ohne Leerrohr.' },
				ducts: { type: 'array', items: ref('DuctMatch') },
				coLaying: { type: 'array', items: ref('CoLayingChance') },
				layerVersions: { type: 'array', items: object({ layer: text, operator: text, sha256: { type: 'string' } }) },
				links: object({ self: text, page: text })
			})
		)
	},
	paths: {
		'/api/v1/mitnutzung': {
			post: {
				operationId: 'checkMitnutzung',
				tags: [TAG],
				summary: 'Trasse auf Mitnutzung prüfen',
				description:
					'Für Mitglieder verifizierter Organisationen; höchstens `MITNUTZUNG_MAX_PER_HOUR` Prüfungen je Person und Stunde (429 mit `Retry-After`). ' +
					'Statt `{ route }` darf der Rumpf auch selbst ein GeoJSON-LineString, -MultiLineString oder -Feature sein (Korridor und Zeitraum dann Standard).',
				requestBody: { required: true, content: json(ref('MitnutzungRequest')) },
				responses: {
					'201': { description: 'Geprüft und gespeichert.', content: json(ref('Mitnutzung')) },
					...errors(400, 401, 403, 413, 415, 429),
					'422': {
						description: 'Trasse oder Angaben fehlerhaft (`validation`, `outside_service_area`, `route_too_short`, `route_too_long`); `details` nennt die Felder.',
						content: json(ref('ValidationError'))
					}
				}
			},
			get: {
				operationId: 'listMitnutzung',
				tags: [TAG],
				summary: 'Eigene Prüfungen',
				parameters: [
					{ name: 'limit', in: 'query', description: 'Einträge je Seite.', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
					{ name: 'offset', in: 'query', description: 'Übersprungene Einträge.', schema: { type: 'integer', minimum: 0, default: 0 } }
				],
				responses: {
					'200': { description: 'Neueste zuerst.', content: json(object({ items: { type: 'array', items: ref('Mitnutzung') }, total: integer(), limit: integer(1), offset: integer(), next: orNull(text) })) },
					...errors(401, 403)
				}
			}
		},
		'/api/v1/mitnutzung/{id}': {
			get: {
				operationId: 'getMitnutzung',
				tags: [TAG],
				summary: 'Eine Prüfung',
				parameters: [{ name: 'id', in: 'path', required: true, description: 'Kennung der Prüfung.', schema: uuid }],
				responses: { '200': { description: 'Die Prüfung, wie sie beantwortet wurde.', content: json(ref('Mitnutzung')) }, ...errors(401, 403, 404) }
			}
		}
	}
};
