/**
 * @module openapi/common
 * What every part of the API shares: the v1 error shape (http/api.ts) and its responses, the two ways
 * to authenticate, and small builders for references, JSON bodies and nullable values.
 */
import { config } from '../config';
import { formatBytes } from '../http/api';
import { API_TOKEN_PREFIX } from '../auth/api-token';
import { SESSION_COOKIE } from '../auth/session';
import type { Header, MediaType, Reference, Response, Schema, SecurityRequirement } from './types';

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const responseRef = (name: string): Reference => ({ $ref: `#/components/responses/${name}` });
export const parameterRef = (name: string): Reference => ({ $ref: `#/components/parameters/${name}` });

/** A schema or null (OpenAPI 3.1 has no `nullable`). */
export function orNull(schema: Schema): Schema {
	if (schema.$ref || schema.anyOf || schema.oneOf) return { anyOf: [schema, { type: 'null' }] };
	const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
	return { ...schema, type: [...types, 'null'], ...(schema.enum ? { enum: [...schema.enum, null] } : {}) };
}

/**
 * Property schemas for exactly the keys of `T` — a type the code produces or reads — so TypeScript
 * refuses a missing or an extra property when the code changes.
 */
export function fields<T>(properties: { [K in keyof T]-?: Schema }): { [K in keyof T]-?: Schema } {
	return properties;
}

/** An object schema whose every listed property is required (the API always sends them). */
export function object(properties: Record<string, Schema>, extra: Partial<Schema> = {}): Schema {
	return { type: 'object', required: Object.keys(properties), properties, ...extra };
}

export const json = (schema: Schema, example?: unknown): Record<string, MediaType> => ({
	'application/json': example === undefined ? { schema } : { schema, example }
});

/** readFields() takes the same fields as JSON, urlencoded or multipart form. */
export const fieldsBody = (schema: Schema): Record<string, MediaType> => ({
	'application/json': { schema },
	'application/x-www-form-urlencoded': { schema },
	'multipart/form-data': { schema }
});

export const uuid: Schema = { type: 'string', format: 'uuid' };
export const dateTime: Schema = { type: 'string', format: 'date-time' };
export const date: Schema = { type: 'string', format: 'date', description: 'Kalenderdatum JJJJ-MM-TT (Europe/Berlin).' };
export const sha256: Schema = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256, hexadezimal.' };
export const integer = (minimum = 0): Schema => ({ type: 'integer', minimum });

// --- security -------------------------------------------------------------------------------------

export const securitySchemes = {
	bearerAuth: {
		type: 'http',
		scheme: 'bearer',
		bearerFormat: `${API_TOKEN_PREFIX}<id>.<secret>`,
		description:
			`Persönliches API-Token: \`Authorization: Bearer ${API_TOKEN_PREFIX}…\`. Erzeugt mit \`POST /api/v1/tokens\` ` +
			'(E-Mail, Passwort, Bezeichnung) oder in der Oberfläche unter *Konto*; es wird nur einmal angezeigt. ' +
			'Anfragen nur mit Token (ohne Cookie) brauchen keinen Origin-Header — curl, QGIS und Skripte funktionieren direkt.'
	},
	sessionCookie: {
		type: 'apiKey',
		in: 'cookie',
		name: SESSION_COOKIE,
		description:
			'Browser-Sitzung nach der Anmeldung unter /login (HttpOnly, SameSite=Lax). Zustandsändernde Anfragen ' +
			'(POST, PATCH, DELETE) mit diesem Cookie brauchen einen `Origin`-Header dieser Seite, sonst 403 `csrf`.'
	}
};

/** Signed in by token or by browser session. */
export const signedIn: SecurityRequirement[] = [{ bearerAuth: [] }, { sessionCookie: [] }];
/** No identity needed. */
export const publicAccess: SecurityRequirement[] = [];

// --- errors ---------------------------------------------------------------------------------------

/** The v1 error body; `details` narrowed per use (field problems, upload findings, …). */
export function errorBody(details: Schema = {}, description = 'Fehlerantwort aller /api-Routen.'): Schema {
	return {
		type: 'object',
		description,
		required: ['error'],
		properties: {
			error: {
				type: 'object',
				required: ['code', 'message', 'details'],
				properties: {
					code: {
						type: 'string',
						description:
							'Maschinenlesbar und über Versionen stabil, z. B. `unauthenticated`, `invalid_credentials`, `forbidden_role`, ' +
							'`org_unverified`, `no_organisation`, `csrf`, `not_found`, `validation`, `invalid_json`, `unsupported_media_type`, ' +
							'`payload_too_large`, `rate_limited`, `expired`, `invalid_data`, `duplicate_version`.'
					},
					message: { type: 'string', description: 'Deutsche, für Menschen geschriebene Erklärung.' },
					details: { type: 'array', items: details, description: 'Einzelbefunde; leer, wenn es keine gibt.' }
				}
			}
		}
	};
}

