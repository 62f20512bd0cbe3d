import { describe, expect, it } from 'vitest';
import { nextAttemptAt, retryDelaySeconds } from './backoff';

describe('retry schedule', () => {
	it('waits base × 4^(attempt−1): 1, 4, 16, 64, 256 minutes with the default base of 60 s', () => {
		expect([1, 2, 3, 4, 5].map((n) => retryDelaySeconds(n, 60))).toEqual([60, 240, 960, 3840, 15360]);
	});

	it('gives up after the last allowed attempt', () => {
		const at = new Date('2026-12-01T10:00:00Z');
		const policy = { baseSeconds: 60, maxAttempts: 6 };
		const schedule = [1, 2, 3, 4, 5, 6].map((n) => nextAttemptAt(n, at, policy)?.toISOString() ?? null);
		expect(schedule).toEqual([
			'2026-12-01T10:01:00.000Z',
			'2026-12-01T10:04:00.000Z',
			'2026-12-01T10:16:00.000Z',
			'2026-12-01T11:04:00.000Z',
			'2026-12-01T14:16:00.000Z',
			null
		]);
	});

	it('takes fractions of a second as base (the tests run with 0.2 s)', () => {
		const at = new Date('2026-12-01T10:00:00Z');
		expect(nextAttemptAt(2, at, { baseSeconds: 0.2, maxAttempts: 3 })!.getTime() - at.getTime()).toBe(800);
		expect(nextAttemptAt(3, at, { baseSeconds: 0.2, maxAttempts: 3 })).toBeNull();
	});
});
