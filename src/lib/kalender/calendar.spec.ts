import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	dayNumber,
	formatLongDay,
	formatRange,
	hiddenPerDay,
	isIsoDate,
	isoDate,
	isoWeek,
	layoutWeek,
	monthGrid,
	monthGridRange,
	startOfWeek,
	weekday,
	weekGrid
} from './calendar';

const ev = (id: string, start: string, end: string) => ({ id, title: id, start, end });

describe('date arithmetic on calendar days', () => {
	it('round-trips day numbers and knows real dates', () => {
		expect(dayNumber('1970-01-01')).toBe(0);
		expect(isoDate(dayNumber('2027-03-28'))).toBe('2027-03-28');
		expect(isIsoDate('2027-02-29')).toBe(false);
		expect(isIsoDate('2028-02-29')).toBe(true);
		expect(isIsoDate('2027-3-1')).toBe(false);
	});

	it('steps over the clock change without losing a day', () => {
		// summer time starts on 28 March 2027 in Europe/Berlin; the arithmetic is on whole days
		expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
		expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
		expect(addDays('2026-10-25', -1)).toBe('2026-10-24');
	});

	it('adds months and keeps the last day of shorter months', () => {
		expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
		expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
		expect(addMonths('2027-01-15', -2)).toBe('2026-11-15');
	});

	it('starts weeks on Monday', () => {
		expect(weekday('2026-11-26')).toBe(3); // Thursday
		expect(weekday('2026-11-29')).toBe(6); // Sunday
		expect(startOfWeek('2026-11-29')).toBe('2026-11-23');
		expect(startOfWeek('2026-11-23')).toBe('2026-11-23');
	});

	it('numbers ISO weeks across the turn of the year', () => {
		expect(isoWeek('2026-11-26')).toEqual({ year: 2026, week: 48 });
		expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 }); // 2026 has 53 weeks (starts on Thursday)
		expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
		expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
		expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
	});
});

describe('German formatting', () => {
	it('names days and shortens ranges', () => {
		expect(formatLongDay('2027-03-12')).toBe('Freitag, 12. März 2027');
		expect(formatRange('2027-03-03', '2027-03-14')).toBe('3.–14. März 2027');
		expect(formatRange('2027-02-28', '2027-03-14')).toBe('28. Feb. – 14. März 2027');
		expect(formatRange('2026-12-15', '2027-01-10')).toBe('15.12.2026 – 10.01.2027');
		expect(formatRange('2027-03-12', '2027-03-12')).toBe('12. März 2027');
	});
});

describe('month grid', () => {
	it('holds the month in whole Monday-first weeks', () => {
		const g = monthGrid('2027-03-17', [], '2027-03-17');
		expect(g.title).toBe('März 2027');
		expect(g.weeks[0]!.start).toBe('2027-03-01'); // 1 March 2027 is a Monday
		expect(g.weeks).toHaveLength(5);
		expect(g.weeks.at(-1)!.days.at(-1)!.date).toBe('2027-04-04');
		expect(g.weeks.at(-1)!.days.at(-1)!.inMonth).toBe(false);
		expect(g.weeks[2]!.days[2]!.today).toBe(true);
		expect(g.weeks[0]!.days[5]!.weekend).toBe(true);
		expect(monthGridRange('2027-03-17')).toEqual({ from: '2027-03-01', to: '2027-04-04' });
	});

	it('needs six weeks for a month that starts on Sunday', () => {
		// August 2027 begins on a Sunday and has 31 days
		const g = monthGrid('2027-08-01', [], '2026-01-01');
		expect(g.weeks).toHaveLength(6);
		expect(g.weeks[0]!.start).toBe('2027-07-26');
		expect(g.weeks[0]!.kw).toBe(30);
	});

	it('marks holidays it is given', () => {
		const g = monthGrid('2026-10-01', [], '2026-10-01', { '2026-10-03': 'Tag der Deutschen Einheit' });
		const day = g.weeks.flatMap((w) => w.days).find((d) => d.date === '2026-10-03')!;
		expect(day.holiday).toBe('Tag der Deutschen Einheit');
	});

	it('splits an event that spans weeks into one segment per week', () => {
		const g = monthGrid('2027-03-01', [ev('a', '2027-03-04', '2027-03-16')], '2027-03-01');
		const segs = g.weeks.flatMap((w) => w.segments.map((s) => ({ week: w.start, col: s.col, span: s.span, before: s.continuesBefore, after: s.continuesAfter })));
		expect(segs).toEqual([
			{ week: '2027-03-01', col: 3, span: 4, before: false, after: true },
			{ week: '2027-03-08', col: 0, span: 7, before: true, after: true },
			{ week: '2027-03-15', col: 0, span: 2, before: true, after: false }
		]);
	});
});

describe('lanes', () => {
	it('never lets two segments share a day in one lane', () => {
		const events = [
			ev('a', '2027-03-01', '2027-03-03'),
			ev('b', '2027-03-03', '2027-03-05'),
			ev('c', '2027-03-04', '2027-03-07'),
			ev('d', '2027-03-06', '2027-03-06'),
			ev('e', '2027-02-20', '2027-04-30'),
			ev('f', '2027-03-08', '2027-03-09') // next week: ignored
		];
		const { segments, lanes } = layoutWeek('2027-03-01', events);
		expect(segments.map((s) => s.event.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
		for (const s of segments) {
			for (const t of segments) {
				if (s === t || s.lane !== t.lane) continue;
				const overlap = s.col <= t.col + t.span - 1 && t.col <= s.col + s.span - 1;
				expect(overlap, `${s.event.id} and ${t.event.id} in lane ${s.lane}`).toBe(false);
			}
		}
		// the long one that started earlier sits on top; a fits beside d in one lane
		expect(segments.find((s) => s.event.id === 'e')!.lane).toBe(0);
		expect(lanes).toBe(3);
	});

	it('treats an end before the start as a one-day event', () => {
		const { segments } = layoutWeek('2027-03-01', [ev('x', '2027-03-02', '2027-03-01')]);
		expect(segments[0]).toMatchObject({ col: 1, span: 1 });
	});

	it('counts what a compact cell hides', () => {
		const week = weekGrid('2027-03-01', [ev('a', '2027-03-01', '2027-03-07'), ev('b', '2027-03-02', '2027-03-03'), ev('c', '2027-03-03', '2027-03-03')], '2027-03-01');
		expect(week.title).toBe('KW 9 · 1.–7. März 2027');
		expect(hiddenPerDay(week, 1)).toEqual([0, 1, 2, 0, 0, 0, 0]);
	});
});
