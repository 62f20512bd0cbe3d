import { describe, expect, it } from 'vitest';
import { activeFilterCount, DEFAULT_PARAMS, parseParams, readDate, stepLinks, toCalendarFilter, toSearch, viewWindow, type KalenderParams } from './filters';

const parse = (s: string) => parseParams(new URLSearchParams(s));
const ORG = '0b6f4a47-8d61-4f5e-9a7d-2f1f3c2a9e11';
const TODAY = '2026-11-26';

describe('reading the URL', () => {
	it('has calm defaults', () => {
		expect(parse('')).toEqual({ params: DEFAULT_PARAMS, problems: [] });
	});

	it('reads every parameter', () => {
		const { params, problems } = parse(`ansicht=zeitplan&gruppe=traeger&datum=2027-03-01&von=2027-01-01&bis=2027-06-30&sparte=wasser&status=genehmigt&traeger=${ORG}&behoerde=${ORG.toUpperCase()}&strasse=Leipziger+Str.&q=Kanal`);
		expect(problems).toEqual([]);
		expect(params).toEqual({
			view: 'zeitplan',
			group: 'traeger',
			date: '2027-03-01',
			from: '2027-01-01',
			to: '2027-06-30',
			network: 'wasser',
			status: 'genehmigt',
			promoter: ORG,
			authority: ORG,
			street: 'Leipziger Str.',
			q: 'Kanal'
		});
	});

	it('names what it cannot use and carries on', () => {
		const { params, problems } = parse('ansicht=jahr&datum=2027-02-30&sparte=kakao&status=fertig&traeger=1%20or%201=1');
		expect(params).toEqual(DEFAULT_PARAMS);
		expect(problems).toHaveLength(4);
		expect(problems[0]).toContain('„2027-02-30“ ist kein Datum');
	});

	it('accepts German dates and swaps a reversed Zeitraum', () => {
		expect(readDate('3.4.2027')).toBe('2027-04-03');
		expect(readDate('31.04.2027')).toBeNull();
		const { params, problems } = parse('von=30.06.2027&bis=2027-01-01');
		expect([params.from, params.to]).toEqual(['2027-01-01', '2027-06-30']);
		expect(problems).toEqual(['Zeitraum: „bis“ liegt vor „von“. Die beiden Daten wurden getauscht.']);
	});
});

describe('writing links', () => {
	it('keeps only what differs from the defaults', () => {
		const p: KalenderParams = { ...DEFAULT_PARAMS, view: 'monat', network: 'gas' };
		expect(toSearch(p)).toBe('?ansicht=monat&sparte=gas');
		expect(toSearch(p, { view: 'liste', network: '' })).toBe('');
		expect(toSearch(DEFAULT_PARAMS, { street: 'Große Ulrichstraße' })).toBe('?strasse=Gro%C3%9Fe+Ulrichstra%C3%9Fe');
		expect(parse(toSearch(p, { date: '2027-03-01' }).slice(1)).params).toEqual({ ...p, date: '2027-03-01' });
	});

	it('counts the filters that narrow the result', () => {
		expect(activeFilterCount({ ...DEFAULT_PARAMS, view: 'karte', date: '2027-01-01' })).toBe(0);
		expect(activeFilterCount({ ...DEFAULT_PARAMS, network: 'gas', q: 'x' })).toBe(2);
	});
});

describe('what each view loads', () => {
	it('lists what ends today or later, unless a Zeitraum is set', () => {
		expect(viewWindow(DEFAULT_PARAMS, TODAY)).toEqual({ from: TODAY, to: null, anchor: TODAY, explicit: false });
		expect(viewWindow({ ...DEFAULT_PARAMS, from: '2020-01-01', to: '2020-12-31' }, TODAY)).toMatchObject({ from: '2020-01-01', to: '2020-12-31', explicit: true });
	});

	it('loads the whole grid of a month and the ISO week of a date', () => {
		expect(viewWindow({ ...DEFAULT_PARAMS, view: 'monat' }, TODAY)).toMatchObject({ from: '2026-10-26', to: '2026-12-06' });
		expect(viewWindow({ ...DEFAULT_PARAMS, view: 'woche', date: '2027-01-01' }, TODAY)).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
	});

	it('shows six months from the month before on the timeline and the map', () => {
		expect(viewWindow({ ...DEFAULT_PARAMS, view: 'zeitplan' }, TODAY)).toMatchObject({ from: '2026-10-01', to: '2027-03-31', anchor: TODAY });
		expect(viewWindow({ ...DEFAULT_PARAMS, view: 'karte', from: '2027-01-01', date: '2026-01-01' }, TODAY)).toEqual({ from: '2027-01-01', to: '2027-06-30', anchor: '2027-01-01', explicit: true });
	});

	it('steps a month, a week or a quarter and drops a pinned Zeitraum', () => {
		const month = stepLinks({ ...DEFAULT_PARAMS, view: 'monat', date: '2027-01-31' }, TODAY)!;
		expect(month).toMatchObject({ prev: '?ansicht=monat&datum=2026-12-01', next: '?ansicht=monat&datum=2027-02-01', today: '?ansicht=monat' });
		const week = stepLinks({ ...DEFAULT_PARAMS, view: 'woche' }, TODAY)!;
		expect(week.next).toBe('?ansicht=woche&datum=2026-11-30');
		const plan = stepLinks({ ...DEFAULT_PARAMS, view: 'zeitplan', from: '2027-01-01' }, TODAY)!;
		expect(plan.next).toBe('?ansicht=zeitplan&datum=2027-02-26');
		expect(stepLinks(DEFAULT_PARAMS, TODAY)).toBeNull();
	});
});

describe('the query', () => {
	it('hides storniert by default and shows it on request', () => {
		const w = viewWindow(DEFAULT_PARAMS, TODAY);
		expect(toCalendarFilter(DEFAULT_PARAMS, w).statuses).not.toContain('storniert');
		expect(toCalendarFilter({ ...DEFAULT_PARAMS, status: 'alle' }, w).statuses).toBeUndefined();
		expect(toCalendarFilter({ ...DEFAULT_PARAMS, status: 'storniert' }, w).statuses).toEqual(['storniert']);
	});

	it('passes every filter and limits only the list', () => {
		const p: KalenderParams = { ...DEFAULT_PARAMS, view: 'zeitplan', network: 'wasser', promoter: ORG, authority: ORG, street: 'Markt', q: 'Kanal' };
		expect(toCalendarFilter(p, viewWindow(p, TODAY))).toEqual({
			from: '2026-10-01',
			to: '2027-03-31',
			networks: ['wasser'],
			statuses: ['geplant', 'beantragt', 'genehmigt', 'in_ausfuehrung', 'abgeschlossen', 'abgenommen'],
			promoterOrgId: ORG,
			authorityOrgId: ORG,
			street: 'Markt',
			q: 'Kanal'
		});
		expect(toCalendarFilter(DEFAULT_PARAMS, viewWindow(DEFAULT_PARAMS, TODAY)).limit).toBe(501);
	});
});
