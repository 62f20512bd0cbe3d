import { describe, expect, it } from 'vitest';
import { lonLatToUtm } from '$lib/geo/crs';
import { streetsNear, streetNames } from '../auskunft/streets';
import { isWorkingDay } from '../auskunft/working-days';
import { addDays, addMonths } from '../genehmigungen/dates';
import { dueDate } from '../genehmigungen/clock';
import { DEFAULT_PERIODS } from '../genehmigungen/periods';
import { chainParts, cutLine, lengthOf, sectionAlong } from './baustellen-lines';
import { demoPlan, frostMonday, mondayOnOrAfter, workingDayOnOrBefore, works, type DemoBaustelle } from './baustellen-data';

const weekday = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();

describe('street sections', () => {
	// one street as two OSM ways: 0→100 m east, then 100→300 m east, the second stored backwards
	const parts = [
		[
			[0, 0],
			[100, 0]
		],
		[
			[300, 0],
			[200, 0],
			[100, 0]
		]
	];

	/** The x of both ends, west first: the direction follows the data. */
	const ends = (line: number[][]) => [line[0]![0]!, line[line.length - 1]![0]!].sort((a, b) => a - b);

	it('chains the ways of a street end to end, whatever their direction', () => {
		expect(chainParts(parts, 0)).toEqual([
			[0, 0],
			[100, 0],
			[200, 0],
			[300, 0]
		]);
		expect(lengthOf(chainParts(parts, 1))).toBe(300);
	});

	it('cuts a line between two positions along it', () => {
		expect(cutLine(chainParts(parts, 0), 50, 150)).toEqual([
			[50, 0],
			[100, 0],
			[150, 0]
		]);
	});

	it('centres the section on the anchor, across the join of two ways', () => {
		expect(ends(sectionAlong(parts, [110, 8], 60)!)).toEqual([80, 140]);
	});

	it('shifts the section to stay on the street, and takes the whole street when it is shorter', () => {
		expect(ends(sectionAlong(parts, [290, 0], 100)!)).toEqual([200, 300]);
		expect(lengthOf(sectionAlong(parts, [10, 0], 500)!)).toBe(300);
	});

	it('finds nothing when the street is not near the anchor or not in the data', () => {
		expect(sectionAlong(parts, [150, 500], 50)).toBeNull();
		expect(sectionAlong([], [0, 0], 50)).toBeNull();
	});
});

describe('relative dates', () => {
	it('starts works on the Monday on or after a date, or the next working day after a holiday Monday', () => {
		expect(mondayOnOrAfter('2026-11-26')).toBe('2026-11-30');
		expect(mondayOnOrAfter('2026-11-30')).toBe('2026-11-30');
		// Ostermontag 2027 is 29.03.: the works start on Tuesday and still end on Friday
		expect(works('2027-03-27', 2)).toEqual({ start: '2027-03-30', end: '2027-04-09' });
	});

	it('goes back to the last working day', () => {
		expect(workingDayOnOrBefore('2026-11-29')).toBe('2026-11-27');
		expect(workingDayOnOrBefore('2026-10-31')).toBe('2026-10-30'); // Reformationstag
	});

	it('finds the next Monday in a frost month', () => {
		expect(frostMonday('2026-06-10', [12, 1, 2])).toBe('2026-12-07');
		expect(frostMonday('2027-01-04', [12, 1, 2])).toBe('2027-01-18');
		expect(frostMonday('2027-02-25', [12, 1, 2])).toBe('2027-12-06');
	});
});

/** Today in different seasons, a leap day and around the turn of the year. */
const TODAYS = ['2026-01-02', '2026-03-31', '2026-07-15', '2026-11-26', '2026-12-23', '2028-02-29'];

