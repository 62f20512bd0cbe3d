import { createHash } from 'node:crypto';
import { endpoint } from '$lib/server/http/api';
import { buildOpenApi } from '$lib/server/openapi';
import type { RequestHandler } from './$types';

// the document depends on nothing but the origin (config is read once at start)
const rendered = new Map<string, { body: string; etag: string }>();

function render(origin: string): { body: string; etag: string } {
	let r = rendered.get(origin);
	if (!r) {
		const body = JSON.stringify(buildOpenApi(origin));
		r = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
		if (rendered.size < 16) rendered.set(origin, r);
	}
	return r;
}

/** GET → the OpenAPI 3.1 description of /api/v1. Public and cacheable; `If-None-Match` → 304. */
export const GET: RequestHandler = endpoint(async ({ url, request }) => {
	const { body, etag } = render(url.origin);
	const headers = { etag, 'cache-control': 'public, max-age=300' };
	const known = (request.headers.get('if-none-match') ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
	if (known.includes(etag) || known.includes('*')) return new Response(null, { status: 304, headers });
	return new Response(body, { headers: { ...headers, 'content-type': 'application/json' } });
});
