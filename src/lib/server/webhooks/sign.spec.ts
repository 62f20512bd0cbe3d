import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signatureHeader, verifySignature } from './sign';

const SECRET = 'a'.repeat(64);
const BODY = '{"id":"d1","type":"ping","createdAt":"2026-12-01T10:00:00.000Z","link":null,"data":{}}';

describe('webhook signature', () => {
	it('is t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">, as a receiver computes it with node:crypto', () => {
		const header = signatureHeader(SECRET, 1_790_000_000, BODY);
		const expected = createHmac('sha256', SECRET).update(`1790000000.${BODY}`).digest('hex');
		expect(header).toBe(`t=1790000000,v1=${expected}`);
		expect(expected).toMatch(/^[0-9a-f]{64}$/);
	});

	it('verifies the right secret and body within the tolerance, and nothing else', () => {
		const t = 1_790_000_000;
		const header = signatureHeader(SECRET, t, BODY);
		expect(verifySignature(SECRET, header, BODY, t + 10)).toBe(true);
		expect(verifySignature('b'.repeat(64), header, BODY, t)).toBe(false);
		expect(verifySignature(SECRET, header, BODY.replace('ping', 'pong'), t)).toBe(false);
		// replayed ten minutes later
		expect(verifySignature(SECRET, header, BODY, t + 600)).toBe(false);
		expect(verifySignature(SECRET, header.replace(/v1=\w+/, 'v1=abc'), BODY, t)).toBe(false);
		expect(verifySignature(SECRET, 'nonsense', BODY, t)).toBe(false);
	});

	it('makes secrets of 32 random bytes in hex, never the same twice', () => {
		const a = generateWebhookSecret();
		expect(a).toMatch(/^[0-9a-f]{64}$/);
		expect(generateWebhookSecret()).not.toBe(a);
	});
});
