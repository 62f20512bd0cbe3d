/**
 * @module auth/rate-limit
 * Sliding-window counters in PostgreSQL, so every app server behind a load balancer sees the same
 * counts (an in-memory limiter would multiply the limit by the number of servers).
 */
import type { Db } from '../db';
import { now } from '../clock';

export interface Limit {
	max: number;
	windowSeconds: number;
}

/** Seconds until the next attempt is allowed, or 0 when under the limit. */
export async function retryAfter(db: Db, bucket: string, key: string, limit: Limit): Promise<number> {
	const at = now();
	const windowStart = new Date(at.getTime() - limit.windowSeconds * 1000);
	const rows = await db<{ at: Date }[]>`select at from rate_events
		where bucket = ${bucket} and key = ${key} and at > ${windowStart}
		order by at desc limit ${limit.max}`;
	if (rows.length < limit.max) return 0;
	// the oldest of the last `max` events has to leave the window first
	const oldest = rows[rows.length - 1]!.at.getTime();
	return Math.max(1, Math.ceil((oldest + limit.windowSeconds * 1000 - at.getTime()) / 1000));
}

export async function recordEvent(db: Db, bucket: string, key: string, limit: Limit): Promise<void> {
	const at = now();
	await db`insert into rate_events (bucket, key, at) values (${bucket}, ${key}, ${at})`;
	// keep the table small: this key's events that left the window are of no use any more
	await db`delete from rate_events where bucket = ${bucket} and key = ${key}
		and at < ${new Date(at.getTime() - limit.windowSeconds * 1000)}`;
}

export async function clearEvents(db: Db, bucket: string, key: string): Promise<void> {
	await db`delete from rate_events where bucket = ${bucket} and key = ${key}`;
}
