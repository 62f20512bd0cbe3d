/**
 * @module webhooks/sign
 * The webhook signature, Stripe-style: `Tiefblick-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * "<t>.<raw body>")>`. The timestamp is signed with the body, so a receiver that also checks its age
 * refuses a recorded request replayed later. `v1` names the scheme, so a second one can be added beside it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, hex: the shared secret of one webhook. */
export function generateWebhookSecret(): string {
	return randomBytes(32).toString('hex');
}

export function signatureHex(secret: string, timestamp: number, body: string): string {
	return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header value for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
	return `t=${timestamp},v1=${signatureHex(secret, timestamp, body)}`;
}

/**
 * What a receiver does (the README and the webhooks page show the same in five lines): the header's
 * `v1` must equal our HMAC of `t.body`, and `t` must be recent.
 */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
	const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
	const t = Number(parts.get('t'));
	const given = parts.get('v1') ?? '';
	if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
	const expected = signatureHex(secret, t, body);
	return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
