/**
 * @module housekeeping
 * Hourly clean-up: expired sessions, and IPs/e-mails beside the audit chain past their retention.
 */
import { sql } from './db';
import { purgeExpiredPersonal } from './audit/repo';
import { purgeExpiredSessions } from './auth/session';

let timer: NodeJS.Timeout | null = null;

async function runOnce(): Promise<void> {
	try {
		await purgeExpiredSessions(sql);
		await purgeExpiredPersonal(sql);
	} catch (e) {
		console.error('[housekeeping]', e);
	}
}

export function startHousekeeping(): void {
	if (timer) return;
	void runOnce();
	timer = setInterval(() => void runOnce(), 3_600_000);
	timer.unref(); // never keeps the process alive on shutdown
}
