import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { apiErrorResponse, endpoint } from '$lib/server/http/api';
import { requireOrg, requireOrgAdmin } from '$lib/server/auth/guard';
import { listWebhooks } from '$lib/server/webhooks/repo';
import { createWebhook } from '$lib/server/webhooks/service';
import { createdWebhookJson, webhookJson } from '$lib/server/webhooks/present';
import { readBody } from '$lib/server/webhooks/input';

/** GET → the org's webhooks (without secrets); every member may look. */
export const GET = endpoint(async ({ locals }) => {
	const { org } = requireOrg(locals);
	return json({ items: (await listWebhooks(sql, org.id)).map(webhookJson) });
});

/** POST { url, events? } → 201 with the secret, shown this once. Org admins only. */
export const POST = endpoint(async ({ locals, request }) => {
	const { user, org } = requireOrgAdmin(locals);
	const body = await readBody(request);
	const result = await createWebhook({ userId: user.id, orgId: org.id }, { url: typeof body.url === 'string' ? body.url : '', events: body.events });
	if ('problems' in result) return apiErrorResponse(422, 'validation', 'Der Webhook ist unvollständig oder fehlerhaft.', result.problems);
	return json(createdWebhookJson(result.webhook, result.secret), { status: 201 });
});
