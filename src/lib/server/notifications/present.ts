/**
 * @module notifications/present
 * The API's JSON view of an inbox entry; the link made absolute for clients outside the browser.
 */
import { absoluteLink } from '../webhooks/payload';
import type { Notification } from './repo';

export function notificationJson(n: Notification, origin: string) {
	return {
		id: n.id,
		type: n.kind,
		title: n.title,
		body: n.body,
		link: absoluteLink(n.link, origin),
		subjectId: n.subjectId,
		createdAt: n.createdAt,
		readAt: n.readAt
	};
}

/** Only app paths are followed from the inbox: never another site (an open redirect). */
export function safeAppPath(link: string | null): string | null {
	return link && link.startsWith('/') && !link.startsWith('//') && !link.includes('\\') ? link : null;
}