describe.each(TODAYS)('the demo plan for %s', (today) => {
	const plan = demoPlan(today);
	const byKey = (key: string) => plan.find((b) => b.key === key)!;
	const clockDue = (b: DemoBaustelle, kind: keyof typeof DEFAULT_PERIODS) => dueDate(b.history.complete!, DEFAULT_PERIODS[kind], false);

	it('has 12–18 Baustellen with unique keys, registered in order', () => {
		expect(plan.length).toBeGreaterThanOrEqual(12);
		expect(plan.length).toBeLessThanOrEqual(18);
		expect(new Set(plan.map((b) => b.key)).size).toBe(plan.length);
		const created = plan.map((b) => b.history.created);
		expect(created).toEqual([...created].sort());
	});

	it('dates every event in order and nothing reported in the future', () => {
		for (const b of plan) {
			expect(b.start <= b.end, b.key).toBe(true);
			const h = b.history;
			const events = [h.created, h.submitted, h.complete, h.decided].filter(Boolean) as string[];
			expect(events, b.key).toEqual([...events].sort());
			for (const d of [...events, b.started, b.finished, b.accepted].filter(Boolean) as string[]) expect(d <= today, `${b.key} ${d}`).toBe(true);
			if (b.started) expect(b.started >= (h.decided ?? h.created), b.key).toBe(true);
			if (b.finished) expect(b.finished >= b.started!, b.key).toBe(true);
			if (b.accepted) expect(b.accepted >= b.finished!, b.key).toBe(true);
			expect(isWorkingDay(b.start), `${b.key} starts on ${b.start}`).toBe(true);
			expect(weekday(b.end), `${b.key} ends on ${b.end}`).toBe(5);
		}
	});

	it('runs the works around today: one started about two weeks ago, one finished, the rest ahead', () => {
		const running = byKey('fernwaerme-hansering');
		expect(running.started! >= addDays(today, -21) && running.started! <= addDays(today, -7)).toBe(true);
		expect(running.end > today).toBe(true);
		const done = byKey('hausanschluesse-rathaus');
		expect(done.finished! <= addDays(today, -3) && done.finished! > done.started!).toBe(true);
		for (const b of plan.filter((b) => !b.started && !b.cancelled)) expect(b.start > today, b.key).toBe(true);
	});

	it('has last year’s Deckenerneuerung with an Aufbruchsperre about three years ahead that the gas renewal hits', () => {
		const decke = byKey('deckenerneuerung-maerker');
		expect(Number(decke.start.slice(0, 4))).toBe(Number(today.slice(0, 4)) - 1);
		expect(decke.excavation).toBe(false);
		const until = decke.moratorium!.validUntil;
		expect(until > addMonths(today, 30) && until < addMonths(today, 48)).toBe(true);
		expect(decke.moratorium!.legalBasis).toContain(`Deckenerneuerung ${Number(today.slice(0, 4)) - 1}`);
		const gas = byKey('gas-maerker');
		const connection = byKey('hausanschluss-gas-maerker');
		for (const b of [gas, connection]) {
			expect(b.place.street).toBe(decke.place.street);
			expect(b.excavation && b.end <= until).toBe(true);
		}
		expect(gas.exemption ?? 'keine').toBe('keine');
		expect(connection.exemption).toBe('hausanschluss');
		expect(decke.moratorium!.exemptions).toContain('hausanschluss');
	});

	it('puts two digging promoters on the same section of the Große Ulrichstraße at the same time', () => {
		const [a, b] = [byKey('trinkwasser-ulrich'), byKey('kanal-ulrich')];
		expect(a.promoter).not.toBe(b.promoter);
		expect(a.place.street).toBe(b.place.street);
		expect(a.start <= b.end && b.start <= a.end).toBe(true);
	});

	it('lets the fibre Baustelle co-lay with the Stadt’s publicly funded renewal within six months', () => {
		const [fibre, stadt] = [byKey('breitband-geist'), byKey('grundhafter-ausbau-geist')];
		expect(stadt.publiclyFunded).toBe(true);
		expect(fibre.networks).toEqual(['breitband']);
		expect(fibre.ducts?.length).toBeGreaterThan(0);
		expect(fibre.place.street).toBe(stadt.place.street);
		expect(stadt.start <= addMonths(fibre.start, 6)).toBe(true);
		// the ask-by date (six weeks before the earlier start) is still ahead
		expect(addDays(fibre.start, -42) > today).toBe(true);
	});

	it('runs a § 127 TKG clock that ends in a few weeks, and working-day clocks that still run', () => {
		const due = clockDue(byKey('breitband-geist'), 'tkg_zustimmung');
		expect(due > today && due <= addDays(today, 42)).toBe(true);
		expect(clockDue(byKey('trinkwasser-ulrich'), 'aufgrabeerlaubnis') > today).toBe(true);
		expect(clockDue(byKey('mittelspannung-l164'), 'verkehrsrechtliche_anordnung') > today).toBe(true);
	});

	it('has a winter Baustelle in the frost period', () => {
		const b = byKey('beleuchtung-stein');
		expect(b.excavation).toBe(true);
		expect([12, 1, 2]).toContain(Number(b.start.slice(5, 7)));
	});

	it('keeps the private Bauherr only in the contact', () => {
		const kran = plan.filter((b) => b.promoterPrivate);
		expect(kran).toHaveLength(1);
		expect(kran[0]!.contact.bauherr).not.toBe('');
		expect(kran[0]!.title + kran[0]!.description).not.toContain(kran[0]!.contact.bauherr);
	});
});

describe('the demo plan on the street data', () => {
	it('names only streets of the street data, and each place lies on its street', () => {
		const names = new Set(streetNames());
		for (const b of demoPlan('2026-11-26')) {
			expect(names.has(b.place.street), b.place.street).toBe(true);
			if (b.place.roadSegment) continue;
			const anchor = lonLatToUtm(b.place.at);
			const parts = streetsNear([anchor[0] - 400, anchor[1] - 400, anchor[0] + 400, anchor[1] + 400])
				.filter((s) => s.name === b.place.street)
				.map((s) => s.geometry.coordinates);
			const section = sectionAlong(parts, anchor, b.place.lengthM);
			expect(section, b.key).not.toBeNull();
			expect(lengthOf(section!), b.key).toBeGreaterThan(Math.min(b.place.lengthM, 100) * 0.9);
		}
	});
});