export const errorSchemas: Record<string, Schema> = {
	Error: errorBody(),
	FieldProblem: object(
		{ field: { type: 'string', description: 'Name des Feldes, z. B. `period.end`.' }, message: { type: 'string' } },
		{ description: 'Ein Problem mit einem Eingabefeld.' }
	),
	ValidationError: errorBody(ref('FieldProblem'), 'Fehlerantwort mit je einem Eintrag pro fehlerhaftem Feld.')
};

const sizeNote = `JSON- und Formularkörper bis ${formatBytes(config.jsonMaxBytes)}, Layer-Uploads bis ${formatBytes(config.uploadMaxBytes)}.`;

const ERROR_RESPONSES: Record<string, [number, string]> = {
	BadRequest: [400, 'Die Anfrage ist fehlerhaft: kein gültiges JSON (`invalid_json`), fehlerhafte Formulardaten oder ein abgebrochener Upload.'],
	Unauthorized: [401, 'Keine Identität: kein, ein ungültiges oder ein widerrufenes API-Token bzw. keine gültige Sitzung (`unauthenticated`).'],
	Forbidden: [
		403,
		'Keine Berechtigung: die Organisation hat die nötige Rolle nicht (`forbidden_role`), ist noch nicht verifiziert (`org_unverified`), ' +
			'das Konto gehört keiner Organisation an (`no_organisation`) — oder eine Anfrage mit Sitzungs-Cookie kam ohne passenden Origin (`csrf`).'
	],
	NotFound: [404, 'Nicht gefunden — auch, wenn das Objekt einer anderen Organisation gehört (`not_found`).'],
	MethodNotAllowed: [405, 'Diese Methode gibt es für den Pfad nicht (`method_not_allowed`); der `Allow`-Header nennt die erlaubten.'],
	Conflict: [409, 'Widerspruch zum aktuellen Stand, z. B. eine Rückmeldung zu einer abgelaufenen Auskunft (`expired`).'],
	Gone: [410, 'Nicht mehr verfügbar (`expired`): die Gültigkeit der Auskunft ist abgelaufen.'],
	PayloadTooLarge: [413, `Die Anfrage ist zu groß (\`payload_too_large\`). ${sizeNote}`],
	UnsupportedMediaType: [415, 'Falscher `Content-Type` (`unsupported_media_type`).'],
	UnexpectedError: [500, 'Unerwarteter Fehler (500, mit Fehler-ID in der Meldung) oder Dienst vorübergehend nicht verfügbar (503) — im selben Format.']
};

export const STATUS_RESPONSE: Record<number, string> = Object.fromEntries(Object.entries(ERROR_RESPONSES).map(([name, [status]]) => [status, name]));
STATUS_RESPONSE[429] = 'TooManyRequests';

export const headers: Record<string, Header> = {
	RetryAfter: { description: 'Sekunden bis zum nächsten Versuch.', required: true, schema: { type: 'integer', minimum: 1 } },
	Allow: { description: 'Die für diesen Pfad erlaubten Methoden.', schema: { type: 'string' } }
};

export const errorResponses: Record<string, Response> = {
	...Object.fromEntries(
		Object.entries(ERROR_RESPONSES).map(([name, [, description]]) => [
			name,
			{
				description,
				...(name === 'MethodNotAllowed' ? { headers: { Allow: { $ref: '#/components/headers/Allow' } } } : {}),
				content: json(ref('Error'))
			}
		])
	),
	TooManyRequests: {
		description: 'Zu viele Anfragen (`rate_limited`); erneut nach `Retry-After` Sekunden.',
		headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
		content: json(ref('Error'))
	},
	ValidationFailed: { description: 'Eingaben fehlen oder sind ungültig (`validation`); je Feld ein Eintrag in `details`.', content: json(ref('ValidationError')) }
};

/**
 * The error responses of an operation by status, always with the catch-all `default` (500/503). A
 * status given as `[status, responseName]` picks a narrower response than the shared one.
 */
export function errors(...list: (number | [number, string])[]): Record<string, Reference> {
	const out: Record<string, Reference> = {};
	for (const item of list) {
		const [status, name] = Array.isArray(item) ? item : [item, STATUS_RESPONSE[item]];
		if (!name) throw new Error(`Keine Fehlerantwort für ${status}`);
		out[String(status)] = responseRef(name);
	}
	out.default = responseRef('UnexpectedError');
	return out;
}
