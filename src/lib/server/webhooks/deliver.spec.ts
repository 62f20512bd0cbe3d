import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver } from './deliver';
import { verifySignature } from './sign';
import type { WebhookPayload } from './payload';

const SECRET = 'c'.repeat(64);
const payload: WebhookPayload = { id: '6f1c0a52-3c53-4a3a-9d1e-1f0b6f1c0a52', type: 'ping', createdAt: '2026-12-01T10:00:00.000Z', link: null, data: { webhookId: 'w1' } };

let server: Server;
let base: string;
let seen: { headers: IncomingMessage['headers']; body: string }[] = [];
const routes: Record<string, (res: ServerResponse) => void> = {
	'/ok': (res) => res.writeHead(204).end(),
	'/boom': (res) => res.writeHead(500).end('kaputt'),
	'/moved': (res) => res.writeHead(301, { location: '/ok' }).end(),
	'/slow': (res) => void setTimeout(() => res.writeHead(200).end(), 1000)
};

beforeAll(async () => {
	server = createServer((req, res) => {
		let body = '';
		req.on('data', (c: Buffer) => (body += c.toString()));
		req.on('end', () => {
			seen.push({ headers: req.headers, body });
			routes[req.url ?? '']!(res);
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
	server.closeAllConnections();
	server.close();
});

const opts = { timeoutMs: 300, allowLocal: true };

/** A port nobody listens on: taken from the OS, then given back. */
async function closedPort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
	const { port } = probe.address() as AddressInfo;
	await new Promise((r) => probe.close(r));
	return port;
}

describe('one delivery attempt', () => {
	it('POSTs the body with the documented headers and a signature the receiver can check', async () => {
		seen = [];
		const result = await deliver({ url: `${base}/ok`, secret: SECRET }, payload, opts);
		expect(result).toMatchObject({ ok: true, statusCode: 204, error: null });
		const [req] = seen;
		expect(req!.headers).toMatchObject({
			'content-type': 'application/json',
			'user-agent': 'Tiefblick-Webhook/1',
			'tiefblick-event': 'ping',
			'tiefblick-delivery': payload.id
		});
		expect(JSON.parse(req!.body)).toEqual(payload);
		expect(verifySignature(SECRET, String(req!.headers['tiefblick-signature']), req!.body, Math.floor(Date.now() / 1000))).toBe(true);
	});

	it('reports a receiver error, a redirect (not followed), a timeout and a refused connection in German', async () => {
		seen = [];
		const boom = await deliver({ url: `${base}/boom`, secret: SECRET }, payload, opts);
		expect(boom).toMatchObject({ ok: false, statusCode: 500, error: 'HTTP 500: Der Empfänger meldet einen Fehler.' });
		const moved = await deliver({ url: `${base}/moved`, secret: SECRET }, payload, opts);
		expect(moved).toMatchObject({ ok: false, statusCode: 301 });
		expect(moved.error).toMatch(/Weiterleitung \(HTTP 301 nach \/ok\) – Weiterleitungen werden nicht verfolgt/);
		expect(seen.map((s) => s.headers['tiefblick-delivery'])).toHaveLength(2); // /ok was never called
		const slow = await deliver({ url: `${base}/slow`, secret: SECRET }, payload, opts);
		expect(slow).toMatchObject({ ok: false, statusCode: null, error: 'Keine Antwort innerhalb von 0,3 s (Zeitüberschreitung).' });
		expect(slow.durationMs).toBeLessThan(900);
		const refused = await deliver({ url: `http://127.0.0.1:${await closedPort()}/none`, secret: SECRET }, payload, opts);
		expect(refused).toMatchObject({ ok: false, statusCode: null });
		expect(refused.error).toMatch(/^Verbindung abgelehnt/);
		const blocked = await deliver({ url: 'http://127.0.0.1:25/smtp', secret: SECRET }, payload, opts);
		expect(blocked.error).toBe('Dieser Port ist für Webhooks gesperrt; bitte einen üblichen Port wie 443 verwenden.');
	});

	it('does not send to an internal address unless local receivers are allowed', async () => {
		seen = [];
		const result = await deliver({ url: `${base}/ok`, secret: SECRET }, payload, { ...opts, allowLocal: false });
		expect(result).toMatchObject({ ok: false, statusCode: null });
		expect(result.error).toMatch(/interne Netz \(127\.0\.0\.1\)/);
		expect(seen).toHaveLength(0);
	});
});
