import { describe, expect, it } from 'vitest';
import { holidaysBetween } from './holidays';

describe('holidays in the calendar', () => {
	it('names the public holidays of Sachsen-Anhalt in German', () => {
		expect(holidaysBetween('2026-10-01', '2027-01-10')).toEqual({
			'2026-10-03': 'Tag der Deutschen Einheit',
			'2026-10-31': 'Reformationstag',
			'2026-12-25': '1. Weihnachtstag',
			'2026-12-26': '2. Weihnachtstag',
			'2027-01-01': 'Neujahr',
			'2027-01-06': 'Heilige Drei Könige'
		});
	});
});
