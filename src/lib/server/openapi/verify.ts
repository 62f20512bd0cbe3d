/**
 * @module openapi/verify
 * Tag "Echtheitsprüfung": is this PDF an Auskunft we issued? (routes/api/v1/verify/[number],
 * auskunft/verify.ts). Public, and says nothing about lines.
 */
import type { VerifyResult } from '../auskunft/verify';
import { date, dateTime, errors, fields, integer, json, object, orNull, publicAccess, ref } from './common';
import type { ApiPart } from './types';

const TAG = 'Echtheitsprüfung';

export const verify: ApiPart = {
	tags: [{ name: TAG, description: 'Öffentlich: Prüft eine ausgedruckte oder weitergegebene Auskunft anhand von Nummer und PDF-Hash.' }],
	schemas: {
		VerificationResult: object(
			fields<VerifyResult>({
				number: { type: 'string', description: 'Auskunftsnummer.' },
				authentic: { type: 'boolean', description: 'Der SHA-256 gehört zu einer ausgestellten Fassung dieser Auskunft.' },
				version: { ...orNull(integer(1)), description: 'Die passende Fassung; `null`, wenn keine passt.' },
				issuedAt: { ...orNull(dateTime), description: 'Ausstellung der passenden Fassung.' },
				validUntil: date,
				org: { type: 'string', description: 'Die anfragende Organisation.' },
				latestVersion: { ...integer(1), description: 'Die neueste Fassung — ist sie neuer als `version`, gilt die ältere nicht mehr allein.' }
			}),
			{ description: 'Ergebnis der Echtheitsprüfung.' }
		)
	},
	paths: {
		'/api/v1/verify/{number}': {
			get: {
				operationId: 'verifyAuskunft',
				tags: [TAG],
				summary: 'Auskunft auf Echtheit prüfen',
				description:
					'Echt, wenn der SHA-256 des PDFs zu irgendeiner ausgestellten Fassung der Nummer passt. Ohne `sha256` ist `authentic` immer `false`. ' +
					'Unbekannte Nummer: 404.',
				security: publicAccess,
				parameters: [
					{
						name: 'number',
						in: 'path',
						required: true,
						description: 'Auskunftsnummer (Groß-/Kleinschreibung egal).',
						schema: { type: 'string' },
						example: 'LA-2026-000123'
					},
					{ name: 'sha256', in: 'query', description: 'SHA-256 des PDFs, hexadezimal.', schema: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' } }
				],
				responses: { '200': { description: 'Das Prüfergebnis.', content: json(ref('VerificationResult')) }, ...errors(404) }
			}
		}
	}
};
