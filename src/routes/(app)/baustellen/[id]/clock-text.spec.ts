import { describe, expect, it } from 'vitest';
import { clockText } from './clock-text';

const run = (daysLeft: number, unit: 'arbeitstage' | 'monate' = 'arbeitstage', fictionDue = false) => ({ running: true, daysLeft, unit, fictionDue });

describe('clockText', () => {
	it('counts down working days and calendar days', () => {
		expect(clockText({ overdue: false }, run(9))).toBe('noch 9 Arbeitstage');
		expect(clockText({ overdue: false }, run(1))).toBe('noch 1 Arbeitstag');
		expect(clockText({ overdue: false }, run(45, 'monate'))).toBe('noch 45 Tage');
		expect(clockText({ overdue: false }, run(0))).toBe('heute fällig');
	});
	it('says since when a clock is overdue, also over a weekend with 0 working days', () => {
		expect(clockText({ overdue: true }, run(-3))).toBe('überfällig seit 3 Arbeitstagen');
		expect(clockText({ overdue: true }, run(-1))).toBe('überfällig seit 1 Arbeitstag');
		expect(clockText({ overdue: true }, run(0))).toBe('überfällig');
	});
	it('names the fictional grant and stays silent without a running clock', () => {
		expect(clockText({ overdue: true }, run(-2, 'monate', true))).toBe('Frist abgelaufen – die Zustimmung gilt als erteilt');
		expect(clockText({ overdue: false }, { running: false, daysLeft: null, unit: 'arbeitstage', fictionDue: false })).toBe('');
		expect(clockText({ overdue: false }, undefined)).toBe('');
	});
});
