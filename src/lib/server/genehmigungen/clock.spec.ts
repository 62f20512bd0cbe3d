import { describe, expect, it } from 'vitest';
import { isWorkingDay, publicHolidays } from '../auskunft/working-days';
import { clockState, dueDate } from './clock';
import { DEFAULT_PERIODS, type Period } from './periods';

const AT10 = DEFAULT_PERIODS.aufgrabeerlaubnis;
const AT20 = DEFAULT_PERIODS.sondernutzung;
const TKG = DEFAULT_PERIODS.tkg_zustimmung;

describe('the holidays these clocks rely on (Sachsen-Anhalt)', () => {
	it('are public holidays, and Heiligabend, Silvester and Allerheiligen are not', () => {
		const h26 = publicHolidays(2026);
		const h27 = publicHolidays(2027);
		const h28 = publicHolidays(2028);
		for (const d of ['2026-04-03', '2026-04-06', '2026-10-31', '2026-12-25', '2026-12-26']) expect(h26.has(d), d).toBe(true);
		for (const d of ['2027-01-01', '2027-01-06', '2027-03-26', '2027-03-29']) expect(h27.has(d), d).toBe(true);
		expect(h28.has('2028-10-31')).toBe(true); // Reformationstag on a Tuesday
		for (const d of ['2026-12-24', '2026-12-31', '2028-11-01']) expect(isWorkingDay(d), d).toBe(true);
	});
});

describe('dueDate in Arbeitstage', () => {
	it('counts the n-th working day after completeness, skipping Karfreitag and Ostermontag', () => {
		// Fri 27.03.2026: 30., 31.03., 01., 02.04., (Karfreitag, weekend, Ostermontag), 07.–10., 13., 14.04.
		expect(dueDate('2026-03-27', AT10, false)).toBe('2026-04-14');
	});

	it('skips Christmas, New Year and Heilige Drei Könige, but not Heiligabend and Silvester', () => {
		// Mon 21.12.2026: 22., 23., 24., 28.–31.12., 04., 05., (06.01.), 07.01.
		expect(dueDate('2026-12-21', AT10, false)).toBe('2027-01-07');
		expect(dueDate('2026-12-18', AT20, false)).toBe('2027-01-20');
	});

	it('skips Reformationstag when it falls on a weekday (2028: Tuesday)', () => {
		// Tue 24.10.2028: 25., 26., 27., 30.10., (31.10.), 01., 02., 03., 06., 07., 08.11.
		expect(dueDate('2028-10-24', AT10, false)).toBe('2028-11-08');
	});

	it('starts the count after a completeness recorded on a weekend or holiday', () => {
		expect(dueDate('2026-04-04', { unit: 'arbeitstage', value: 1, fiction: false }, false)).toBe('2026-04-07');
	});
});

describe('dueDate in Monate (§§ 187–193 BGB, § 31 VwVfG)', () => {
	it('ends on the day with the same number (event period)', () => {
		expect(dueDate('2026-03-15', TKG, false)).toBe('2026-06-15');
		expect(dueDate('2026-01-20', { unit: 'monate', value: 1, fiction: false }, false)).toBe('2026-02-20');
	});

	it('clamps to the end of a shorter month (§ 188 Abs. 3), in leap years too', () => {
		// 30.11.2026 + 3 Monate = 28.02.2027, a Sunday → Monday 01.03.2027
		expect(dueDate('2026-11-30', TKG, false)).toBe('2027-03-01');
		// 30.11.2027 + 3 Monate = 29.02.2028, a Tuesday in a leap year
		expect(dueDate('2027-11-30', TKG, false)).toBe('2028-02-29');
		expect(dueDate('2027-11-29', TKG, false)).toBe('2028-02-29');
		// 31.03. + 3 Monate = 30.06.
		expect(dueDate('2026-03-31', TKG, false)).toBe('2026-06-30');
	});

	it('moves an end on a weekend or public holiday to the next working day', () => {
		// 31.10.2026: Saturday and Reformationstag → Monday 02.11.2026
		expect(dueDate('2026-07-31', TKG, false)).toBe('2026-11-02');
		// 06.01.2027: Wednesday, Heilige Drei Könige → Thursday
		expect(dueDate('2026-10-06', TKG, false)).toBe('2027-01-07');
		// 25.12.2026: Friday, 1. Weihnachtstag; 26. Saturday; 27. Sunday → Monday 28.12.
		expect(dueDate('2026-09-25', TKG, false)).toBe('2026-12-28');
		// 29.03.2027: Ostermontag → Tuesday 30.03.2027
		expect(dueDate('2026-12-29', TKG, false)).toBe('2027-03-30');
		// 26.03.2027: Karfreitag, then the weekend and Ostermontag → Tuesday 30.03.2027
		expect(dueDate('2026-12-26', TKG, false)).toBe('2027-03-30');
	});

	it('adds the extension from the computed end of the original period', () => {
		expect(dueDate('2026-03-15', TKG, true)).toBe('2026-07-15');
		// 28.02.2027 (computed end, a Sunday) + 1 Monat = 28.03.2027, a Sunday; 29.03. Ostermontag → 30.03.
		expect(dueDate('2026-11-30', TKG, true)).toBe('2027-03-30');
		// 30.06. + 1 Monat = 30.07., not 31.07.
		expect(dueDate('2026-03-31', TKG, true)).toBe('2026-07-30');
	});

	it('ignores `extended` for a period without extension, and extends working-day periods by working days', () => {
		expect(dueDate('2026-03-15', { unit: 'monate', value: 3, fiction: false }, true)).toBe('2026-06-15');
		const at: Period = { unit: 'arbeitstage', value: 10, extension: { unit: 'arbeitstage', value: 5 }, fiction: false };
		expect(dueDate('2026-03-27', at, true)).toBe('2026-04-21');
	});
});

