import { describe, expect, it } from 'vitest';
import { csrfRefused } from './csrf';

const own = 'https://tiefblick.example';
const req = (method: string, origin?: string) =>
	new Request(`${own}/x`, { method, headers: origin ? { origin } : {} });

describe('csrf', () => {
	it('lets reads through whatever their origin', () => {
		expect(csrfRefused(req('GET', 'https://evil.example'), own, true)).toBe(false);
	});

	it('refuses a write from a foreign origin, with or without cookie', () => {
		expect(csrfRefused(req('POST', 'https://evil.example'), own, true)).toBe(true);
		expect(csrfRefused(req('POST', 'https://evil.example'), own, false)).toBe(true);
		expect(csrfRefused(req('DELETE', 'null'), own, true)).toBe(true);
	});

	it('accepts a same-origin write', () => {
		expect(csrfRefused(req('POST', own), own, true)).toBe(false);
	});

	it('refuses a cookie write without Origin but lets a cookieless one (Bearer, curl) through', () => {
		expect(csrfRefused(req('POST'), own, true)).toBe(true);
		expect(csrfRefused(req('POST'), own, false)).toBe(false);
	});
});
