/**
 * @module webhooks/url
 * Which receiver URLs a webhook may have. https only, so payload and signature cannot be read or replayed
 * on the way; no credentials in the URL (they would sit in our database and logs — the receiver checks the
 * signature instead); and no addresses of the internal network, so an org admin cannot make our servers
 * POST to things only they can reach (metadata services, databases on localhost). `allowLocal`
 * (WEBHOOK_ALLOW_HTTP=1: tests, demo, local development) lifts the last two for plain http to 127.0.0.1.
 */
import { BlockList, isIP } from 'node:net';

export const WEBHOOK_URL_MAX_LENGTH = 2000;

const PRIVATE = new BlockList();
for (const [net, prefix] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10], // carrier-grade NAT
	['127.0.0.0', 8],
	['169.254.0.0', 16], // link-local, cloud metadata services
	['172.16.0.0', 12],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['224.0.0.0', 3] // multicast and reserved
] as const) {
	PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
	['::', 128],
	['::1', 128],
	['fc00::', 7], // unique local
	['fe80::', 10], // link-local
	['ff00::', 8] // multicast
] as const) {
	PRIVATE.addSubnet(net, prefix, 'ipv6');
}

/** True for an IP address of the internal network (loopback, private, link-local, reserved). */
export function isPrivateAddress(address: string): boolean {
	const ip = address.replace(/^\[|\]$/g, '');
	const family = isIP(ip);
	if (family === 4) return PRIVATE.check(ip, 'ipv4');
	if (family === 6) {
		// ::ffff:a.b.c.d reaches the IPv4 host a.b.c.d
		const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
		if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
		const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
		if (hex) {
			const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
			return PRIVATE.check([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'), 'ipv4');
		}
		return PRIVATE.check(ip, 'ipv6');
	}
	return false;
}

function isLocalName(hostname: string): boolean {
	const h = hostname.toLowerCase().replace(/\.$/, '');
	return h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal') || !h.includes('.');
}

export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

/** Checks a receiver URL typed by an org admin; the message says what to change. */
export function checkWebhookUrl(input: string, allowLocal: boolean): UrlCheck {
	const raw = input.trim();
	if (!raw) return { ok: false, message: 'Bitte die Adresse des Empfängers angeben, z. B. https://fachverfahren.example.de/tiefblick.' };
	if (raw.length > WEBHOOK_URL_MAX_LENGTH) {
		return { ok: false, message: `Die Adresse ist zu lang (höchstens ${WEBHOOK_URL_MAX_LENGTH.toLocaleString('de-DE')} Zeichen).` };
	}
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return { ok: false, message: 'Das ist keine vollständige Adresse. Bitte mit https:// beginnen, z. B. https://fachverfahren.example.de/tiefblick.' };
	}
	if (url.protocol !== 'https:' && !(allowLocal && url.protocol === 'http:')) {
		return {
			ok: false,
			message: 'Nur https-Adressen sind erlaubt, damit Inhalt und Signatur unterwegs nicht mitgelesen werden. Bitte die Adresse mit https:// angeben.'
		};
	}
	if (url.username || url.password) {
		return {
			ok: false,
			message: 'Die Adresse darf keine Zugangsdaten (name:passwort@) enthalten. Der Empfänger erkennt echte Aufrufe an der Signatur.'
		};
	}
	if (url.hash) return { ok: false, message: 'Bitte die Adresse ohne #-Anker angeben; er wird nie mitgesendet.' };
	if (!allowLocal && (isPrivateAddress(url.hostname) || isLocalName(url.hostname))) {
		return {
			ok: false,
			message: 'Adressen im internen Netz (localhost, 10.x.x.x, 192.168.x.x, Rechnernamen ohne Domain …) sind nicht erlaubt. Bitte eine öffentlich erreichbare https-Adresse angeben.'
		};
	}
	return { ok: true, url: url.href };
}
