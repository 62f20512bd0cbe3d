import { describe, expect, it } from 'vitest';
import { berlinDay } from './format';

describe('berlinDay', () => {
	it('is the calendar day in Berlin, not in UTC', () => {
		expect(berlinDay('2026-12-06T22:30:00Z')).toBe('2026-12-06');
		expect(berlinDay('2026-12-06T23:30:00Z')).toBe('2026-12-07');
		expect(berlinDay(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
	});
});
