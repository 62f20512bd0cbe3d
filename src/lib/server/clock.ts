/**
 * @module clock
 * The one source of "now" on the server, so tests can move time (deadlines, expiry, rate-limit windows).
 * FAKE_NOW=<ISO instant> starts the server's clock there; it then runs on in real time.
 */
let offsetMs = process.env.FAKE_NOW ? Date.parse(process.env.FAKE_NOW) - Date.now() : 0;

export function now(): Date {
	return new Date(Date.now() + offsetMs);
}

/** Test hook: pin the clock to an instant (it keeps running from there). */
export function setNow(instant: Date): void {
	offsetMs = instant.getTime() - Date.now();
}
