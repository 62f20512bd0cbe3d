/**
 * @module openapi/renewal
 * Renewing an Auskunft (routes/api/v1/auskuenfte/[id]/renew): the same number checked again against
 * the current data, with what changed (auskunft/renew-diff.ts).
 */
import type { RenewalDiff } from '../auskunft/renew-diff';
import { date, errors, fields, integer, object, orNull, parameterRef, ref, sha256, signedIn, uuid, json } from './common';
import { AUSKUNFT_TAG } from './auskuenfte';
import type { ApiPart, Schema } from './types';

const list = (items: Schema, description: string): Schema => ({ type: 'array', items, description });
const operatorChange = object(fields<RenewalDiff['operatorsAdded'][number]>({ id: uuid, name: { type: 'string' }, status: ref('OperatorStatus') }));

export const renewal: ApiPart = {
	tags: [],
	schemas: {
		FeatureDelta: object(
			fields<RenewalDiff['featuresAdded'][number]>({
				id: { ...uuid, description: 'Organisation des Betreibers.' },
				name: { type: 'string' },
				count: integer(1),
				sourceIds: { type: 'array', items: { type: 'string' }, description: 'Die `source_id` der Objekte (höchstens 200; `count` ist immer vollständig).' }
			}),
			{ description: 'Geänderte Objekte eines Betreibers.' }
		),
		RenewalDiff: object(
			fields<RenewalDiff>({
				validUntil: object(fields<RenewalDiff['validUntil']>({ from: date, to: date })),
				operatorsAdded: list(operatorChange, 'Neu betroffene oder neu zuständige Betreiber.'),
				operatorsRemoved: list(operatorChange, 'Nicht mehr zuständige Betreiber.'),
				statusChanged: list(
					object(fields<RenewalDiff['statusChanged'][number]>({ id: uuid, name: { type: 'string' }, from: ref('OperatorStatus'), to: ref('OperatorStatus') })),
					'Betreiber mit geänderter Antwort.'
				),
				layerVersionsChanged: list(
					object(
						fields<RenewalDiff['layerVersionsChanged'][number]>({
							layerId: uuid,
							layer: { type: 'string' },
							operator: { type: 'string' },
							from: { ...orNull(sha256), description: 'SHA-256 der bisher geprüften Version; `null`: Layer neu geprüft.' },
							to: { ...orNull(sha256), description: 'SHA-256 der nun geprüften Version; `null`: Layer nicht mehr geprüft.' }
						})
					),
					'Layer, deren geprüfte Version sich geändert hat.'
				),
				featuresAdded: list(ref('FeatureDelta'), 'Hinzugekommene Objekte je Betreiber (nur freigegebene Pläne).'),
				featuresRemoved: list(ref('FeatureDelta'), 'Entfallene Objekte je Betreiber.'),
				featuresChanged: list(ref('FeatureDelta'), 'Geänderte Objekte (Lage oder Attribute) je Betreiber.')
			}),
			{ description: 'Was die Verlängerung gegenüber der bisherigen Gültigkeit geändert hat.' }
		),
		RenewedAuskunft: {
			description: 'Die verlängerte Auskunft (wie `Auskunft`) mit `diff`.',
			allOf: [ref('Auskunft'), { type: 'object', required: ['diff'], properties: { diff: ref('RenewalDiff') } }]
		}
	},
	paths: {
		'/api/v1/auskuenfte/{id}/renew': {
			parameters: [parameterRef('AuskunftId')],
			post: {
				operationId: 'renewAuskunft',
				tags: [AUSKUNFT_TAG],
				summary: 'Auskunft verlängern',
				description:
					'Prüft die eigene Auskunft erneut gegen die aktuellen Layer und Betreiber: neue Gültigkeit unter derselben Nummer, neue PDF-Fassung, ' +
					'und `diff` gegenüber der bisherigen. Zählt wie eine neue Auskunft gegen das Stundenlimit (429).',
				security: signedIn,
				responses: {
					'200': { description: 'Verlängert.', content: json(ref('RenewedAuskunft')) },
					...errors(401, 403, 404, 429)
				}
			}
		}
	}
};
