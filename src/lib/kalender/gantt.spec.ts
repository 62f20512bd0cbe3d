import { describe, expect, it } from 'vitest';
import { buildGantt, fitLabel, highestSeverity, NO_STREET_LABEL, type GanttItem } from './gantt';

function item(id: string, start: string, end: string, extra: Partial<GanttItem> = {}): GanttItem {
	return {
		id,
		number: `BS-${id}`,
		title: `Maßnahme ${id}`,
		status: 'genehmigt',
		start,
		end,
		streets: ['Leipziger Straße'],
		promoter: 'Stadtwerke Saalestadt',
		promoterOrgId: 'org-sw',
		conflicts: { count: 0, highest: null, blocking: false },
		...extra
	};
}

const base = { from: '2027-03-01', to: '2027-05-31', today: '2027-03-15', width: 1000 } as const;

describe('rows and lanes', () => {
	it('puts a Baustelle on two streets into both rows and spells streets as one', () => {
		const g = buildGantt(
			[
				item('a', '2027-03-01', '2027-03-10', { streets: ['Leipziger Str.', 'Große Ulrichstraße'] }),
				item('b', '2027-03-05', '2027-03-20', { streets: ['leipziger strasse'] }),
				item('c', '2027-04-01', '2027-04-02', { streets: [] })
			],
			{ ...base, group: 'strasse' }
		);
		expect(g.rows.map((r) => r.label)).toEqual(['Große Ulrichstraße', 'Leipziger Str.', NO_STREET_LABEL]);
		expect(g.rows[1]!.bars.map((b) => b.item.id)).toEqual(['a', 'b']);
		expect(g.rows[1]!.lanes).toBe(2);
	});

	it('never overlaps bars in one lane and reuses a lane once it is free', () => {
		const items = [
			item('a', '2027-03-01', '2027-03-10'),
			item('b', '2027-03-10', '2027-03-12'), // shares 10 March with a
			item('c', '2027-03-11', '2027-03-30'),
			item('d', '2027-03-13', '2027-03-14'),
			item('e', '2027-04-01', '2027-04-05')
		];
		const g = buildGantt(items, { ...base, group: 'traeger' });
		expect(g.rows).toHaveLength(1);
		const bars = g.rows[0]!.bars;
		for (const a of bars) {
			for (const b of bars) {
				if (a === b || a.lane !== b.lane) continue;
				expect(a.x + a.width <= b.x + 0.001 || b.x + b.width <= a.x + 0.001, `${a.item.id}/${b.item.id}`).toBe(true);
			}
		}
		const lane = Object.fromEntries(bars.map((b) => [b.item.id, b.lane]));
		expect(lane).toEqual({ a: 0, b: 1, c: 0, d: 1, e: 0 });
		expect(g.rows[0]!.height).toBeGreaterThan(2 * 24);
	});

	it('groups by promoter and keeps private promoters under „privat“', () => {
		const g = buildGantt(
			[item('a', '2027-03-01', '2027-03-02'), item('b', '2027-03-01', '2027-03-02', { promoter: 'privat', promoterOrgId: '' }), item('c', '2027-03-03', '2027-03-04', { promoter: 'Abwasserverband', promoterOrgId: 'org-aw' })],
			{ ...base, group: 'traeger' }
		);
		expect(g.rows.map((r) => [r.key, r.label])).toEqual([
			['org-aw', 'Abwasserverband'],
			['privat', 'privat'],
			['org-sw', 'Stadtwerke Saalestadt']
		]);
	});

	it('drops what lies outside the window and clips what reaches over its edge', () => {
		const g = buildGantt([item('old', '2026-01-01', '2026-02-01'), item('long', '2027-02-01', '2027-07-01')], { ...base, group: 'strasse' });
		const bars = g.rows.flatMap((r) => r.bars);
		expect(bars.map((b) => b.item.id)).toEqual(['long']);
		expect(bars[0]).toMatchObject({ clippedStart: true, clippedEnd: true, x: g.plotX });
		expect(bars[0]!.x + bars[0]!.width).toBeCloseTo(g.plotX + g.plotWidth, 6);
	});
});

