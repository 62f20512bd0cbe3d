/**
 * @module notifications/events
 * What can happen on the platform that an organisation hears about — in its inbox and through its
 * webhooks. Re-exported by publish.ts, the one place that sends them.
 */

export const EVENT_TYPES = [
	'baustelle.angelegt',
	'baustelle.geaendert',
	'baustelle.status',
	'baustelle.konflikt',
	'baustelle.beteiligung',
	'genehmigung.beantragt',
	'genehmigung.entschieden',
	'moratorium.vorgeschlagen',
	'mitnutzung.anfrage',
	'ping'
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_LABELS: Record<EventType, string> = {
	'baustelle.angelegt': 'Baustelle angelegt',
	'baustelle.geaendert': 'Baustelle geändert',
	'baustelle.status': 'Status einer Baustelle geändert',
	'baustelle.konflikt': 'Konflikt mit einer anderen Baustelle oder Aufbruchsperre',
	'baustelle.beteiligung': 'Beteiligung als Netzbetreiber',
	'genehmigung.beantragt': 'Genehmigung beantragt',
	'genehmigung.entschieden': 'Über eine Genehmigung entschieden',
	'moratorium.vorgeschlagen': 'Aufbruchsperre vorgeschlagen',
	'mitnutzung.anfrage': 'Trasse entlang eigener Leerrohre geprüft (Mitnutzung)',
	ping: 'Testaufruf'
};

/** What a webhook can subscribe to; `ping` only comes from „Test senden“, to that one webhook. */
export const SUBSCRIBABLE_EVENTS = EVENT_TYPES.filter((t): t is Exclude<EventType, 'ping'> => t !== 'ping');
export type SubscribableEvent = (typeof SUBSCRIBABLE_EVENTS)[number];

export function isSubscribableEvent(value: string): value is SubscribableEvent {
	return (SUBSCRIBABLE_EVENTS as readonly string[]).includes(value);
}
