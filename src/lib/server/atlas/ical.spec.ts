import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, CALENDAR_NAME, eventDescription, eventStatus, periodText } from './ical';
import { sample } from './testing';

const ORIGIN = 'https://tiefblick.example';

/** The feed through a real iCalendar parser: the calendar component and its events. */
function parse(text: string): { calendar: ICAL.Component; events: ICAL.Component[] } {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe('buildCalendar', () => {
	it('writes every field of an all-day event from the public projection', () => {
		const b = sample();
		const text = buildCalendar([b], ORIGIN);
		expect(text).toMatch(/\r\n/); // RFC 5545 line ends
		const { calendar, events } = parse(text);
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(CALENDAR_NAME);
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(events).toHaveLength(1);
		const e = events[0]!;
		const event = new ICAL.Event(e);
		expect(event.uid).toBe(`${b.id}@tiefblick`);
		expect(event.sequence).toBe(3);
		expect(event.summary).toBe('Erneuerung Trinkwasserleitung Leipziger Straße');
		expect(event.location).toBe('Leipziger Straße, Hansering');
		expect(event.startDate.isDate).toBe(true);
		expect(event.startDate.toString()).toBe('2026-05-04');
		// DTEND is exclusive: the day after the last day
		expect(event.endDate.isDate).toBe(true);
		expect(event.endDate.toString()).toBe('2026-05-16');
		expect(e.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(String(e.getFirstPropertyValue('url'))).toBe(`${ORIGIN}/atlas/BS-2026-000042`);
		expect((e.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2026-04-20T08:15:00.000Z');
		expect((e.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString()).toBe('2026-04-20T08:15:00.000Z');
		const [lat, lon] = e.getFirstPropertyValue('geo') as unknown as [number, number];
		expect(lat).toBeCloseTo(51.4822, 6);
		expect(lon).toBeCloseTo(11.971, 6);
		expect(event.description).toBe(
			[
				'Art der Arbeiten: Leitungsbau',
				'Verkehr: Halbseitige Sperrung',
				'Träger: Stadtwerke Saalestadt (Demo)',
				'Zeitraum: 04.05.2026 – 15.05.2026 (Termine bestätigt)',
				'Status: Genehmigt',
				'Nummer: BS-2026-000042',
				`Mehr: ${ORIGIN}/atlas/BS-2026-000042`
			].join('\n')
		);
	});

	it('takes actual dates where known', () => {
		const { events } = parse(buildCalendar([sample({ actual_start: '2026-05-06', actual_end: '2026-05-20' })], ORIGIN));
		const event = new ICAL.Event(events[0]!);
		expect(event.startDate.toString()).toBe('2026-05-06');
		expect(event.endDate.toString()).toBe('2026-05-21');
	});

	it('leaves LOCATION out when no street is known, but keeps GEO', () => {
		const { events } = parse(buildCalendar([sample({ streets: [] })], ORIGIN));
		expect(events[0]!.getFirstProperty('location')).toBeNull();
		expect(events[0]!.getFirstProperty('geo')).not.toBeNull();
	});

	it('is an empty but valid calendar without Baustellen', () => {
		const { calendar, events } = parse(buildCalendar([], ORIGIN));
		expect(events).toHaveLength(0);
		expect(calendar.getFirstPropertyValue('prodid')).toMatch(/Tiefblick/);
	});
});

describe('eventStatus', () => {
	it('maps the lifecycle onto TENTATIVE, CONFIRMED and CANCELLED', () => {
		expect(eventStatus('geplant')).toBe('TENTATIVE');
		expect(eventStatus('beantragt')).toBe('TENTATIVE');
		for (const s of ['genehmigt', 'in_ausfuehrung', 'abgeschlossen', 'abgenommen'] as const) expect(eventStatus(s)).toBe('CONFIRMED');
		expect(eventStatus('storniert')).toBe('CANCELLED');
	});
});

describe('periodText and eventDescription', () => {
	it('say how sure the dates are', () => {
		expect(periodText(sample({ dates_confirmed: false }))).toBe('04.05.2026 – 15.05.2026 (Termine voraussichtlich)');
		expect(periodText(sample({ actual_start: '2026-05-05' }))).toBe('05.05.2026 – 15.05.2026 (begonnen am 05.05.2026, Ende bestätigt)');
		expect(periodText(sample({ actual_start: '2026-05-05', actual_end: '2026-05-12' }))).toBe('05.05.2026 – 12.05.2026 (abgeschlossen)');
		expect(periodText(sample({ planned_end: '2026-05-04' }))).toBe('04.05.2026 (Termine bestätigt)');
	});
	it('names a private promoter „privat“', () => {
		expect(eventDescription(sample({ promoter: 'privat' }), ORIGIN)).toContain('Träger: privat');
	});
});
