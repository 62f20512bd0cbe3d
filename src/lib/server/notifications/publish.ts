/**
 * @module notifications/publish
 * The one way something that happened reaches organisations: an entry in each recipient's inbox and a
 * delivery to each of their webhooks that wants it. `publish` runs inside the caller's transaction, so
 * an action that rolls back notifies no one; `kickDeliveries` after the commit sends without waiting
 * for the next poll.
 */
import type { Db } from '../db';
import { now } from '../clock';
import { subscribedWebhooks } from '../webhooks/repo';
import { enqueueDelivery } from '../webhooks/service';
import { kickDispatcher } from '../webhooks/dispatcher';
import { insertNotification } from './repo';
import type { EventType } from './events';

export { EVENT_LABELS, EVENT_TYPES, type EventType } from './events';

export interface PlatformEvent {
	type: EventType;
	/** recipient organisations; duplicates are ignored */
	orgIds: string[];
	/** for the inbox: short, German */
	title: string;
	body: string;
	/** app path of the subject, e.g. /baustellen/<id> (absolute in webhook payloads) */
	link: string | null;
	subjectId: string | null;
	/** the webhook payload's `data`: ids, codes, dates — no personal data (personal fields are dropped) */
	data: Record<string, unknown>;
}

export async function publish(tx: Db, event: PlatformEvent): Promise<void> {
	const orgIds = [...new Set(event.orgIds)];
	if (!orgIds.length) return;
	const at = now();
	for (const orgId of orgIds) {
		await insertNotification(tx, {
			orgId,
			kind: event.type,
			title: event.title,
			body: event.body,
			link: event.link,
			subjectId: event.subjectId,
			createdAt: at
		});
	}
	for (const webhook of await subscribedWebhooks(tx, orgIds, event.type)) {
		await enqueueDelivery(tx, webhook.id, event, at);
	}
}

/** Call after the commit: due deliveries go out shortly, outside the request. Never throws, never waits. */
export function kickDeliveries(): void {
	try {
		kickDispatcher();
	} catch (e) {
		console.error('[webhooks] kick', e);
	}
}
