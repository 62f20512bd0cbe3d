import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPrivateAddress } from './url';

const ok = (url: string, allowLocal = false) => checkWebhookUrl(url, allowLocal);

describe('webhook URL', () => {
	it('accepts public https addresses and normalises them', () => {
		expect(ok('  https://Fachverfahren.Example.de/tiefblick?x=1 ')).toEqual({ ok: true, url: 'https://fachverfahren.example.de/tiefblick?x=1' });
		expect(ok('https://hooks.example.com:8443/in')).toMatchObject({ ok: true });
	});

	it('refuses http unless allowed, with a German message that says what to do', () => {
		const r = ok('http://hooks.example.com/in');
		expect(r).toMatchObject({ ok: false });
		expect(!r.ok && r.message).toMatch(/Nur https-Adressen .* mit https:\/\//);
		expect(ok('http://127.0.0.1:4000/in', true)).toEqual({ ok: true, url: 'http://127.0.0.1:4000/in' });
		expect(ok('ftp://hooks.example.com/in', true)).toMatchObject({ ok: false });
	});

	it('refuses credentials, fragments, junk, empty and over-long addresses', () => {
		for (const url of ['https://user:pw@hooks.example.com/', 'https://user@hooks.example.com/', 'https://hooks.example.com/#x', 'hooks.example.com', '', '   ', `https://hooks.example.com/${'a'.repeat(2000)}`]) {
			const r = ok(url);
			expect(r.ok, url).toBe(false);
			expect(!r.ok && r.message, url).toMatch(/^[A-ZÄÖÜ]/);
		}
		expect(!ok('https://u:p@hooks.example.com/').ok && (ok('https://u:p@hooks.example.com/') as { message: string }).message).toMatch(/Zugangsdaten/);
	});

	it('refuses internal addresses, in every spelling, unless local receivers are allowed', () => {
		for (const url of [
			'https://localhost/x',
			'https://api.localhost/x',
			'https://127.0.0.1/x',
			'https://2130706433/x', // 127.0.0.1 as one number
			'https://0x7f.1/x',
			'https://10.1.2.3/x',
			'https://172.20.0.1/x',
			'https://192.168.178.1/x',
			'https://169.254.169.254/latest/meta-data',
			'https://[::1]/x',
			'https://[fd00::1]/x',
			'https://[::ffff:127.0.0.1]/x',
			'https://intranet/x',
			'https://db.internal/x'
		]) {
			expect(ok(url).ok, url).toBe(false);
		}
		expect(ok('https://192.168.178.1/x', true).ok).toBe(true);
	});

	it('knows private from public addresses', () => {
		expect(['127.0.0.1', '10.0.0.1', '100.64.1.1', '::1', '[::1]', 'fe80::1', '::ffff:10.0.0.1', '::ffff:7f00:1'].map(isPrivateAddress)).toEqual(Array(8).fill(true));
		expect(['8.8.8.8', '2a00:1450:4001::1', '::ffff:8.8.8.8', 'hooks.example.com'].map(isPrivateAddress)).toEqual(Array(4).fill(false));
	});
});
