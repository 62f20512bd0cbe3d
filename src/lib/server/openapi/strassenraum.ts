/**
 * @module openapi/strassenraum
 * Tag "Straßenraum": the cross-section of a street at a point (routes/api/v1/strassenraum,
 * strassenraum/ in the code). Lines only from the caller's own network and its valid Auskünfte.
 */
import { HALF_WIDTH_DEFAULT_M, HALF_WIDTH_MAX_M, STREET_SEARCH_M, type SectionLine, type StrassenraumJson, type WithheldOperator } from '$lib/strassenraum';
import { date, errors, fields, json, object, orNull, ref, uuid } from './common';
import type { ApiPart, Schema } from './types';

const TAG = 'Straßenraum';
const text: Schema = { type: 'string' };
const lonLat: Schema = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[Länge, Breite], WGS 84.' };
const operator = object({ id: uuid, name: text });

export const strassenraum: ApiPart = {
	tags: [
		{
			name: TAG,
			description:
				'Querschnitt des Straßenraums an einem Punkt: welche Leitungen ein Schnitt quer zur Straßenachse kreuzt, mit Abstand zur Achse und Tiefe. ' +
				'Leitungen kommen nur aus dem eigenen Netz (Betreiber, aktueller Bestand) und aus den freigegebenen Daten gültiger Auskünfte der eigenen Organisation; ' +
				'Betreiber mit Gebiet an der Stelle, aber ohne solche Antwort, werden mit dem nächsten Schritt genannt. Aus einer Auskunft stammen nur Leitungen innerhalb ihres Bereichs: ' +
				'reicht der Schnitt darüber hinaus, fehlen dort die Leitungen anderer Betreiber. Jede Abfrage wird protokolliert.'
		}
	],
	schemas: {
		SectionLine: object(
			fields<SectionLine>({
				operator,
				network: ref('Network'),
				kind: text,
				status: text,
				dimension: orNull(text),
				material: orNull(text),
				offsetM: { type: 'number', description: 'Abstand zur Achse in Metern; rechts (in Richtung der Achse gesehen) positiv, links negativ.' },
				side: { type: 'string', enum: ['links', 'rechts', 'Achse'] },
				angleDeg: { type: 'number', minimum: 0, maximum: 90, description: 'Winkel zur Achse: 0 = längs, 90 = quer.' },
				depthM: { ...orNull({ type: 'number' }), description: 'Überdeckung bis zum Scheitel, Meter.' },
				depthSource: orNull(text),
				accuracyCm: orNull({ type: 'number' }),
				ductsTotal: orNull({ type: 'number' }),
				ductsFree: orNull({ type: 'number' }),
				pressureLevel: orNull(text),
				voltageLevel: orNull(text),
				source: {
					oneOf: [
						object({ kind: { type: 'string', const: 'eigene_daten' }, layer: text, datenstand: date }),
						object({ kind: { type: 'string', const: 'auskunft' }, number: text, validUntil: date })
					]
				}
			})
		),
		WithheldOperator: object(fields<WithheldOperator>({ operator, networks: { type: 'array', items: text }, reason: text })),
		Strassenraum: object(
			fields<StrassenraumJson>({
				at: lonLat,
				street: object({ name: text, distanceM: { type: 'number', minimum: 0 } }),
				section: object({
					halfWidthM: { type: 'number' },
					bearingDeg: { type: 'number', minimum: 0, maximum: 360, description: 'Richtung der Achse, Grad von Gitter-Nord im Uhrzeigersinn.' },
					foot: lonLat,
					line: object({ type: { type: 'string', const: 'LineString' }, coordinates: { type: 'array', items: lonLat } }, { description: 'Der Schnitt von links nach rechts.' }),
					covered: {
						type: 'array',
						items: object({ fromM: { type: 'number' }, toM: { type: 'number' } }),
						description: 'Abschnitte des Schnitts (Abstand zur Achse, rechts positiv), die gültige Auskünfte abdecken — nur dort sind Leitungen anderer Betreiber bekannt.'
					}
				}),
				networks: { type: 'array', items: ref('Network'), description: 'Die Sparten der gezeigten Leitungen, von links nach rechts.' },
				lines: { type: 'array', items: ref('SectionLine') },
				withheld: { type: 'array', items: ref('WithheldOperator') },
				notAffected: { type: 'array', items: operator }
			})
		)
	},
	paths: {
		'/api/v1/strassenraum': {
			get: {
				operationId: 'getStrassenraum',
				tags: [TAG],
				summary: 'Querschnitt an einem Punkt der Straße',
				description: `Der Punkt wird auf die nächste benannte Straßenachse im Umkreis von ${STREET_SEARCH_M} m gelotet; dort steht der Schnitt rechtwinklig zur Achse.`,
				parameters: [
					{ name: 'lon', in: 'query', description: 'Länge in Grad (WGS 84).', schema: { type: 'number' } },
					{ name: 'lat', in: 'query', description: 'Breite in Grad (WGS 84).', schema: { type: 'number' } },
					{ name: 'at', in: 'query', description: 'Statt lon/lat: „Länge,Breite“.', schema: { type: 'string' } },
					{ name: 'street', in: 'query', description: 'Nur diese Straße (wo Straßen sich treffen); ohne lon/lat: Schnitt in der Mitte ihres längsten Abschnitts.', schema: { type: 'string' } },
					{ name: 'halfWidthM', in: 'query', description: 'Halbe Breite des Schnitts.', schema: { type: 'number', minimum: 1, maximum: HALF_WIDTH_MAX_M, default: HALF_WIDTH_DEFAULT_M } }
				],
				responses: {
					'200': { description: 'Der Querschnitt.', content: json(ref('Strassenraum')) },
					...errors(400, 401, 403, 429),
					'422': { description: 'Keine Straße am Punkt (`no_street`).', content: json(ref('ValidationError')) }
				}
			}
		}
	}
};
