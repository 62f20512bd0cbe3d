/**
 * @module webhooks/present
 * The API's JSON view of webhooks and deliveries. The secret appears only in the answer to the creation
 * (`createdWebhookJson`), never in a list.
 */
import { payloadBody, type WebhookPayload } from './payload';
import type { Delivery, Webhook } from './repo';

export function webhookJson(w: Webhook) {
	return { id: w.id, url: w.url, events: w.events, active: w.active, createdAt: w.createdAt };
}

export function createdWebhookJson(w: Webhook, secret: string) {
	return { ...webhookJson(w), secret };
}

export function deliveryJson(d: Delivery) {
	return {
		id: d.id,
		event: d.event,
		status: d.status,
		attempts: d.attempts,
		nextAttemptAt: d.nextAttemptAt,
		lastStatus: d.lastStatus,
		lastError: d.lastError,
		createdAt: d.createdAt,
		deliveredAt: d.deliveredAt,
		// in the documented key order, as sent
		payload: JSON.parse(payloadBody(d.payload)) as WebhookPayload,
		attemptLog: d.attemptLog.map((a) => ({ attempt: a.attempt, startedAt: a.startedAt, durationMs: a.durationMs, statusCode: a.statusCode, error: a.error }))
	};
}

/** limit/offset from the query: 1–100 (default 20), ≥ 0. */
export function paging(url: URL, fallback = 20): { limit: number; offset: number } {
	const limit = Math.min(100, Math.max(1, Math.trunc(Number(url.searchParams.get('limit') ?? fallback)) || fallback));
	const offset = Math.max(0, Math.trunc(Number(url.searchParams.get('offset') ?? 0)) || 0);
	return { limit, offset };
}