describe('axis', () => {
	it('ticks weeks with KW labels and months above for a quarter', () => {
		const g = buildGantt([], { ...base, group: 'strasse' });
		expect(g.unit).toBe('woche');
		expect(g.ticks[0]).toMatchObject({ date: '2027-03-01', label: 'KW 9' });
		expect(g.ticks.every((t) => t.date.length === 10)).toBe(true);
		expect(g.majors.map((m) => m.label)).toEqual(['März 2027', 'April 2027', 'Mai 2027']);
		// 15 March: 14 days after the start, plus half a day
		expect(g.todayX).toBeCloseTo(g.plotX + 14.5 * g.dayWidth, 6);
	});

	it('ticks months for a year and years over a decade', () => {
		const year = buildGantt([], { ...base, from: '2026-11-15', to: '2027-10-31', group: 'strasse' });
		expect(year.unit).toBe('monat');
		expect(year.ticks[0]).toMatchObject({ date: '2026-12-01', label: 'Dez' });
		expect(year.majors.map((m) => m.label)).toEqual(['2026', '2027']);
		const decade = buildGantt([], { ...base, from: '2018-01-01', to: '2027-12-31', group: 'keine' });
		expect(decade.unit).toBe('jahr');
		expect(decade.majors).toHaveLength(10);
		expect(decade.plotX).toBe(0);
		expect(decade.todayX).not.toBeNull();
	});

	it('leaves the today line out when today is not shown', () => {
		expect(buildGantt([], { ...base, today: '2028-01-01', group: 'strasse' }).todayX).toBeNull();
	});

	it('clips moratorium bands to the window', () => {
		const g = buildGantt([], { ...base, group: 'keine', bands: [{ from: '2027-05-01', to: '2031-12-31', label: 'Aufbruchsperre' }, { from: '2020-01-01', to: '2020-12-31', label: 'alt' }] });
		expect(g.bands).toHaveLength(1);
		expect(g.bands[0]!.x + g.bands[0]!.width).toBeCloseTo(g.plotX + g.plotWidth, 6);
	});
});

describe('labels and markers', () => {
	it('fits a label into a bar or leaves it out', () => {
		expect(fitLabel('Kanal', 200)).toBe('Kanal');
		expect(fitLabel('Erneuerung der Trinkwasserleitung', 100)).toMatch(/^Erneuer.*…$/);
		expect(fitLabel('Erneuerung', 30)).toBe('');
	});

	it('puts the title of a short bar beside it when the lane is free there', () => {
		const g = buildGantt(
			[item('kurz', '2027-03-01', '2027-03-02', { title: 'Kranstellung Dachsanierung' }), item('lang', '2027-04-01', '2027-05-20', { title: 'Erneuerung Trinkwasserleitung' })],
			{ ...base, group: 'traeger' }
		);
		const [kurz, lang] = g.rows[0]!.bars;
		expect(kurz).toMatchObject({ lane: 0, labelOutside: true, label: 'Kranstellung Dachsanierung' });
		expect(lang).toMatchObject({ lane: 0, labelOutside: false, label: 'Erneuerung Trinkwasserleitung' });
		// no room before the next bar: the (cut) label stays inside, or there is none
		const tight = buildGantt([item('a', '2027-03-01', '2027-03-02'), item('b', '2027-03-03', '2027-05-20')], { ...base, group: 'traeger' });
		expect(tight.rows[0]!.bars[0]!.labelOutside).toBe(false);
	});

	it('marks conflicts with the highest severity', () => {
		const g = buildGantt([item('a', '2027-03-01', '2027-03-31', { conflicts: { count: 2, highest: 'hoch', blocking: true } })], { ...base, group: 'strasse' });
		expect(g.rows[0]!.bars[0]!.conflict).toEqual({ severity: 'hoch', blocking: true, count: 2 });
		expect(highestSeverity([null, 'hinweis', 'mittel', 'niedrig'])).toBe('mittel');
	});
});
