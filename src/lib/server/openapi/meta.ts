/**
 * @module openapi/meta
 * Tag "Schnittstelle": this description itself (routes/api/v1/openapi.json).
 */
import { errors, json, publicAccess } from './common';
import type { ApiPart } from './types';

const TAG = 'Schnittstelle';

export const meta: ApiPart = {
	tags: [{ name: TAG, description: 'Die Beschreibung dieser Schnittstelle.' }],
	schemas: {},
	paths: {
		'/api/v1/openapi.json': {
			get: {
				operationId: 'getOpenApi',
				tags: [TAG],
				summary: 'OpenAPI-Beschreibung',
				description: 'Dieses Dokument (OpenAPI 3.1). Öffentlich und cachebar; `If-None-Match` mit dem `ETag` ergibt 304.',
				security: publicAccess,
				responses: {
					'200': {
						description: 'Das OpenAPI-Dokument.',
						headers: { ETag: { description: 'Kennung dieses Stands.', schema: { type: 'string' } } },
						content: json({ type: 'object', required: ['openapi', 'info', 'paths'], description: 'OpenAPI 3.1, https://spec.openapis.org/oas/v3.1' })
					},
					'304': { description: 'Unverändert seit dem gesendeten `ETag`.' },
					...errors()
				}
			}
		}
	}
};
