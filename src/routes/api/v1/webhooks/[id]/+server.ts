import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { sql } from '$lib/server/db';
import { apiErrorResponse, endpoint } from '$lib/server/http/api';
import { notFound, requireOrg, requireOrgAdmin } from '$lib/server/auth/guard';
import { findWebhook } from '$lib/server/webhooks/repo';
import { changeWebhook, removeWebhook } from '$lib/server/webhooks/service';
import { webhookJson } from '$lib/server/webhooks/present';
import { readBody } from '$lib/server/webhooks/input';

/** GET → one webhook of the own org (another org's is 404). */
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const { org } = requireOrg(locals);
	const webhook = await findWebhook(sql, org.id, params.id);
	if (!webhook) notFound('Webhook');
	return json(webhookJson(webhook));
});

/** PATCH { active?, events? } → the changed webhook. Deactivating ends its waiting deliveries. */
export const PATCH: RequestHandler = endpoint(async ({ locals, params, request }) => {
	const { user, org } = requireOrgAdmin(locals);
	const body = await readBody(request);
	const result = await changeWebhook({ userId: user.id, orgId: org.id }, params.id, { active: body.active, events: body.events });
	if (!result) notFound('Webhook');
	if ('problems' in result) return apiErrorResponse(422, 'validation', 'Die Änderung ist fehlerhaft.', result.problems);
	return json(webhookJson(result.webhook));
});

/** DELETE → 204; its deliveries and their log go with it. */
export const DELETE: RequestHandler = endpoint(async ({ locals, params }) => {
	const { user, org } = requireOrgAdmin(locals);
	if (!(await removeWebhook({ userId: user.id, orgId: org.id }, params.id))) notFound('Webhook');
	return new Response(null, { status: 204 });
});
