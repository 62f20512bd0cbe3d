import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { endpoint, apiErrorResponse } from '$lib/server/http/api';
import { notFound, requireOrgAdmin } from '$lib/server/auth/guard';
import { sendTestPing } from '$lib/server/webhooks/service';
import { kickDeliveries } from '$lib/server/notifications/publish';

/** POST → 202: a `ping` to this webhook only, sent right away; its outcome appears in the delivery log. */
export const POST: RequestHandler = endpoint(async ({ locals, params }) => {
	const { user, org } = requireOrgAdmin(locals);
	const result = await sendTestPing({ userId: user.id, orgId: org.id }, params.id);
	if (result === 'not_found') notFound('Webhook');
	if (result === 'inactive') return apiErrorResponse(409, 'inactive', 'Der Webhook ist deaktiviert. Bitte erst aktivieren, dann testen.');
	kickDeliveries();
	return json({ deliveryId: result.deliveryId }, { status: 202 });
});
