/**
 * @module openapi/layers
 * Tag "Netze": an operator's network layers and their versions (routes/api/v1/layers/**), in the
 * shapes of layers/present.ts and the upload report of layers/ingest.
 */
import type { layerJson, versionJson } from '../layers/present';
import type { LayerListItem } from '../layers/repo';
import type { IngestReport } from '../layers/ingest';
import type { AttributeMapping } from '../layers/ingest/mapping';
import type { Finding } from '../layers/ingest/validate';
import { dateTime, errorBody, errors, fields, fieldsBody, integer, json, object, orNull, parameterRef, ref, sha256, signedIn, uuid } from './common';
import { CRS_LIST, CRS_PATTERN } from './enums';
import type { ApiPart, Schema } from './types';

type LayerJson = ReturnType<typeof layerJson>;
type VersionJson = ReturnType<typeof versionJson>;

const TAG = 'Netze';

const extent: Schema = {
	type: 'array',
	prefixItems: [{ type: 'number' }, { type: 'number' }, { type: 'number' }, { type: 'number' }],
	minItems: 4,
	maxItems: 4,
	description: '[minX, minY, maxX, maxY] in EPSG:25832 (Meter).'
};

const fieldMap = (values: Schema, description: string): Schema => ({
	type: 'object',
	propertyNames: ref('SchemaField'),
	additionalProperties: values,
	description
});

const requestBufferM: Schema = {
	type: ['number', 'string', 'null'],
	minimum: 0,
	maximum: 500,
	description: 'Größerer Suchabstand als die Arbeitsklasse verlangt, in Metern (0–500), z. B. 50 für Gas-Hochdruck. Als Formularfeld eine Zahl als Text (Komma erlaubt).'
};

/** What every layer answer has; the list adds `versionCount` and `activeVersion`. */
const layerProperties = fields<Omit<LayerJson, 'versionCount' | 'activeVersion'>>({
	id: uuid,
	name: { type: 'string' },
	network: ref('Network'),
	requestBufferM: orNull({ type: 'number' }),
	activeVersionId: { ...orNull(uuid), description: 'Die aktive Version; `null`, solange keine hochgeladen oder aktiviert ist.' },
	mapping: ref('AttributeMapping'),
	createdAt: dateTime
});

