/**
 * @module webhooks/backoff
 * When to try a failed delivery again: base × 4^(attempt−1) seconds after the attempt — with the default
 * base of 60 s that is 1 min, 4 min, 16 min, 64 min, ~4¼ h — and after the last allowed attempt, never.
 * Exponential, so a receiver that is down for hours is not hammered, yet one that hiccups gets the event
 * within a minute.
 */

export interface RetryPolicy {
	baseSeconds: number;
	maxAttempts: number;
}

/** Seconds to wait after failed attempt number `attempt` (1-based). */
export function retryDelaySeconds(attempt: number, baseSeconds: number): number {
	return baseSeconds * 4 ** (attempt - 1);
}

/** The time of the next try after attempt `attempt` failed at `failedAt`; null = give up (fehlgeschlagen). */
export function nextAttemptAt(attempt: number, failedAt: Date, policy: RetryPolicy): Date | null {
	if (attempt >= policy.maxAttempts) return null;
	return new Date(failedAt.getTime() + Math.round(retryDelaySeconds(attempt, policy.baseSeconds) * 1000));
}
