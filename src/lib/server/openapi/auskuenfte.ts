/**
 * @module openapi/auskuenfte
 * Tag "Leitungsauskunft": requests, their stamped PDF and the clipped vector data
 * (routes/api/v1/auskuenfte/**), in the shapes of auskunft/input.ts and auskunft/present.ts.
 */
import type { auskunftJson } from '../auskunft/present';
import type { AuskunftInput, Site } from '../auskunft/input';
import { REQUIRED_PROPERTIES, UNCERTAIN_ACCURACY_CM, type NetworkFeatureProperties } from '$lib/layers/catalogue';
import { date, dateTime, errors, fields, integer, json, object, orNull, parameterRef, ref, sha256, signedIn, uuid } from './common';
import type { ApiPart, Schema } from './types';

type AuskunftJson = Awaited<ReturnType<typeof auskunftJson>>;

export const AUSKUNFT_TAG = 'Leitungsauskunft';
const TAG = AUSKUNFT_TAG;

const position: Schema = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 3, description: '[Länge, Breite] in WGS 84.' };
const ring: Schema = { type: 'array', items: position, minItems: 4, description: 'Geschlossener Ring: erster Punkt = letzter Punkt.' };
const text = (maxLength: number, description?: string): Schema => ({ type: 'string', maxLength, ...(description ? { description } : {}) });


const auskunftPath = (suffix = '') => `/api/v1/auskuenfte/{id}${suffix}`;

/** A clipped feature's properties: where it came from (auskunft/compute.ts) and the normalised schema. */
const featureProperties: Record<string, Schema> = {
	operator: { type: 'string' },
	layer: { type: 'string' },
	lengthM: { ...orNull({ type: 'number' }), description: 'Länge im Suchbereich, Meter (Linien).' },
	...fields<NetworkFeatureProperties>({
		source_id: { type: 'string', description: 'Kennung des Objekts beim Betreiber.' },
		network: ref('Network'),
		kind: ref('FeatureKind'),
		status: ref('LineStatus'),
		material: orNull({ type: 'string' }),
		dimension: orNull({ type: 'string' }),
		depth_m: { ...orNull({ type: 'number' }), description: 'Überdeckung bis zum Scheitel, Meter.' },
		depth_source: orNull(ref('DepthSource')),
		pressure_level: orNull({ type: 'string' }),
		voltage_level: orNull({ type: 'string' }),
		ducts_total: orNull({ type: 'integer' }),
		ducts_free: orNull({ type: 'integer' }),
		accuracy_cm: { ...orNull({ type: 'number' }), description: `Lagegenauigkeit, cm; über ${UNCERTAIN_ACCURACY_CM} cm „Lage unsicher“.` }
	})
};

