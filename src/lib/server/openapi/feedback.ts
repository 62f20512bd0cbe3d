/**
 * @module openapi/feedback
 * Tag "Rückmeldungen": what the site showed, reported on a valid Auskunft to one of its operators
 * (routes/api/v1/auskuenfte/[id]/rueckmeldungen, auskunft/feedback.ts and feedback-input.ts).
 */
import type { feedbackJson } from '../auskunft/feedback';
import { FEEDBACK_PHOTO_MAX_BYTES } from '../auskunft/feedback';
import { formatBytes } from '../http/api';
import { dateTime, errors, fields, json, object, orNull, parameterRef, ref, signedIn, uuid } from './common';
import type { ApiPart, Schema } from './types';

const TAG = 'Rückmeldungen';

const feedbackFields = {
	operatorId: { ...uuid, description: 'Der Betreiber aus `operators` der Auskunft, dessen Leitung es betrifft.' },
	kind: ref('FeedbackKind'),
	deviationM: {
		type: ['number', 'string'],
		exclusiveMinimum: 0,
		maximum: 100,
		description: 'Abweichung in Metern (über 0 bis 100); Pflicht bei `lageabweichung`. Als Formularfeld Text, Komma erlaubt.'
	},
	comment: { type: 'string', maxLength: 2000 }
} satisfies Record<string, Schema>;

const photoNote = `JPEG, PNG oder WebP (am Inhalt erkannt), höchstens ${formatBytes(FEEDBACK_PHOTO_MAX_BYTES)}.`;

export const feedback: ApiPart = {
	tags: [{ name: TAG, description: 'Rückmeldungen von der Baustelle an den zuständigen Betreiber: Leitung nicht vorgefunden, unbekannte Leitung, Lageabweichung.' }],
	schemas: {
		FeedbackRequest: {
			type: 'object',
			required: ['operatorId', 'kind'],
			properties: {
				...feedbackFields,
				photo: {
					type: 'object',
					required: ['data'],
					description: `Foto, Base64-kodiert. ${photoNote}`,
					properties: { name: { type: 'string' }, data: { type: 'string', contentEncoding: 'base64' } }
				}
			}
		},
		FeedbackForm: {
			type: 'object',
			required: ['operatorId', 'kind'],
			properties: {
				...feedbackFields,
				photo: { type: 'string', contentMediaType: 'application/octet-stream', description: `Foto als Datei. ${photoNote}` }
			}
		},
		Feedback: object(
			fields<ReturnType<typeof feedbackJson>>({
				id: uuid,
				auskunftId: uuid,
				number: { type: 'string', description: 'Auskunftsnummer.' },
				operator: object({ id: uuid, name: { type: 'string' } }),
				kind: ref('FeedbackKind'),
				kindLabel: { type: 'string' },
				deviationM: orNull({ type: 'number' }),
				comment: { type: 'string' },
				photo: { type: 'boolean', description: 'Ein Foto liegt bei.' },
				createdAt: dateTime
			}),
			{ description: 'Eine Rückmeldung der eigenen Organisation.' }
		),
		FeedbackList: object({ items: { type: 'array', items: ref('Feedback') } })
	},
	paths: {
		'/api/v1/auskuenfte/{id}/rueckmeldungen': {
			parameters: [parameterRef('AuskunftId')],
			post: {
				operationId: 'createFeedback',
				tags: [TAG],
				summary: 'Rückmeldung von der Baustelle senden',
				description: 'Zu einer eigenen, gültigen Auskunft, an einen ihrer Betreiber. Als JSON (Foto Base64) oder multipart (Foto als Datei im Feld `photo`).',
				security: signedIn,
				requestBody: {
					required: true,
					content: {
						'application/json': { schema: ref('FeedbackRequest') },
						'multipart/form-data': { schema: ref('FeedbackForm'), encoding: { photo: { contentType: 'image/jpeg, image/png, image/webp' } } }
					}
				},
				responses: {
					'201': { description: 'Gespeichert und dem Betreiber zugestellt.', content: json(ref('Feedback')) },
					...errors(400, 401, 403, 404, 409, 413, 415, [422, 'ValidationFailed'])
				}
			},
			get: {
				operationId: 'listFeedback',
				tags: [TAG],
				summary: 'Rückmeldungen zu einer Auskunft',
				description: 'Die Rückmeldungen der eigenen Organisation zu dieser Auskunft.',
				security: signedIn,
				responses: { '200': { description: 'Die Rückmeldungen.', content: json(ref('FeedbackList')) }, ...errors(401, 403, 404) }
			}
		}
	}
};
