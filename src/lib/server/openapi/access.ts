/**
 * @module openapi/access
 * Tag "Zugang": API tokens (routes/api/v1/tokens) and who the caller is (routes/api/v1/me).
 */
import { API_TOKEN_PREFIX, type ApiToken } from '../auth/api-token';
import type { OrgContext } from '../accounts/types';
import { dateTime, errors, fields, fieldsBody, json, object, orNull, parameterRef, publicAccess, ref, signedIn, uuid } from './common';
import type { ApiPart } from './types';

const TAG = 'Zugang';

export const access: ApiPart = {
	tags: [{ name: TAG, description: 'API-Tokens für Skripte, QGIS und andere Systeme; wer der Aufrufer ist.' }],
	parameters: {
		TokenId: { name: 'id', in: 'path', required: true, description: 'Kennung des Tokens (aus `GET /api/v1/tokens`).', schema: { type: 'string' } }
	},
	schemas: {
		TokenRequest: {
			type: 'object',
			required: ['email', 'password', 'label'],
			properties: {
				email: { type: 'string', format: 'email', description: 'E-Mail-Adresse des Kontos.' },
				password: { type: 'string', format: 'password' },
				label: { type: 'string', minLength: 2, maxLength: 80, description: 'Wofür das Token ist, z. B. „QGIS Büro“.' }
			}
		},
		TokenCreated: object(
			{
				token: {
					type: 'string',
					pattern: `^${API_TOKEN_PREFIX}[^.]+\\.[^.]+$`,
					description: 'Das Token im Klartext — nur in dieser Antwort; danach nur noch widerrufbar.'
				},
				id: { type: 'string' },
				label: { type: 'string' },
				createdAt: dateTime
			},
			{ description: 'Ein neues API-Token.' }
		),
		ApiToken: object(
			fields<ApiToken>({
				id: { type: 'string' },
				label: { type: 'string' },
				createdAt: dateTime,
				lastUsedAt: orNull(dateTime),
				revokedAt: orNull(dateTime)
			}),
			{ description: 'Ein API-Token ohne sein Geheimnis.' }
		),
		ApiTokenList: object({ items: { type: 'array', items: ref('ApiToken'), description: 'Gültige zuerst, dann widerrufene; je neueste zuerst.' } }),
		Me: object(
			{
				user: object({ id: uuid, name: { type: 'string' }, email: { type: 'string', format: 'email' } }),
				org: { ...orNull(ref('OrgContext')), description: 'Die eigene Organisation; `null`, solange keine besteht oder eine Beitrittsanfrage wartet.' },
				authVia: ref('AuthVia')
			},
			{ description: 'Der Aufrufer, seine Organisation und ihre Rollen.' }
		),
		OrgContext: object(fields<OrgContext>({
			id: uuid,
			name: { type: 'string' },
			roles: { type: 'array', items: ref('OrgRole') },
			verified: { type: 'boolean', description: 'Vom Plattformbetrieb geprüft; erst dann gibt es Leitungsdaten.' },
			membershipRole: ref('MembershipRole')
		}))
	},
	paths: {
		'/api/v1/tokens': {
			post: {
				operationId: 'createToken',
				tags: [TAG],
				summary: 'API-Token erzeugen',
				description:
					'Meldet mit E-Mail und Passwort an und gibt ein neues API-Token zurück — der Weg für Skripte ohne Oberfläche. ' +
					'Felder als JSON oder Formular. Fehlversuche sind je Konto und IP begrenzt (429).',
				security: publicAccess,
				requestBody: {
					required: true,
					content: fieldsBody(ref('TokenRequest'))
				},
				responses: {
					'201': { description: 'Token erzeugt.', content: json(ref('TokenCreated')) },
					...errors([400, 'ValidationFailed'], 401, 403, 413, 415, 429)
				}
			},
			get: {
				operationId: 'listTokens',
				tags: [TAG],
				summary: 'Eigene API-Tokens auflisten',
				description: 'Alle Tokens des Aufrufers, ohne Geheimnisse.',
				security: signedIn,
				responses: { '200': { description: 'Die Tokens.', content: json(ref('ApiTokenList')) }, ...errors(401) }
			}
		},
		'/api/v1/tokens/{id}': {
			parameters: [parameterRef('TokenId')],
			delete: {
				operationId: 'revokeToken',
				tags: [TAG],
				summary: 'API-Token widerrufen',
				description: 'Widerruft ein eigenes Token sofort. Ein fremdes oder bereits widerrufenes Token ist „nicht gefunden“.',
				security: signedIn,
				responses: { '204': { description: 'Widerrufen.' }, ...errors(401, 403, 404) }
			}
		},
		'/api/v1/me': {
			get: {
				operationId: 'getMe',
				tags: [TAG],
				summary: 'Wer bin ich?',
				description: 'Der erste Aufruf für jeden Client: Person, Organisation mit Rollen und Prüfstatus, Art der Anmeldung.',
				security: signedIn,
				responses: { '200': { description: 'Der Aufrufer.', content: json(ref('Me')) }, ...errors(401) }
			}
		}
	}
};
