/**
 * @module webhooks/repo
 * Webhooks of an organisation, their deliveries and every delivery attempt. Lookups always carry the
 * org id, so another organisation's webhook is simply "not found".
 */
import type { Db } from '../db';
import type { EventType, SubscribableEvent } from '../notifications/events';
import type { WebhookPayload } from './payload';
import { isUuid } from '$lib/uuid';

export interface Webhook {
	id: string;
	orgId: string;
	url: string;
	events: SubscribableEvent[];
	active: boolean;
	createdAt: Date;
}

export const DELIVERY_STATUSES = ['ausstehend', 'zugestellt', 'fehlgeschlagen'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Attempt {
	attempt: number;
	startedAt: Date;
	durationMs: number;
	statusCode: number | null;
	error: string | null;
}

export interface Delivery {
	id: string;
	webhookId: string;
	event: EventType;
	status: DeliveryStatus;
	attempts: number;
	nextAttemptAt: Date | null;
	lastStatus: number | null;
	lastError: string | null;
	createdAt: Date;
	deliveredAt: Date | null;
	/** what was (or will be) sent, exactly */
	payload: WebhookPayload;
	attemptLog: Attempt[];
}

interface WebhookRow {
	id: string;
	org_id: string;
	url: string;
	secret: string;
	events: string[];
	active: boolean;
	created_at: Date;
}

interface DeliveryRow {
	id: string;
	webhook_id: string;
	event: string;
	status: DeliveryStatus;
	attempts: number;
	next_attempt_at: Date | null;
	last_status: number | null;
	last_error: string | null;
	created_at: Date;
	delivered_at: Date | null;
	payload: WebhookPayload;
}

/** A path segment that is no uuid can name no row (and must not reach PostgreSQL as one). */

const toWebhook = (r: WebhookRow): Webhook => ({
	id: r.id,
	orgId: r.org_id,
	url: r.url,
	events: r.events as SubscribableEvent[],
	active: r.active,
	createdAt: r.created_at
});

const textArray = (list: readonly string[]) => list.join(',');

export async function insertWebhook(
	tx: Db,
	w: { orgId: string; url: string; secret: string; events: SubscribableEvent[]; createdAt: Date }
): Promise<Webhook> {
	const [row] = await tx<WebhookRow[]>`insert into webhooks (org_id, url, secret, events, active, created_at)
		values (${w.orgId}, ${w.url}, ${w.secret}, string_to_array(${textArray(w.events)}, ','), true, ${w.createdAt})
		returning *`;
	return toWebhook(row!);
}

export async function listWebhooks(db: Db, orgId: string): Promise<Webhook[]> {
	const rows = await db<WebhookRow[]>`select * from webhooks where org_id = ${orgId} order by created_at, id`;
	return rows.map(toWebhook);
}

export async function countWebhooks(db: Db, orgId: string): Promise<number> {
	const [row] = await db<{ n: number }[]>`select count(*)::int as n from webhooks where org_id = ${orgId}`;
	return row!.n;
}

export async function findWebhook(db: Db, orgId: string, id: string): Promise<Webhook | null> {
	if (!isUuid(id)) return null;
	const [row] = await db<WebhookRow[]>`select * from webhooks where id = ${id} and org_id = ${orgId}`;
	return row ? toWebhook(row) : null;
}

/** Row lock for a change, so two admins changing one webhook at once apply one after the other. */
export async function lockWebhook(tx: Db, orgId: string, id: string): Promise<Webhook | null> {
	if (!isUuid(id)) return null;
	const [row] = await tx<WebhookRow[]>`select * from webhooks where id = ${id} and org_id = ${orgId} for update`;
	return row ? toWebhook(row) : null;
}

export async function updateWebhook(tx: Db, id: string, change: { active: boolean; events: SubscribableEvent[] }): Promise<Webhook> {
	const [row] = await tx<WebhookRow[]>`update webhooks
		set active = ${change.active}, events = string_to_array(${textArray(change.events)}, ',')
		where id = ${id} returning *`;
	return toWebhook(row!);
}

export async function deleteWebhook(tx: Db, orgId: string, id: string): Promise<boolean> {
	if (!isUuid(id)) return false;
	const result = await tx`delete from webhooks where id = ${id} and org_id = ${orgId}`;
	return result.count === 1;
}

/** Active webhooks of these orgs that want this event (an empty list wants every event). */
export async function subscribedWebhooks(tx: Db, orgIds: string[], event: EventType): Promise<{ id: string }[]> {
	if (!orgIds.length) return [];
	return tx<{ id: string }[]>`select id from webhooks
		where active and org_id = any(string_to_array(${textArray(orgIds)}, ',')::uuid[])
			and (cardinality(events) = 0 or ${event} = any(events))
		order by created_at, id`;
}

export async function insertDelivery(tx: Db, d: { id: string; webhookId: string; payload: WebhookPayload; createdAt: Date }): Promise<void> {
	await tx`insert into webhook_deliveries (id, webhook_id, event, payload, status, attempts, next_attempt_at, created_at)
		values (${d.id}, ${d.webhookId}, ${d.payload.type}, ${tx.json(d.payload as never)}, 'ausstehend', 0, ${d.createdAt}, ${d.createdAt})`;
}

/** A deactivated webhook's waiting deliveries end here, so they do not go out days later on reactivation. */
export async function failPendingDeliveries(tx: Db, webhookId: string, message: string): Promise<number> {
	const result = await tx`update webhook_deliveries set status = 'fehlgeschlagen', next_attempt_at = null, last_error = ${message}
		where webhook_id = ${webhookId} and status = 'ausstehend'`;
	return result.count;
}

export async function listDeliveries(db: Db, webhookId: string, limit: number, offset: number): Promise<{ items: Delivery[]; total: number }> {
	const [count] = await db<{ n: number }[]>`select count(*)::int as n from webhook_deliveries where webhook_id = ${webhookId}`;
	const rows = await db<DeliveryRow[]>`select id, webhook_id, event, status, attempts, next_attempt_at, last_status, last_error, created_at, delivered_at, payload
		from webhook_deliveries where webhook_id = ${webhookId}
		order by created_at desc, id desc limit ${limit} offset ${offset}`;
	const attempts = rows.length
		? await db<(Attempt & { deliveryId: string })[]>`select delivery_id as "deliveryId", attempt, started_at as "startedAt",
				duration_ms as "durationMs", status_code as "statusCode", error
			from webhook_attempts where delivery_id = any(string_to_array(${textArray(rows.map((r) => r.id))}, ',')::uuid[])
			order by attempt`
		: [];
	return {
		total: count!.n,
		items: rows.map((r) => ({
			id: r.id,
			webhookId: r.webhook_id,
			event: r.event as EventType,
			status: r.status,
			attempts: r.attempts,
			nextAttemptAt: r.next_attempt_at,
			lastStatus: r.last_status,
			lastError: r.last_error,
			createdAt: r.created_at,
			deliveredAt: r.delivered_at,
			payload: r.payload,
			attemptLog: attempts.filter((a) => a.deliveryId === r.id).map(({ deliveryId: _d, ...a }) => a)
		}))
	};
}

/** A delivery taken for one attempt: what to send, where, and the attempt number it holds. */
export interface ClaimedDelivery {
	id: string;
	url: string;
	secret: string;
	payload: WebhookPayload;
	attempt: number;
}

/**
 * Takes up to `limit` due deliveries of active webhooks for one attempt each. `skip locked` lets several
 * app servers claim at once without waiting on or sharing rows; counting the attempt and moving
 * `next_attempt_at` to the end of the lease in the same statement means no one else finds the row due
 * while it is being sent — and a server that dies mid-send leaves it to be retried after the lease.
 */
export async function claimDueDeliveries(db: Db, at: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
	const rows = await db<{ id: string; url: string; secret: string; payload: WebhookPayload; attempts: number }[]>`
		update webhook_deliveries d set attempts = d.attempts + 1, next_attempt_at = ${leaseUntil}
		from webhooks w
		where w.id = d.webhook_id and d.id in (
			select d2.id from webhook_deliveries d2 join webhooks w2 on w2.id = d2.webhook_id
			where d2.status = 'ausstehend' and d2.next_attempt_at <= ${at} and w2.active
			order by d2.next_attempt_at
			limit ${limit}
			for update of d2 skip locked)
		returning d.id, w.url, w.secret, d.payload, d.attempts`;
	return rows.map((r) => ({ id: r.id, url: r.url, secret: r.secret, payload: r.payload, attempt: r.attempts }));
}

/**
 * Logs an attempt and sets the delivery's outcome. The outcome applies only while the delivery still
 * holds this attempt (`attempts` is the fencing token): a late answer after the lease ran out, or after a
 * deactivation ended the delivery, is logged but changes nothing.
 */
export async function recordAttempt(
	tx: Db,
	a: { deliveryId: string; attempt: Attempt; status: DeliveryStatus; nextAttemptAt: Date | null; deliveredAt: Date | null }
): Promise<boolean> {
	const { attempt } = a;
	await tx`insert into webhook_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error)
		values (${a.deliveryId}, ${attempt.attempt}, ${attempt.startedAt}, ${attempt.durationMs}, ${attempt.statusCode}, ${attempt.error})
		on conflict (delivery_id, attempt) do nothing`;
	const result = await tx`update webhook_deliveries
		set status = ${a.status}, next_attempt_at = ${a.nextAttemptAt}, delivered_at = ${a.deliveredAt},
			last_status = ${attempt.statusCode}, last_error = ${attempt.error}
		where id = ${a.deliveryId} and attempts = ${attempt.attempt} and status = 'ausstehend'`;
	return result.count === 1;
}
