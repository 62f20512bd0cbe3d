/**
 * @module openapi/orgs
 * Tag "Organisation": the caller's own organisation (routes/api/v1/orgs/[id]) and the platform admin's
 * verification of an organisation (routes/api/v1/admin/orgs/[id]/verify).
 */
import { dateTime, errors, json, object, orNull, parameterRef, ref, signedIn, uuid } from './common';
import type { ApiPart } from './types';

const TAG = 'Organisation';

export const orgs: ApiPart = {
	tags: [{ name: TAG, description: 'Die eigene Organisation; Prüfung neuer Organisationen durch den Plattformbetrieb.' }],
	parameters: {
		OrgId: { name: 'id', in: 'path', required: true, description: 'Kennung der Organisation.', schema: uuid }
	},
	schemas: {
		Organisation: object(
			{
				id: uuid,
				name: { type: 'string' },
				roles: { type: 'array', items: ref('OrgRole') },
				verified: { type: 'boolean' },
				verifiedAt: orNull(dateTime),
				members: {
					type: 'array',
					description: 'Aktive Mitglieder (offene Beitrittsanfragen nicht).',
					items: object({ id: uuid, name: { type: 'string' }, role: ref('MembershipRole') })
				}
			},
			{ description: 'Eine Organisation mit ihren Mitgliedern.' }
		),
		OrgVerified: object(
			{ id: uuid, name: { type: 'string' }, verified: { type: 'boolean', const: true }, verifiedAt: dateTime },
			{ description: 'Die geprüfte Organisation.' }
		)
	},
	paths: {
		'/api/v1/orgs/{id}': {
			parameters: [parameterRef('OrgId')],
			get: {
				operationId: 'getOrg',
				tags: [TAG],
				summary: 'Eigene Organisation',
				description: 'Die eigene Organisation mit Mitgliedern. Jede andere Kennung ist 404, auch wenn es die Organisation gibt.',
				security: signedIn,
				responses: { '200': { description: 'Die Organisation.', content: json(ref('Organisation')) }, ...errors(401, 403, 404) }
			}
		},
		'/api/v1/admin/orgs/{id}/verify': {
			parameters: [parameterRef('OrgId')],
			post: {
				operationId: 'verifyOrg',
				tags: [TAG],
				summary: 'Organisation verifizieren (Plattformbetrieb)',
				description: 'Nur für den Plattformbetrieb. Idempotent: eine schon geprüfte Organisation bleibt es, `verifiedAt` ändert sich nicht.',
				security: signedIn,
				responses: { '200': { description: 'Verifiziert.', content: json(ref('OrgVerified')) }, ...errors(401, 403, 404) }
			}
		}
	}
};