export const layers: ApiPart = {
	tags: [
		{
			name: TAG,
			description:
				'Netzbetreiber (verifizierte Organisationen mit Rolle `netzbetreiber`) verwalten ihre Layer — je ein Netz — und laden Versionen hoch. ' +
				'Jede Version ist unveränderlich; Aktivieren und Zurückrollen sind je eine Transaktion. Fremde Layer sind 404.'
		}
	],
	parameters: {
		LayerId: { name: 'id', in: 'path', required: true, description: 'Kennung des Layers.', schema: uuid },
		VersionId: { name: 'versionId', in: 'path', required: true, description: 'Kennung der Version.', schema: uuid }
	},
	schemas: {
		AttributeMapping: {
			type: 'object',
			description: 'Zuordnung der Attribute einer Datei auf das einheitliche Schema; je Layer gespeichert und beim nächsten Upload wiederverwendet.',
			properties: fields<AttributeMapping>({
				fields: fieldMap({ type: 'string' }, 'Schemafeld ← Name des Quellfelds.'),
				constants: fieldMap({ type: ['string', 'number'] }, 'Schemafeld ← fester Wert für alle Objekte (z. B. `kind`).'),
				valueMaps: fieldMap({ type: 'object', additionalProperties: { type: 'string' } }, 'Schemafeld → { Quellwert → Schemawert }.')
			})
		},
		LayerCreate: {
			type: 'object',
			required: ['name', 'network'],
			properties: {
				name: { type: 'string', minLength: 3, maxLength: 120, description: 'Eindeutig in der Organisation, z. B. „Wasser Versorgungsleitungen“.' },
				network: ref('Network'),
				requestBufferM
			}
		},
		LayerUpdate: {
			type: 'object',
			description: 'Nur die gesendeten Felder ändern sich.',
			properties: {
				name: { type: 'string', minLength: 3, maxLength: 120 },
				requestBufferM: {
					...requestBufferM,
					description: `${requestBufferM.description} Leerer Text oder \`"null"\` entfernt den Puffer; JSON-\`null\` wird ignoriert.`
				},
				mapping: { anyOf: [ref('AttributeMapping'), { type: 'string', contentMediaType: 'application/json' }], description: 'Als Objekt oder als JSON-Text.' }
			}
		},
		Layer: object(layerProperties, { description: 'Ein Layer (ein Netz eines Betreibers).' }),
		LayerListItem: object(
			fields<LayerJson>({
				...layerProperties,
				versionCount: integer(),
				activeVersion: orNull(
					object(fields<NonNullable<LayerListItem['activeVersion']>>({ id: uuid, versionNo: integer(1), featureCount: integer(), createdAt: dateTime, sha256 }))
				)
			}),
			{ description: 'Ein Layer in der Liste, mit seiner aktiven Version.' }
		),
		LayerList: object({ items: { type: 'array', items: ref('LayerListItem'), description: 'Nach Netz und Name sortiert.' } }),
		LayerDetail: object(
			{ ...layerProperties, versions: { type: 'array', items: ref('LayerVersion'), description: 'Neueste zuerst.' } },
			{ description: 'Ein Layer mit allen Versionen.' }
		),
		LayerVersion: object(
			fields<VersionJson>({
				id: uuid,
				versionNo: integer(1),
				active: { type: 'boolean' },
				sha256: { ...sha256, description: 'SHA-256 der hochgeladenen Datei.' },
				fileName: { type: 'string' },
				sourceFormat: { type: 'string', description: 'Von GDAL erkanntes Format, z. B. `GeoJSON`, `ESRI Shapefile`, `GPKG`.' },
				sourceCrs: { type: 'string', pattern: '^EPSG:\\d+$', description: 'Koordinatensystem der Datei.' },
				featureCount: integer(),
				extent,
				warningCount: integer(),
				uploadedAt: dateTime,
				diff: { ...orNull(ref('LayerDiff')), description: 'Änderungen gegenüber der beim Upload aktiven Version; `null` bei der ersten.' }
			}),
			{ description: 'Eine unveränderliche Version eines Layers.' }
		),
		LayerDiff: object(fields<NonNullable<VersionJson['diff']>>({
			againstVersionId: orNull(uuid),
			added: integer(),
			removed: integer(),
			changed: integer(),
			unchanged: integer(),
			examples: object(
				fields<NonNullable<VersionJson['diff']>['examples']>({
					added: { type: 'array', items: { type: 'string' } },
					removed: { type: 'array', items: { type: 'string' } },
					changed: { type: 'array', items: { type: 'string' } }
				}),
				{ description: 'Die ersten 20 `source_id` je Art.' }
			)
		})),
		Finding: object(
			fields<Finding>({
				severity: ref('FindingSeverity'),
				code: { type: 'string' },
				feature: { type: 'string', description: 'Wo: „Objekt 17 (source_id W-1)“ oder „Datei“.' },
				message: { type: 'string' }
			}),
			{ description: 'Ein Befund der Prüfung einer Datei.' }
		),
		IngestReport: object(
			fields<IngestReport>({
				ok: { type: 'boolean' },
				format: orNull({ type: 'string' }),
				sourceCrs: orNull({ type: 'integer' }),
				sourceFields: { type: 'array', items: { type: 'string' } },
				featureCount: integer(),
				errorCount: integer(),
				warningCount: integer(),
				findings: { type: 'array', items: ref('Finding') },
				extent: orNull(extent)
			}),
			{ description: 'Prüfbericht eines Uploads.' }
		),
		VersionUpload: {
			type: 'object',
			required: ['file'],
			properties: {
				file: {
					type: 'string',
					contentMediaType: 'application/octet-stream',
					description: 'GeoJSON, Shapefile (als ZIP), GeoPackage, DXF, FlatGeobuf oder GML. Erkannt am Inhalt, nicht am Namen.'
				},
				crs: { type: 'string', pattern: CRS_PATTERN, description: `Koordinatensystem, überschreibt das der Datei. Erlaubt:\n${CRS_LIST}` },
				mapping: { type: 'string', contentMediaType: 'application/json', description: 'Attributzuordnung als JSON (siehe `AttributeMapping`); wird für den nächsten Upload gespeichert.' },
				activate: { type: 'string', enum: ['true', 'false'], default: 'true', description: '`false`: nur prüfen und speichern, nicht aktivieren.' }
			}
		},
		VersionUploaded: object({ version: ref('LayerVersion'), activated: { type: 'boolean' }, report: ref('IngestReport') }, { description: 'Die neue Version mit Prüfbericht.' }),
		UploadProblem: {
			type: 'object',
			required: ['feature', 'message'],
			properties: { feature: { type: 'string' }, message: { type: 'string' }, severity: ref('FindingSeverity'), code: { type: 'string' } }
		},
		UploadError: errorBody(
			ref('UploadProblem'),
			'Fehlerantwort eines abgelehnten Uploads (`invalid_data`, `no_file`, `invalid_crs`, `invalid_mapping`): jeder Befund in `details`.'
		),
		DuplicateVersionError: errorBody(
			object({ versionId: uuid, versionNo: integer(1) }),
			'Diese Datei (gleicher SHA-256) ist schon als Version gespeichert (`duplicate_version`).'
		)
	},
	paths: {
		'/api/v1/layers': {
			get: {
				operationId: 'listLayers',
				tags: [TAG],
				summary: 'Eigene Layer auflisten',
				security: signedIn,
				responses: { '200': { description: 'Die Layer der eigenen Organisation.', content: json(ref('LayerList')) }, ...errors(401, 403) }
			},
			post: {
				operationId: 'createLayer',
				tags: [TAG],
				summary: 'Layer anlegen',
				description: 'Legt einen leeren Layer an; Daten kommen mit `POST /api/v1/layers/{id}/versions`. Felder als JSON oder Formular.',
				security: signedIn,
				requestBody: { required: true, content: fieldsBody(ref('LayerCreate')) },
				responses: { '201': { description: 'Angelegt.', content: json(ref('Layer')) }, ...errors(400, 401, 403, 413, 415, [422, 'ValidationFailed']) }
			}
		},
		'/api/v1/layers/{id}': {
			parameters: [parameterRef('LayerId')],
			get: {
				operationId: 'getLayer',
				tags: [TAG],
				summary: 'Layer mit Versionen',
				security: signedIn,
				responses: { '200': { description: 'Der Layer.', content: json(ref('LayerDetail')) }, ...errors(401, 403, 404) }
			},
			patch: {
				operationId: 'updateLayer',
				tags: [TAG],
				summary: 'Name, Anfragepuffer oder Attributzuordnung ändern',
				security: signedIn,
				requestBody: { required: true, content: fieldsBody(ref('LayerUpdate')) },
				responses: { '200': { description: 'Der geänderte Layer.', content: json(ref('Layer')) }, ...errors(400, 401, 403, 404, 413, 415, [422, 'ValidationFailed']) }
			}
		},
		'/api/v1/layers/{id}/versions': {
			parameters: [parameterRef('LayerId')],
			post: {
				operationId: 'uploadLayerVersion',
				tags: [TAG],
				summary: 'Neue Version hochladen',
				description:
					'Multipart-Upload im Feld `file`, z. B. `curl -H "Authorization: Bearer $TOKEN" -F file=@netz.zip -F crs=EPSG:25833 …/versions`. ' +
					'Geht ohne Origin-Header. Die Datei wird geprüft, nach EPSG:25832 umgerechnet, auf das Attributschema abgebildet und als indizierte ' +
					'FlatGeobuf gespeichert. Bei Fehlern 422 mit jedem Befund — es ändert sich nichts; Warnungen stehen im Bericht.',
				security: signedIn,
				requestBody: {
					required: true,
					content: { 'multipart/form-data': { schema: ref('VersionUpload'), encoding: { file: { contentType: 'application/octet-stream' } } } }
				},
				responses: {
					'201': { description: 'Gespeichert (und, wenn nicht `activate=false`, aktiviert).', content: json(ref('VersionUploaded')) },
					...errors(400, 401, 403, 404, 413, 415),
					'409': { description: 'Diese Datei ist schon gespeichert.', content: json(ref('DuplicateVersionError')) },
					'422': { description: 'Die Datei wurde abgelehnt; die bisherige Version bleibt aktiv.', content: json(ref('UploadError')) }
				}
			}
		},
		'/api/v1/layers/{id}/versions/{versionId}/activate': {
			parameters: [parameterRef('LayerId'), parameterRef('VersionId')],
			post: {
				operationId: 'activateLayerVersion',
				tags: [TAG],
				summary: 'Version aktivieren (auch: zurückrollen)',
				description: 'Macht diese Version zur aktiven; eine ältere zu aktivieren ist das Zurückrollen. Schon aktiv: nichts ändert sich.',
				security: signedIn,
				responses: { '200': { description: 'Die nun aktive Version.', content: json(ref('LayerVersion')) }, ...errors(401, 403, 404) }
			}
		}
	}
};
