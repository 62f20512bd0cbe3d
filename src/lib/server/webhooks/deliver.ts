/**
 * @module webhooks/deliver
 * One HTTP attempt: POST the payload, signed, to the receiver, and say in German what happened. 2xx is
 * delivered; any other status, a redirect (never followed: the receiver's URL is what the admin
 * entered), a timeout or a network error is a failure to retry.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { payloadBody, type WebhookPayload } from './payload';
import { signatureHeader } from './sign';
import { isPrivateAddress } from './url';

export const USER_AGENT = 'Tiefblick-Webhook/1';

export interface DeliveryResult {
	ok: boolean;
	statusCode: number | null;
	/** German, for the delivery log; null when delivered */
	error: string | null;
	durationMs: number;
}

export interface DeliverOptions {
	timeoutMs: number;
	/** WEBHOOK_ALLOW_HTTP=1: internal addresses are allowed receivers (tests, local development) */
	allowLocal: boolean;
}

export function webhookHeaders(secret: string, payload: WebhookPayload, body: string, timestamp: number): Record<string, string> {
	return {
		'content-type': 'application/json',
		'user-agent': USER_AGENT,
		'tiefblick-event': payload.type,
		'tiefblick-delivery': payload.id,
		'tiefblick-signature': signatureHeader(secret, timestamp, body)
	};
}

class RefusedAddress extends Error {}

/**
 * The host a name points to must not be internal either (the URL check saw only the name). The request
 * resolves the name once more, so a name that changes its answer in between could still slip through;
 * this catches the plain case of a public name for an internal address.
 */
async function refuseInternalHost(hostname: string, signal: AbortSignal): Promise<void> {
	const host = hostname.replace(/^\[|\]$/g, '');
	const addresses = isIP(host)
		? [host]
		: (
				await Promise.race([
					lookup(host, { all: true }),
					new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }))
				])
			).map((a) => a.address);
	const internal = addresses.find(isPrivateAddress);
	if (internal) throw new RefusedAddress(`Die Adresse zeigt ins interne Netz (${internal}); dorthin wird nicht zugestellt.`);
}

function describeError(e: unknown, timeoutMs: number): string {
	if (e instanceof RefusedAddress) return e.message;
	const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
	if (err.name === 'TimeoutError' || err.name === 'AbortError') {
		return `Keine Antwort innerhalb von ${(timeoutMs / 1000).toLocaleString('de-DE')} s (Zeitüberschreitung).`;
	}
	const code = err.cause?.code ?? err.code ?? '';
	if (code === 'ECONNREFUSED') return 'Verbindung abgelehnt – nimmt der Empfänger unter dieser Adresse Verbindungen an?';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'Der Rechnername des Empfängers ist nicht auflösbar (DNS).';
	if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'Der Empfänger hat die Verbindung unterbrochen.';
	if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'Der Empfänger ist im Netz nicht erreichbar.';
	// the fetch standard's blocked ports (SMTP, IRC, X11 …)
	if (err.cause?.message === 'bad port') return 'Dieser Port ist für Webhooks gesperrt; bitte einen üblichen Port wie 443 verwenden.';
	if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) return `Das TLS-Zertifikat des Empfängers ist nicht gültig (${code}).`;
	return `Netzwerkfehler beim Zustellen (${code || err.cause?.message || err.message || 'unbekannt'}).`;
}

function describeStatus(status: number, location: string | null): string {
	if (status >= 300 && status < 400) {
		return `Weiterleitung (HTTP ${status}${location ? ` nach ${location.slice(0, 200)}` : ''}) – Weiterleitungen werden nicht verfolgt; bitte die Zieladresse direkt eintragen.`;
	}
	if (status === 401 || status === 403) return `HTTP ${status}: Der Empfänger hat den Aufruf abgewiesen (Signatur oder Geheimnis prüfen).`;
	if (status >= 500) return `HTTP ${status}: Der Empfänger meldet einen Fehler.`;
	return `HTTP ${status}: Der Empfänger hat den Aufruf nicht angenommen.`;
}

export async function deliver(target: { url: string; secret: string }, payload: WebhookPayload, opts: DeliverOptions): Promise<DeliveryResult> {
	const started = performance.now();
	const elapsed = () => Math.round(performance.now() - started);
	const body = payloadBody(payload);
	// real wall-clock seconds, not the (possibly FAKE_NOW-shifted) server clock: the receiver compares
	// the signed timestamp with its own clock to refuse replays
	const timestamp = Math.floor(Date.now() / 1000);
	const signal = AbortSignal.timeout(opts.timeoutMs);
	try {
		if (!opts.allowLocal) await refuseInternalHost(new URL(target.url).hostname, signal);
		const res = await fetch(target.url, {
			method: 'POST',
			headers: webhookHeaders(target.secret, payload, body, timestamp),
			body,
			redirect: 'manual',
			signal
		});
		// the answer's body is of no interest; not reading it frees the connection
		await res.body?.cancel().catch(() => {});
		const ok = res.status >= 200 && res.status < 300;
		return { ok, statusCode: res.status, error: ok ? null : describeStatus(res.status, res.headers.get('location')), durationMs: elapsed() };
	} catch (e) {
		return { ok: false, statusCode: null, error: describeError(e, opts.timeoutMs), durationMs: elapsed() };
	}
}
