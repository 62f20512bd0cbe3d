/**
 * @module housekeeping
 * Hourly clean-up: expired sessions, and IPs/e-mails beside the audit chain past their retention.
 * Every minute: answer deadlines of manual operators (keine_antwort after two working days). Reads
 * settle them too (auskunft/deadlines.ts); the timer covers Auskünfte nobody looks at.
 * Every WEBHOOK_POLL_MS: due webhook deliveries (retries; first attempts are also kicked right after
 * the event, see notifications/publish.ts).
 */
import { sql } from './db';
import { purgeExpiredPersonal } from './audit/repo';
import { purgeExpiredSessions } from './auth/session';
import { settleDeadlines } from './auskunft/deadlines';
import { settlePermitClocks } from './baustellen/permits';
import { config } from './config';
import { dispatchDue } from './webhooks/dispatcher';

let timer: NodeJS.Timeout | null = null;
let deadlineTimer: NodeJS.Timeout | null = null;
let webhookTimer: NodeJS.Timeout | null = null;

async function runOnce(): Promise<void> {
	try {
		await purgeExpiredSessions(sql);
		await purgeExpiredPersonal(sql);
	} catch (e) {
		console.error('[housekeeping]', e);
	}
}

async function runDeadlines(): Promise<void> {
	try {
		await settleDeadlines();
		// TKG consents whose clock ran out are granted by fiction (baustellen/permits.ts)
		await settlePermitClocks();
	} catch (e) {
		console.error('[housekeeping] Fristen', e);
	}
}

export function startHousekeeping(): void {
	if (timer) return;
	void runOnce();
	void runDeadlines();
	timer = setInterval(() => void runOnce(), 3_600_000);
	deadlineTimer = setInterval(() => void runDeadlines(), 60_000);
	// dispatchDue never throws; a tick during a run makes that run look once more instead of starting another
	webhookTimer = setInterval(() => void dispatchDue(), config.webhookPollMs);
	// never keep the process alive on shutdown
	timer.unref();
	deadlineTimer.unref();
	webhookTimer.unref();
}
