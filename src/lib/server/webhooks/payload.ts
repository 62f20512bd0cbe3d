/**
 * @module webhooks/payload
 * The JSON a receiver gets: `{ id, type, createdAt, link, data }` and nothing else. The notification's
 * title and body stay in the app (they are written for people and may name them); `data` is meant to be
 * ids, numbers, dates and codes only, and personal fields that slip into it anyway are dropped here —
 * a webhook leaves the platform for a system we know nothing about.
 */
import type { EventType } from '../notifications/events';

export interface WebhookPayload {
	/** the delivery's id: the same on every retry, so receivers deduplicate by it */
	id: string;
	type: EventType;
	createdAt: string;
	/** absolute URL of the subject in the app, or null */
	link: string | null;
	data: Record<string, unknown>;
}

/** Keys that name or reach a natural person (compared lower-case, without `_`, `-` and spaces). */
const PERSONAL_KEYS = new Set([
	'email',
	'mail',
	'emailaddress',
	'phone',
	'telefon',
	'tel',
	'mobil',
	'mobile',
	'fax',
	'contact',
	'kontakt',
	'ansprechpartner',
	'bauleiter',
	'bauherr',
	'person',
	'firstname',
	'lastname',
	'fullname',
	'vorname',
	'nachname',
	'username',
	'userid',
	'user',
	'createdby',
	'actoruser',
	'ip',
	'ipaddress',
	'useragent',
	'address',
	'adresse',
	'anschrift'
]);
const EMAIL = /[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}/i;

function isPersonalKey(key: string): boolean {
	return PERSONAL_KEYS.has(key.toLowerCase().replace(/[\s_-]/g, ''));
}

function clean(value: unknown, dropped: string[], path: string): unknown {
	if (typeof value === 'string') {
		if (EMAIL.test(value)) {
			dropped.push(path);
			return undefined;
		}
		return value;
	}
	if (Array.isArray(value)) {
		return value.map((v, i) => clean(v, dropped, `${path}[${i}]`)).filter((v) => v !== undefined);
	}
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) {
			const at = path ? `${path}.${k}` : k;
			if (isPersonalKey(k)) {
				dropped.push(at);
				continue;
			}
			const c = clean(v, dropped, at);
			if (c !== undefined) out[k] = c;
		}
		return out;
	}
	return value;
}

/** `data` without personal fields, and the paths that were dropped (for a warning to the developer). */
export function withoutPersonalData(data: Record<string, unknown>): { data: Record<string, unknown>; dropped: string[] } {
	const dropped: string[] = [];
	const cleaned = clean(JSON.parse(JSON.stringify(data ?? {})), dropped, '') as Record<string, unknown>;
	return { data: cleaned, dropped };
}

/** Resolves an app path against the public origin; null without either. */
export function absoluteLink(link: string | null, origin: string | null): string | null {
	if (!link || !origin) return null;
	try {
		return new URL(link, origin).href;
	} catch {
		return null;
	}
}

export function buildPayload(input: { id: string; type: EventType; createdAt: Date; link: string | null; data: Record<string, unknown> }, origin: string | null): WebhookPayload {
	const { data, dropped } = withoutPersonalData(input.data);
	if (dropped.length) console.warn(`[webhooks] ${input.type}: personenbezogene Felder nicht gesendet: ${dropped.join(', ')}`);
	return { id: input.id, type: input.type, createdAt: input.createdAt.toISOString(), link: absoluteLink(input.link, origin), data };
}

/**
 * The exact bytes sent and signed. jsonb (where the payload waits) does not keep key order, so the body is
 * written in the documented order every time — the same bytes on every retry.
 */
export function payloadBody(p: WebhookPayload): string {
	return JSON.stringify({ id: p.id, type: p.type, createdAt: p.createdAt, link: p.link, data: p.data });
}
