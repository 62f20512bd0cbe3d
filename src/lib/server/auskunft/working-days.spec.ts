import { describe, expect, it } from 'vitest';
import { addWorkingDays, answerDeadline, endOfBerlinDay, escalationTime, isWorkingDay, publicHolidays, startOfBerlinDay } from './working-days';

/** A Berlin wall-clock time as an instant, e.g. at('2026-10-30', '10:00') (CET/CEST as the date says). */
const at = (date: string, time: string) => new Date(startOfBerlinDay(date).getTime() + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * 60_000);
const berlin = (d: Date) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'medium' }).format(d);

describe('public holidays of Sachsen-Anhalt', () => {
	it('include 6 January and 31 October, and not Fronleichnam or Buß- und Bettag', () => {
		const h = publicHolidays(2026);
		expect(h.has('2026-01-06')).toBe(true); // Heilige Drei Könige
		expect(h.has('2026-10-31')).toBe(true); // Reformationstag
		expect(h.has('2026-04-03')).toBe(true); // Karfreitag
		expect(h.has('2026-04-06')).toBe(true); // Ostermontag
		expect(h.has('2026-06-04')).toBe(false); // Fronleichnam: not in ST
		expect(h.has('2026-11-18')).toBe(false); // Buß- und Bettag: Sachsen only
		expect(h.has('2026-12-24')).toBe(false); // Heiligabend is a bank half-day, no public holiday
	});

	it('knows working days', () => {
		expect(isWorkingDay('2026-10-30')).toBe(true); // Friday
		expect(isWorkingDay('2026-10-31')).toBe(false); // Saturday and Reformationstag
		expect(isWorkingDay('2027-10-29')).toBe(true);
		expect(isWorkingDay('2025-10-31')).toBe(false); // Friday, Reformationstag
		expect(isWorkingDay('2026-11-01')).toBe(false); // Sunday
		expect(isWorkingDay('2026-01-06')).toBe(false); // Tuesday, Heilige Drei Könige
		expect(isWorkingDay('2026-01-07')).toBe(true);
	});
});

describe('addWorkingDays', () => {
	it('skips the weekend', () => {
		expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Fri → Mon
		expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Sat → Mon
		expect(addWorkingDays('2026-03-08', 2)).toBe('2026-03-10'); // Sun → Tue
		expect(addWorkingDays('2026-03-09', 5)).toBe('2026-03-16');
	});

	it('skips Easter: Karfreitag to Ostermontag', () => {
		expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07'); // Gründonnerstag → Tuesday after Easter
		expect(addWorkingDays('2026-04-02', 2)).toBe('2026-04-08');
		expect(addWorkingDays('2027-03-25', 1)).toBe('2027-03-30'); // Easter 2027: 26–29 March
	});

	it('skips 31 October and 6 January on weekdays', () => {
		expect(addWorkingDays('2025-10-30', 1)).toBe('2025-11-03'); // Thu → (Fri 31 Oct, weekend) → Mon
		expect(addWorkingDays('2028-10-30', 1)).toBe('2028-11-01'); // Mon → (Tue 31 Oct) → Wed
		expect(addWorkingDays('2026-01-05', 1)).toBe('2026-01-07'); // Mon → (Tue 6 Jan) → Wed
	});

	it('crosses New Year, Christmas and the year boundary', () => {
		expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-24'); // Heiligabend is a working day
		expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28'); // 25/26 Dec, weekend
		expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04'); // Fri 1 Jan 2027, weekend
		expect(addWorkingDays('2027-12-31', 1)).toBe('2028-01-03'); // Sat 1 Jan 2028, Sun
		expect(addWorkingDays('2029-01-05', 1)).toBe('2029-01-08'); // Sat 6 Jan 2029: weekend anyway
	});
});

describe('Berlin day boundaries', () => {
	it('end a day at 23:59:59.999 local time, winter and summer', () => {
		expect(endOfBerlinDay('2026-01-15').toISOString()).toBe('2026-01-15T22:59:59.999Z');
		expect(endOfBerlinDay('2026-07-15').toISOString()).toBe('2026-07-15T21:59:59.999Z');
		// the day the clocks go back (25 hours) and forward (23 hours)
		expect(endOfBerlinDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
		expect(startOfBerlinDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(endOfBerlinDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
	});
});

describe('answer deadline and escalation', () => {
	it('Monday morning: due Tuesday evening, keine Antwort after Wednesday', () => {
		const asked = at('2026-03-09', '09:30');
		expect(berlin(answerDeadline(asked))).toBe('2026-03-10 23:59:59');
		expect(berlin(escalationTime(asked))).toBe('2026-03-11 23:59:59');
	});

	it('Friday evening: due Monday, escalates Tuesday', () => {
		const asked = at('2026-03-13', '22:45');
		expect(berlin(answerDeadline(asked))).toBe('2026-03-16 23:59:59');
		expect(berlin(escalationTime(asked))).toBe('2026-03-17 23:59:59');
	});

	it('a request just after midnight UTC counts by the Berlin date', () => {
		// 23:30 UTC on Thursday is already Friday 00:30 in Berlin
		const asked = new Date('2026-03-12T23:30:00Z');
		expect(berlin(answerDeadline(asked))).toBe('2026-03-16 23:59:59');
	});

	it('before Easter and before Reformationstag', () => {
		expect(berlin(escalationTime(at('2026-04-02', '12:00')))).toBe('2026-04-08 23:59:59');
		expect(berlin(answerDeadline(at('2025-10-30', '12:00')))).toBe('2025-11-03 23:59:59');
		expect(berlin(escalationTime(at('2025-10-30', '12:00')))).toBe('2025-11-04 23:59:59');
	});

	it('over New Year and Heilige Drei Könige', () => {
		expect(berlin(answerDeadline(at('2026-12-31', '08:00')))).toBe('2027-01-04 23:59:59');
		expect(berlin(escalationTime(at('2026-12-31', '08:00')))).toBe('2027-01-05 23:59:59');
		expect(berlin(escalationTime(at('2027-01-05', '08:00')))).toBe('2027-01-08 23:59:59'); // Wed 6 Jan off
	});
});
