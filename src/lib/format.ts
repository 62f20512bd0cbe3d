/**
 * @module format
 * German date and number formatting, always in Europe/Berlin (the server may run in UTC).
 */
const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' });

export function formatDateTime(value: Date | string | null | undefined): string {
	return value ? dateTime.format(new Date(value)) : '–';
}

export function formatDate(value: Date | string | null | undefined): string {
	return value ? date.format(new Date(value)) : '–';
}

/** The calendar day (YYYY-MM-DD) of an instant in Europe/Berlin. */
export function berlinDay(value: Date | string): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(value));
}

/** A short, human description of a browser's user agent for the session list. */
export function describeUserAgent(ua: string | null): string {
	if (!ua) return 'unbekanntes Gerät';
	const browser = /Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : /Chrom(e|ium)\//.test(ua) ? 'Chrome/Chromium' : /Safari\//.test(ua) ? 'Safari' : /curl\//.test(ua) ? 'curl' : 'Browser';
	const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Linux/.test(ua) ? 'Linux' : '';
	return os ? `${browser} unter ${os}` : browser;
}