describe('clockState', () => {
	const tkg = { status: 'vollstaendig' as const, completeAt: '2026-03-15', dueAt: '2026-06-15', extended: false };
	const aufgrabe = { status: 'vollstaendig' as const, completeAt: '2026-03-27', dueAt: '2026-04-14', extended: false };

	it('runs only while the application is complete and undecided', () => {
		const stopped = { running: false, dueAt: null, daysLeft: null, overdue: false, fictionDue: false };
		for (const status of ['offen', 'eingereicht', 'nachforderung', 'erteilt', 'erteilt_mit_auflagen', 'abgelehnt', 'fiktiv_erteilt'] as const) {
			expect(clockState({ ...tkg, status }, '2026-07-01', TKG), status).toEqual(stopped);
		}
		expect(clockState({ ...tkg, dueAt: null }, '2026-07-01', TKG)).toEqual(stopped);
	});

	it('counts working days left on a working-day clock, across Easter', () => {
		// after Thu 02.04.2026: 07., 08., 09., 10., 13., 14.04. (Karfreitag and Ostermontag do not count)
		expect(clockState(aufgrabe, '2026-04-02', AT10)).toEqual({ running: true, dueAt: '2026-04-14', daysLeft: 6, overdue: false, fictionDue: false });
		expect(clockState(aufgrabe, '2026-04-14', AT10)).toMatchObject({ daysLeft: 0, overdue: false });
		expect(clockState(aufgrabe, '2026-04-15', AT10)).toEqual({ running: true, dueAt: '2026-04-14', daysLeft: -1, overdue: true, fictionDue: false });
		// the weekend after a Friday due date: overdue, no working day lost yet
		const fridayDue = { ...aufgrabe, dueAt: '2026-04-10' };
		expect(clockState(fridayDue, '2026-04-11', AT10)).toMatchObject({ daysLeft: 0, overdue: true });
		expect(clockState(fridayDue, '2026-04-13', AT10)).toMatchObject({ daysLeft: -1, overdue: true });
	});

	it('counts calendar days on a month clock', () => {
		expect(clockState(tkg, '2026-06-01', TKG)).toMatchObject({ daysLeft: 14, overdue: false, fictionDue: false });
	});

	it('makes the fictional grant due exactly the day after the due date, not on it', () => {
		expect(clockState(tkg, '2026-06-15', TKG)).toEqual({ running: true, dueAt: '2026-06-15', daysLeft: 0, overdue: false, fictionDue: false });
		expect(clockState(tkg, '2026-06-16', TKG)).toEqual({ running: true, dueAt: '2026-06-15', daysLeft: -1, overdue: true, fictionDue: true });
	});

	it('never makes a fictional grant due on a clock without fiction', () => {
		expect(clockState(aufgrabe, '2026-05-30', AT10)).toMatchObject({ overdue: true, fictionDue: false });
	});

	it('follows the extended due date', () => {
		const extended = { ...tkg, extended: true, dueAt: dueDate('2026-03-15', TKG, true) };
		expect(clockState(extended, '2026-06-16', TKG)).toMatchObject({ dueAt: '2026-07-15', overdue: false, fictionDue: false, daysLeft: 29 });
		expect(clockState(extended, '2026-07-16', TKG)).toMatchObject({ overdue: true, fictionDue: true });
	});
});