export const auskuenfte: ApiPart = {
	tags: [
		{
			name: TAG,
			description:
				'Baufirmen, Planungsbüros, Netzbetreiber und Kommunen (verifizierte Organisationen) zeichnen ihren Arbeitsbereich und bekommen eine ' +
				'gestempelte Antwort aller Netzbetreiber. Nur die eigene Organisation sieht ihre Auskünfte; Leitungsgeometrie nur, solange die Auskunft gilt.'
		}
	],
	parameters: {
		AuskunftId: { name: 'id', in: 'path', required: true, description: 'Kennung der Auskunft.', schema: uuid }
	},
	schemas: {
		GeoJsonPolygon: object({ type: { type: 'string', const: 'Polygon' }, coordinates: { type: 'array', items: ring, minItems: 1 } }),
		GeoJsonMultiPolygon: object({ type: { type: 'string', const: 'MultiPolygon' }, coordinates: { type: 'array', items: { type: 'array', items: ring, minItems: 1 }, minItems: 1 } }),
		Site: {
			type: 'object',
			description: 'Angaben zur Baustelle für das Formblatt; Texte werden nach 200 Zeichen abgeschnitten.',
			properties: fields<Site>({
				bauherr: text(200),
				firma: text(200),
				bauleiter: text(200),
				mobil: text(200),
				strasse: text(200),
				hausnummer: text(200),
				gemarkung: text(200),
				flurstueck: text(200),
				verfahren: text(200),
				tiefeM: { type: ['number', 'string', 'null'], minimum: 0, maximum: 50, description: 'Aushubtiefe in Metern (0–50).' }
			})
		},
		AuskunftRequest: {
			type: 'object',
			required: ['type', 'geometry', 'workClass', 'period', 'description'],
			properties: fields<AuskunftInput>({
				type: ref('AuskunftType'),
				geometry: {
					oneOf: [ref('GeoJsonPolygon'), ref('GeoJsonMultiPolygon')],
					description: 'Arbeitsbereich in EPSG:4326 (RFC 7946), gültig (ohne Selbstüberschneidung) und höchstens so groß, wie die Art erlaubt.'
				},
				workClass: ref('WorkClass'),
				period: object({ start: { ...date, description: 'Baubeginn.' }, end: { ...date, description: 'Bauende; nicht vor dem Beginn und nicht in der Vergangenheit.' } }),
				description: { type: 'string', minLength: 3, maxLength: 2000, description: 'Die Arbeiten, z. B. „Hausanschluss Wasser, Aufgrabung Gehweg“.' },
				reference: { ...orNull(text(100)), description: 'Eigenes Zeichen (Aktenzeichen, Bauvorhaben).' },
				site: ref('Site')
			})
		},
		OperatorResult: object(
			fields<AuskunftJson['operators'][number]>({
				id: { ...uuid, description: 'Organisation des Betreibers.' },
				name: { type: 'string' },
				networks: { type: 'array', items: ref('Network') },
				status: ref('OperatorStatus'),
				validUntil: { ...orNull(date), description: 'Gültig bis; `null`, solange die Antwort aussteht.' },
				featureCount: { ...integer(), description: 'Objekte im Suchbereich; 0, wenn nicht betroffen.' },
				lengthM: { type: 'number', minimum: 0, description: 'Leitungslänge im Suchbereich, Meter.' },
				einweisungErforderlich: { type: 'boolean', description: 'Vor Ort ist eine Einweisung durch den Betreiber nötig.' },
				zustimmungErforderlich: { type: 'boolean', description: 'Die Arbeiten brauchen die Zustimmung des Betreibers.' }
			}),
			{ description: 'Die Antwort eines Netzbetreibers.' }
		),
		ExternalOperator: object(
			fields<AuskunftJson['externalOperators'][number]>({ name: { type: 'string' }, networks: { type: 'array', items: { type: 'string' } }, contact: { type: 'string' } }),
			{ description: 'Ein Betreiber, der nicht auf der Plattform antwortet und gesondert anzufragen ist.' }
		),
		LayerVersionUse: object(
			fields<AuskunftJson['layerVersions'][number]>({
				layer: { type: 'string' },
				layerId: uuid,
				operator: { type: 'string' },
				sha256,
				bufferM: { type: 'number', description: 'Suchabstand, Meter.' }
			}),
			{ description: 'Welche Layer-Version mit welchem Suchabstand geprüft wurde.' }
		),
		AuskunftDocument: object(
			fields<AuskunftJson['documents'][number]>({
				version: integer(1),
				sha256: { ...sha256, description: 'SHA-256 des PDFs (zur Echtheitsprüfung).' },
				issuedAt: dateTime,
				pdf: { type: 'string', format: 'uri' }
			}),
			{ description: 'Eine ausgestellte PDF-Fassung.' }
		),
		Auskunft: object(
			fields<AuskunftJson>({
				id: uuid,
				number: { type: 'string', pattern: '^LA-\\d{4}-\\d{6}$', description: 'Auskunftsnummer, z. B. `LA-2026-000123`.' },
				type: ref('AuskunftType'),
				workClass: ref('WorkClass'),
				status: ref('AuskunftStatus'),
				validUntil: { ...date, description: 'Gültig bis (früheste Gültigkeit der Betreiber).' },
				issuedAt: dateTime,
				areaM2: { type: 'number', minimum: 0, description: 'Gezeichnete Fläche, m².' },
				period: object({ start: date, end: date }),
				description: { type: 'string' },
				reference: orNull({ type: 'string' }),
				operators: { type: 'array', items: ref('OperatorResult') },
				externalOperators: { type: 'array', items: ref('ExternalOperator') },
				externalOperatorsNote: { type: 'string' },
				layerVersions: { type: 'array', items: ref('LayerVersionUse') },
				documents: { type: 'array', items: ref('AuskunftDocument') },
				documentVersion: orNull(integer(1)),
				links: object(fields<AuskunftJson['links']>({
					self: { type: 'string', format: 'uri' },
					pdf: { type: 'string', format: 'uri' },
					geojson: { type: 'string', format: 'uri' },
					dxf: { type: 'string', format: 'uri' },
					verify: { type: 'string', format: 'uri', description: 'Öffentliche Echtheitsprüfung (HTML).' }
				}))
			}),
			{ description: 'Eine Leitungsauskunft (ohne Leitungsgeometrie).' }
		),
		AuskunftList: object({
			items: { type: 'array', items: ref('Auskunft'), description: 'Neueste zuerst.' },
			total: integer(),
			limit: integer(1),
			offset: integer(),
			next: { ...orNull({ type: 'string', format: 'uri' }), description: 'Die nächste Seite; `null` auf der letzten.' }
		}),
		NetworkFeature: object(
			{
				type: { type: 'string', const: 'Feature' },
				geometry: object({
					type: { type: 'string', enum: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] },
					coordinates: { type: 'array', description: 'EPSG:4326, [Länge, Breite], auf 8 Nachkommastellen.' }
				}),
				properties: {
					type: 'object',
					required: ['operator', 'layer', 'lengthM', ...REQUIRED_PROPERTIES],
					additionalProperties: true,
					properties: featureProperties
				}
			},
			{ description: 'Ein auf den Suchbereich zugeschnittenes Leitungsobjekt.' }
		),
		AuskunftFeatures: object(
			{
				type: { type: 'string', const: 'FeatureCollection' },
				name: { type: 'string', description: 'Auskunftsnummer.' },
				validUntil: date,
				features: { type: 'array', items: ref('NetworkFeature') }
			},
			{ description: 'Die Leitungen der betroffenen Betreiber, zugeschnitten, RFC 7946.' }
		)
	},
	paths: {
		'/api/v1/auskuenfte': {
			post: {
				operationId: 'createAuskunft',
				tags: [TAG],
				summary: 'Leitungsauskunft anfordern',
				description:
					'Prüft den Arbeitsbereich gegen die aktiven Layer aller Betreiber, speichert die Antworten und stellt das gestempelte PDF (Fassung 1) aus. ' +
					'Mit `Idempotency-Key` liefert eine Wiederholung dieselbe Auskunft statt einer zweiten. Je Person sind die Auskünfte pro Stunde begrenzt (429).',
				security: signedIn,
				parameters: [
					{
						name: 'Idempotency-Key',
						in: 'header',
						required: false,
						description: 'Frei gewählter Schlüssel je Anfrage (bis 200 Zeichen); dieselbe Organisation mit demselben Schlüssel bekommt die schon erstellte Auskunft zurück.',
						schema: { type: 'string', maxLength: 200 }
					}
				],
				requestBody: { required: true, content: json(ref('AuskunftRequest')) },
				responses: {
					'201': { description: 'Erstellt (oder, bei bekanntem `Idempotency-Key`, die schon erstellte).', content: json(ref('Auskunft')) },
					...errors(400, 401, 403, 413, 415, 429),
					'422': {
						description: 'Eingaben ungültig (`validation`), Arbeitsbereich ungültig oder zu groß (`area_too_large`); je Feld ein Eintrag.',
						content: json(ref('ValidationError'))
					}
				}
			},
			get: {
				operationId: 'listAuskuenfte',
				tags: [TAG],
				summary: 'Eigene Auskünfte auflisten',
				description: 'Die Auskünfte der eigenen Organisation, neueste zuerst, seitenweise.',
				security: signedIn,
				parameters: [
					{ name: 'limit', in: 'query', description: 'Einträge je Seite.', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
					{ name: 'offset', in: 'query', description: 'Übersprungene Einträge.', schema: { type: 'integer', minimum: 0, default: 0 } }
				],
				responses: { '200': { description: 'Eine Seite.', content: json(ref('AuskunftList')) }, ...errors(401, 403) }
			}
		},
		[auskunftPath()]: {
			parameters: [parameterRef('AuskunftId')],
			get: {
				operationId: 'getAuskunft',
				tags: [TAG],
				summary: 'Eine Auskunft',
				description: 'Eine Auskunft der eigenen Organisation; die einer anderen ist 404.',
				security: signedIn,
				responses: { '200': { description: 'Die Auskunft.', content: json(ref('Auskunft')) }, ...errors(401, 403, 404) }
			}
		},
		[auskunftPath('/pdf')]: {
			parameters: [parameterRef('AuskunftId')],
			get: {
				operationId: 'getAuskunftPdf',
				tags: [TAG],
				summary: 'Gestempeltes PDF',
				description: 'Die neueste PDF-Fassung oder mit `?version=n` eine bestimmte. Bleibt auch nach Ablauf abrufbar — als Nachweis.',
				security: signedIn,
				parameters: [{ name: 'version', in: 'query', description: 'Fassung (ab 1); ohne: die neueste.', schema: { type: 'integer', minimum: 1 } }],
				responses: {
					'200': {
						description: 'Das PDF (als Anhang).',
						headers: {
							'X-Document-SHA256': { description: 'SHA-256 des PDFs, wie in `GET /api/v1/verify/{number}?sha256=` prüfbar.', schema: sha256 }
						},
						content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } }
					},
					...errors(401, 403, 404)
				}
			}
		},
		[auskunftPath('/features.geojson')]: {
			parameters: [parameterRef('AuskunftId')],
			get: {
				operationId: 'getAuskunftGeoJson',
				tags: [TAG],
				summary: 'Leitungen als GeoJSON',
				description: 'Die zugeschnittenen Objekte der betroffenen Betreiber in EPSG:4326 — nur für die eigene Organisation und nur, solange die Auskunft gilt.',
				security: signedIn,
				responses: {
					'200': { description: 'FeatureCollection (als Anhang).', content: { 'application/geo+json': { schema: ref('AuskunftFeatures') } } },
					...errors(401, 403, 404, 410)
				}
			}
		},
		[auskunftPath('/features.dxf')]: {
			parameters: [parameterRef('AuskunftId')],
			get: {
				operationId: 'getAuskunftDxf',
				tags: [TAG],
				summary: 'Leitungen als DXF',
				description: 'Die zugeschnittenen Objekte und der Arbeitsbereich als DXF in EPSG:25832, Layer je Netz und Zustand — solange die Auskunft gilt.',
				security: signedIn,
				responses: {
					'200': { description: 'DXF (als Anhang).', content: { 'application/dxf': { schema: { type: 'string', contentMediaType: 'application/dxf' } } } },
					...errors(401, 403, 404, 410)
				}
			}
		}
	}
};
