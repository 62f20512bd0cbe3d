import { json } from '@sveltejs/kit';
import { healthy, isEmbedded } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** 200 when the database answers and migrations went through; 503 otherwise (load balancers read this). */
export const GET: RequestHandler = async () => {
	const ok = await healthy();
	return json({ status: ok ? 'ok' : 'unavailable', database: isEmbedded() ? 'embedded' : 'postgresql' }, { status: ok ? 200 : 503 });
};
