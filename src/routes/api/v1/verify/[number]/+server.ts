import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { endpoint } from '$lib/server/http/api';
import { notFound } from '$lib/server/auth/guard';
import { verifyDocument } from '$lib/server/auskunft/verify';
import type { RequestHandler } from './$types';

/** GET ?sha256= → { number, authentic, version, issuedAt, validUntil, org }. Public; nothing about lines. */
export const GET: RequestHandler = endpoint(async ({ params, url, getClientAddress }) => {
	const result = await verifyDocument(sql, params.number, url.searchParams.get('sha256'), getClientAddress());
	if (!result) notFound('Auskunft');
	return json(result);
});
