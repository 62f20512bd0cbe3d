/**
 * @module http/api
 * The v1 error shape everywhere under /api: `{ error: { code, message, details } }` with a German,
 * human message. `endpoint()` wraps a handler so guards and validation can simply throw.
 */
import { error, isHttpError, isRedirect, json, type RequestEvent } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { config } from '../config';

export interface ApiErrorBody {
	error: { code: string; message: string; details: unknown[] };
}

const DEFAULT_CODES: Record<number, [string, string]> = {
	400: ['bad_request', 'Die Anfrage ist fehlerhaft.'],
	401: ['unauthenticated', 'Bitte melden Sie sich an oder senden Sie ein gültiges API-Token.'],
	403: ['forbidden', 'Keine Berechtigung für diese Aktion.'],
	404: ['not_found', 'Diese Adresse gibt es nicht.'],
	405: ['method_not_allowed', 'Diese Methode ist hier nicht erlaubt.'],
	409: ['conflict', 'Die Anfrage steht im Widerspruch zum aktuellen Stand.'],
	413: ['payload_too_large', 'Die Anfrage ist zu groß.'],
	415: ['unsupported_media_type', 'Dieses Datenformat wird hier nicht angenommen.'],
	422: ['unprocessable', 'Die Daten sind unvollständig oder ungültig.'],
	429: ['rate_limited', 'Zu viele Anfragen. Bitte später erneut versuchen.'],
	500: ['internal', 'Interner Fehler. Bitte später erneut versuchen.'],
	503: ['unavailable', 'Der Dienst ist vorübergehend nicht verfügbar.']
};

export function apiErrorResponse(
	status: number,
	code?: string,
	message?: string,
	details: unknown[] = [],
	headers?: HeadersInit
): Response {
	const [defCode, defMessage] = DEFAULT_CODES[status] ?? ['error', 'Fehler.'];
	const body: ApiErrorBody = { error: { code: code ?? defCode, message: message ?? defMessage, details } };
	return json(body, { status, headers });
}

/** Wraps an API handler: Kit errors → v1 JSON; anything unexpected → logged once with an id, 500. */
export function endpoint<E extends RequestEvent>(handler: (event: E) => Promise<Response>): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (e) {
			if (isRedirect(e)) throw e;
			if (isHttpError(e)) {
				const body = e.body as App.Error;
				return apiErrorResponse(e.status, body.code, body.message, body.details ?? []);
			}
			if (e instanceof RateLimitedError) {
				return apiErrorResponse(429, 'rate_limited', e.message, [], { 'retry-after': String(e.retryAfter) });
			}
			const errorId = randomUUID();
			console.error(`[api] ${errorId} ${event.request.method} ${event.url.pathname}`, e);
			return apiErrorResponse(500, 'internal', `Interner Fehler (Fehler-ID ${errorId}).`);
		}
	};
}

export class RateLimitedError extends Error {
	constructor(
		public retryAfter: number,
		message = `Zu viele Versuche. Bitte in ${Math.ceil(retryAfter / 60)} Minute(n) erneut versuchen.`
	) {
		super(message);
	}
}

/** Reads a body up to the limit, streamed, so a missing Content-Length cannot bypass it. */
async function readLimited(request: Request, maxBytes: number): Promise<Buffer> {
	if (!request.body) error(400, { code: 'bad_request', message: 'Die Anfrage hat keinen Inhalt.' });
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel();
			error(413, { code: 'payload_too_large', message: `Die Anfrage ist größer als ${formatBytes(maxBytes)}.` });
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}

/** A JSON body, up to the configured limit. */
export async function readJson(request: Request, maxBytes = config.jsonMaxBytes): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) {
		error(415, { code: 'unsupported_media_type', message: 'Bitte JSON senden (Content-Type: application/json).' });
	}
	const bytes = await readLimited(request, maxBytes);
	try {
		return JSON.parse(bytes.toString('utf8'));
	} catch {
		error(400, { code: 'invalid_json', message: 'Der Inhalt ist kein gültiges JSON.' });
	}
}

/**
 * Simple fields from JSON or from a form (multipart or urlencoded), so `curl -F` works as well as a
 * JSON client. Values arrive as strings (JSON numbers, booleans and objects stringified); files belong
 * to the upload routes.
 */
export async function readFields(request: Request, maxBytes = config.jsonMaxBytes): Promise<Record<string, string>> {
	const type = request.headers.get('content-type') ?? '';
	if (type.includes('application/json')) {
		const body = await readJson(request, maxBytes);
		const fields: Record<string, string> = {};
		if (body && typeof body === 'object' && !Array.isArray(body)) {
			for (const [key, value] of Object.entries(body)) {
				if (typeof value === 'string') fields[key] = value;
				// null clears a field, like an empty form input
				else if (value === null) fields[key] = '';
				else if (typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value);
				else if (value !== null && typeof value === 'object') fields[key] = JSON.stringify(value);
			}
		}
		return fields;
	}
	if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
		const bytes = await readLimited(request, maxBytes);
		const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData().catch(() => null);
		if (!form) error(400, { code: 'invalid_form', message: 'Die Formulardaten sind fehlerhaft.' });
		const fields: Record<string, string> = {};
		for (const [key, value] of form) if (typeof value === 'string') fields[key] = value;
		return fields;
	}
	error(415, {
		code: 'unsupported_media_type',
		message: 'Bitte JSON (application/json) oder Formulardaten (multipart/form-data) senden.'
	});
}

export function formatBytes(n: number): string {
	if (n >= 1_000_000) return `${(n / 1_000_000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
	if (n >= 1000) return `${(n / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} kB`;
	return `${n} Bytes`;
}
