/**
 * Server entry: init connects the database, migrates and seeds the demo; handle runs every request
 * through headers → body limit → authentication → CSRF, and gives every /api error the v1 shape.
 */
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { connect, disconnect, sql } from '$lib/server/db';
import { config } from '$lib/server/config';
import { seedDemo } from '$lib/server/demo/seed';
import { loadDemoNetworks } from '$lib/server/demo/load-networks';
import { seedDemoToeb } from '$lib/server/demo/toeb';
import { seedDemoJurisdictions } from '$lib/server/demo/jurisdictions';
import { seedDemoBaustellen } from '$lib/server/demo/baustellen';
import { startHousekeeping } from '$lib/server/housekeeping';
import { authenticate } from '$lib/server/auth/authenticate';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { csrfRefused } from '$lib/server/auth/csrf';
import { apiErrorResponse, formatBytes } from '$lib/server/http/api';

export const init: ServerInit = async () => {
	await connect();
	if (config.demo) {
		await seedDemo(sql);
		await loadDemoNetworks();
		await seedDemoToeb(sql);
		await seedDemoJurisdictions(sql);
		await seedDemoBaustellen(sql);
	}
	startHousekeeping();
	// adapter-node emits this after it stopped accepting requests (SIGTERM/SIGINT). Closing the pool lets
	// the process exit, and PGlite must close cleanly or its data directory needs recovery next start.
	process.once('sveltekit:shutdown', () => void disconnect());
};

const isApi = (path: string) => path.startsWith('/api/');

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	return response;
};

/**
 * adapter-node's own limit answers in plain text; the start script lifts it and this one answers in v1
 * JSON. Routes that receive files get the upload limit here; each streams with its own, smaller limit
 * (http/upload.ts). Everything else keeps the small one: Kit's formData() would buffer it all.
 */
const UPLOAD_ROUTES = [
	/^\/api\/v1\/layers\/[^/]+\/versions$/,
	/^\/api\/v1\/auskuenfte\/[^/]+\/rueckmeldungen$/,
	/^\/netze\/[^/]+$/, // layer page upload, Einstellungen (Schutzanweisung PDF), Gebiet, Eingang
	/^\/auskunft\/[^/]+$/, // request form (area file), result page (feedback photo)
	/^\/verify\/[^/]+$/ // PDF to check
];

/** Bodies up to this much over the limit are read and dropped before the 413, see bodyLimit. */
const DRAIN_MAX_BYTES = 64_000_000;

const bodyLimit: Handle = async ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	const upload = UPLOAD_ROUTES.some((r) => r.test(event.url.pathname));
	const limit = upload ? config.uploadMaxBytes + 64_000 : config.jsonMaxBytes;
	if (length > limit) {
		const message = `Die Anfrage ist größer als ${formatBytes(limit)}.`;
		// A client still writing its body gets EPIPE instead of our answer if we close on it; so a body
		// moderately over the limit is read and dropped first. A huge one is cut off: not worth reading.
		if (length - limit <= DRAIN_MAX_BYTES && event.request.body) {
			for await (const _chunk of event.request.body) {
				// dropped
			}
			return apiErrorResponse(413, 'payload_too_large', message);
		}
		return apiErrorResponse(413, 'payload_too_large', message, [], { connection: 'close' });
	}
	return resolve(event);
};

const auth: Handle = async ({ event, resolve }) => {
	await authenticate(event);
	return resolve(event);
};

const csrf: Handle = async ({ event, resolve }) => {
	if (csrfRefused(event.request, event.url.origin, event.cookies.get(SESSION_COOKIE) !== undefined)) {
		return apiErrorResponse(
			403,
			'csrf',
			'Anfrage abgelehnt: Sie kam nicht von dieser Seite (Herkunftsprüfung). Bitte die Seite neu laden und erneut senden.'
		);
	}
	return resolve(event);
};

/** Safety net for errors Kit answers itself under /api (unknown path, wrong method): always v1 JSON. */
const apiErrors: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!isApi(event.url.pathname) || response.status < 400) return response;
	if (response.headers.get('content-type')?.includes('application/json')) return response;
	const headers = new Headers();
	const allow = response.headers.get('allow');
	if (allow) headers.set('allow', allow);
	return apiErrorResponse(response.status, undefined, undefined, [], headers);
};

export const handle = sequence(securityHeaders, bodyLimit, auth, csrf, apiErrors);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'Seite nicht gefunden.', code: 'not_found' };
	const errorId = randomUUID();
	console.error(`[error] ${errorId} ${event.request.method} ${event.url.pathname}`, error);
	return { message: `Interner Fehler (Fehler-ID ${errorId}).`, code: 'internal', errorId, details: [message] };
};
