import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, germanDate, monthsTouched, overlapWindow, windowsOverlap } from './dates';

describe('calendar dates', () => {
	it('adds days across month, year and summer-time boundaries', () => {
		expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
		expect(addDays('2026-01-10', -42)).toBe('2025-11-29');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
	});

	it('adds calendar months, clamping the day to the target month', () => {
		expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
		expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
		expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
		expect(addMonths('2026-01-15', -6)).toBe('2025-07-15');
	});

	it('treats windows as inclusive: touching on one day overlaps by one day', () => {
		expect(windowsOverlap('2026-03-01', '2026-03-10', '2026-03-10', '2026-03-20')).toBe(true);
		expect(windowsOverlap('2026-03-01', '2026-03-10', '2026-03-11', '2026-03-20')).toBe(false);
		expect(overlapWindow('2026-03-01', '2026-03-10', '2026-03-10', '2026-03-20')).toEqual({ from: '2026-03-10', to: '2026-03-10', days: 1 });
		expect(overlapWindow('2026-03-01', '2026-03-31', '2026-03-05', '2026-03-13')).toEqual({ from: '2026-03-05', to: '2026-03-13', days: 9 });
	});

	it('lists touched months in order, across a year end, at most twelve', () => {
		expect(monthsTouched('2026-11-20', '2027-01-05')).toEqual([11, 12, 1]);
		expect(monthsTouched('2026-03-01', '2026-03-31')).toEqual([3]);
		expect(monthsTouched('2026-03-01', '2028-03-01')).toHaveLength(12);
	});

	it('formats dates as a German letter does', () => {
		expect(germanDate('2026-03-05')).toBe('05.03.2026');
		expect(() => germanDate('5.3.2026')).toThrow(/Kalenderdatum/);
	});
});
