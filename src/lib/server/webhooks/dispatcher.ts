/**
 * @module webhooks/dispatcher
 * Sends due deliveries: on the housekeeping poll (WEBHOOK_POLL_MS) and right after an event was
 * committed (`kickDispatcher`). One run at a time per process — a kick during a run makes the run go
 * round once more instead of starting a second — and across processes the claim in repo.ts keeps any
 * delivery with one sender at a time.
 */
import { sql } from '../db';
import { now } from '../clock';
import { config } from '../config';
import { nextAttemptAt } from './backoff';
import { deliver } from './deliver';
import { claimDueDeliveries, recordAttempt, type ClaimedDelivery, type DeliveryStatus } from './repo';

const BATCH = 10;
/** Time after the timeout before another server may take over a claimed delivery (DNS, slow DB). */
const LEASE_MARGIN_MS = 60_000;

let running = false;
let again = false;

async function attempt(d: ClaimedDelivery): Promise<void> {
	const startedAt = now();
	const result = await deliver(d, d.payload, { timeoutMs: config.webhookTimeoutMs, allowLocal: config.webhookAllowHttp });
	const finishedAt = now();
	let status: DeliveryStatus = 'zugestellt';
	let next: Date | null = null;
	if (!result.ok) {
		next = nextAttemptAt(d.attempt, finishedAt, { baseSeconds: config.webhookRetryBaseSeconds, maxAttempts: config.webhookMaxAttempts });
		status = next ? 'ausstehend' : 'fehlgeschlagen';
	}
	await sql.begin((tx) =>
		recordAttempt(tx, {
			deliveryId: d.id,
			attempt: { attempt: d.attempt, startedAt, durationMs: result.durationMs, statusCode: result.statusCode, error: result.error },
			status,
			nextAttemptAt: next,
			deliveredAt: result.ok ? finishedAt : null
		})
	);
}

async function drain(): Promise<void> {
	for (;;) {
		const at = now();
		const claimed = await claimDueDeliveries(sql, at, new Date(at.getTime() + config.webhookTimeoutMs + LEASE_MARGIN_MS), BATCH);
		// receivers are independent: a slow one must not hold up the others of the batch
		await Promise.all(claimed.map(attempt));
		if (claimed.length < BATCH) return;
	}
}

/** Sends everything due now; never throws (errors are logged, the poll tries again). */
export async function dispatchDue(): Promise<void> {
	if (running) {
		again = true;
		return;
	}
	running = true;
	try {
		do {
			again = false;
			await drain();
		} while (again);
	} catch (e) {
		console.error('[webhooks] Zustellung', e);
	} finally {
		running = false;
	}
}

/** Soon, outside the caller's request: the event's deliveries go out without waiting for the poll. */
export function kickDispatcher(): void {
	setImmediate(() => void dispatchDue());
}
