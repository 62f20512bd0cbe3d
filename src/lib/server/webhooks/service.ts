/**
 * @module webhooks/service
 * What an org admin does with webhooks — create, change, delete, test — each in one transaction with its
 * audit entry; and `enqueueDelivery`, which publish() uses inside the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Db } from '../db';
import { now } from '../clock';
import { config } from '../config';
import { appendAudit } from '../audit/repo';
import { isSubscribableEvent, type EventType, type SubscribableEvent } from '../notifications/events';
import { buildPayload } from './payload';
import { generateWebhookSecret } from './sign';
import { checkWebhookUrl } from './url';
import * as repo from './repo';

/** Enough for a production and a test system per department; more is a mistake or a loop. */
export const MAX_WEBHOOKS_PER_ORG = 10;

export interface Actor {
	userId: string;
	orgId: string;
}

export type FieldProblem = { field: string; message: string };

/**
 * Event names from the API (array) or a form (several fields); unknown names are a problem, not ignored —
 * a typo would otherwise silently subscribe to nothing of what was meant.
 */
export function parseEvents(input: unknown): { events: SubscribableEvent[] } | { problem: FieldProblem } {
	if (input === undefined || input === null || input === '') return { events: [] };
	const list = Array.isArray(input) ? input : typeof input === 'string' ? input.split(',') : null;
	if (!list || list.some((e) => typeof e !== 'string')) {
		return { problem: { field: 'events', message: 'Bitte die Ereignisse als Liste von Namen angeben, z. B. ["baustelle.angelegt"].' } };
	}
	const names = [...new Set((list as string[]).map((e) => e.trim()).filter(Boolean))];
	const unknown = names.filter((e) => !isSubscribableEvent(e));
	if (unknown.length) {
		return { problem: { field: 'events', message: `Unbekannte Ereignisse: ${unknown.join(', ')}. Leer lassen für alle Ereignisse.` } };
	}
	return { events: names as SubscribableEvent[] };
}

/** One delivery of an event to one webhook, waiting to go out now. Runs in the caller's transaction. */
export async function enqueueDelivery(
	tx: Db,
	webhookId: string,
	event: { type: EventType; link: string | null; data: Record<string, unknown> },
	at: Date
): Promise<string> {
	const id = randomUUID();
	const payload = buildPayload({ id, type: event.type, createdAt: at, link: event.link, data: event.data }, config.origin);
	await repo.insertDelivery(tx, { id, webhookId, payload, createdAt: at });
	return id;
}

export type CreateResult = { webhook: repo.Webhook; secret: string } | { problems: FieldProblem[] };

export async function createWebhook(actor: Actor, input: { url: string; events: unknown }): Promise<CreateResult> {
	const problems: FieldProblem[] = [];
	const url = checkWebhookUrl(input.url, config.webhookAllowHttp);
	if (!url.ok) problems.push({ field: 'url', message: url.message });
	const events = parseEvents(input.events);
	if ('problem' in events) problems.push(events.problem);
	if (!url.ok || 'problem' in events) return { problems };
	return sql.begin(async (tx) => {
		// serialises creation per org, so the limit holds with two admins clicking at once
		await tx`select id from organisations where id = ${actor.orgId} for update`;
		if ((await repo.countWebhooks(tx, actor.orgId)) >= MAX_WEBHOOKS_PER_ORG) {
			return { problems: [{ field: 'url', message: `Höchstens ${MAX_WEBHOOKS_PER_ORG} Webhooks je Organisation. Bitte einen nicht mehr benötigten löschen.` }] };
		}
		// Stored as it is, not hashed: we must compute the HMAC with it on every delivery. It is shown
		// only once, in the answer to its creation, and never listed again.
		const secret = generateWebhookSecret();
		const webhook = await repo.insertWebhook(tx, { orgId: actor.orgId, url: url.url, secret, events: events.events, createdAt: now() });
		await appendAudit(tx, {
			action: 'webhook.created',
			actorUser: actor.userId,
			actorOrg: actor.orgId,
			subject: webhook.id,
			data: { host: new URL(webhook.url).host, events: webhook.events }
		});
		return { webhook, secret };
	});
}

export type ChangeResult = { webhook: repo.Webhook } | { problems: FieldProblem[] } | null;

/** Activates/deactivates and/or sets the events; null = not found (or another org's). */
export async function changeWebhook(actor: Actor, id: string, input: { active?: unknown; events?: unknown }): Promise<ChangeResult> {
	const problems: FieldProblem[] = [];
	let active: boolean | undefined;
	if (input.active !== undefined) {
		if (input.active === true || input.active === 'true') active = true;
		else if (input.active === false || input.active === 'false') active = false;
		else problems.push({ field: 'active', message: '„active“ muss true oder false sein.' });
	}
	let events: SubscribableEvent[] | undefined;
	if (input.events !== undefined) {
		const parsed = parseEvents(input.events);
		if ('problem' in parsed) problems.push(parsed.problem);
		else events = parsed.events;
	}
	if (problems.length) return { problems };
	return sql.begin(async (tx) => {
		const current = await repo.lockWebhook(tx, actor.orgId, id);
		if (!current) return null;
		const webhook = await repo.updateWebhook(tx, current.id, { active: active ?? current.active, events: events ?? current.events });
		let ended = 0;
		if (current.active && !webhook.active) {
			ended = await repo.failPendingDeliveries(tx, webhook.id, 'Webhook deaktiviert – diese Zustellung wurde abgebrochen.');
		}
		await appendAudit(tx, {
			action: 'webhook.changed',
			actorUser: actor.userId,
			actorOrg: actor.orgId,
			subject: webhook.id,
			data: { active: webhook.active, events: webhook.events, ...(ended ? { cancelledDeliveries: ended } : {}) }
		});
		return { webhook };
	});
}

export async function removeWebhook(actor: Actor, id: string): Promise<boolean> {
	return sql.begin(async (tx) => {
		const current = await repo.lockWebhook(tx, actor.orgId, id);
		if (!current) return false;
		await repo.deleteWebhook(tx, actor.orgId, current.id);
		await appendAudit(tx, {
			action: 'webhook.deleted',
			actorUser: actor.userId,
			actorOrg: actor.orgId,
			subject: current.id,
			data: { host: new URL(current.url).host }
		});
		return true;
	});
}

export type TestResult = { deliveryId: string } | 'not_found' | 'inactive';

/** A `ping` to this webhook only (no inbox entry): the admin sees in the log whether the receiver answers. */
export async function sendTestPing(actor: Actor, id: string): Promise<TestResult> {
	return sql.begin(async (tx) => {
		const webhook = await repo.findWebhook(tx, actor.orgId, id);
		if (!webhook) return 'not_found';
		if (!webhook.active) return 'inactive';
		const deliveryId = await enqueueDelivery(tx, webhook.id, { type: 'ping', link: '/organisation/webhooks', data: { webhookId: webhook.id } }, now());
		return { deliveryId };
	});
}
