/**
 * @module atlas/ical
 * The public Baustellen as an iCalendar feed (RFC 5545) for calendar subscriptions: one all-day
 * VEVENT per Baustelle with a stable UID, SEQUENCE = the row's revision (so a subscribed calendar
 * replaces the old version), STATUS CANCELLED for storniert ones (so it drops them), GEO at the
 * footprint's centroid and a link to the public page. Only the public projection (query.ts) goes in.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { BaustelleStatus } from '$lib/baustellen';
import { addDays } from '../auskunft/rules';
import { atlasUrl } from './geojson';
import { centroid } from './geometry';
import type { PublicBaustelle } from './query';

export const CALENDAR_NAME = 'Baustellen – Tiefblick';
/** How often subscribed calendars should fetch again (seconds); a hint, most clients choose themselves. */
export const REFRESH_SECONDS = 3600;

/** The event's UID: the Baustelle's id, which never changes. */
export const eventUid = (id: string) => `${id}@tiefblick`;

/** geplant/beantragt are not decided yet; storniert drops the event; everything else takes place. */
export function eventStatus(status: BaustelleStatus): ICalEventStatus {
	if (status === 'geplant' || status === 'beantragt') return ICalEventStatus.TENTATIVE;
	if (status === 'storniert') return ICalEventStatus.CANCELLED;
	return ICalEventStatus.CONFIRMED;
}

/** 04.05.2026 */
export function germanDate(date: string): string {
	return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** "04.05.2026 – 15.05.2026 (Termine bestätigt)", "… (begonnen am …)" — the window and how sure it is. */
export function periodText(b: PublicBaustelle): string {
	const range = b.start === b.end ? germanDate(b.start) : `${germanDate(b.start)} – ${germanDate(b.end)}`;
	if (b.actual.end) return `${range} (abgeschlossen)`;
	if (b.actual.start) return `${range} (begonnen am ${germanDate(b.actual.start)}, Ende ${b.period.confirmed ? 'bestätigt' : 'voraussichtlich'})`;
	return `${range} (Termine ${b.period.confirmed ? 'bestätigt' : 'voraussichtlich'})`;
}

/** The event text: what, traffic, who, when, status — never a person. */
export function eventDescription(b: PublicBaustelle, origin: string): string {
	return [
		`Art der Arbeiten: ${b.workKindLabel}`,
		`Verkehr: ${b.trafficLabel}`,
		`Träger: ${b.promoter}`,
		`Zeitraum: ${periodText(b)}`,
		`Status: ${b.statusLabel}`,
		`Nummer: ${b.number}`,
		`Mehr: ${atlasUrl(origin, b.number)}`
	].join('\n');
}

/** The whole feed as text. `origin` makes the URLs absolute (https://…). */
export function buildCalendar(items: PublicBaustelle[], origin: string): string {
	const calendar = ical({
		name: CALENDAR_NAME,
		description: 'Öffentliche Baustellen im Straßenraum, aus dem Baustellenatlas von Tiefblick.',
		prodId: { company: 'Tiefblick', product: 'Baustellenatlas', language: 'DE' },
		method: ICalCalendarMethod.PUBLISH,
		url: `${origin}/atlas`,
		ttl: REFRESH_SECONDS
	});
	for (const b of items) {
		const [lon, lat] = centroid(b.footprint);
		const updated = new Date(b.updatedAt);
		calendar.createEvent({
			id: eventUid(b.id),
			sequence: b.revision,
			stamp: updated,
			lastModified: updated,
			allDay: true,
			// all-day dates, written from the UTC parts (the calendar has no time zone); DTEND is exclusive
			start: new Date(`${b.start}T00:00:00Z`),
			end: new Date(`${addDays(b.end, 1)}T00:00:00Z`),
			summary: b.title,
			location: {
				...(b.streets.length ? { title: b.streets.join(', ') } : {}),
				geo: { lat: round6(lat), lon: round6(lon) }
			},
			url: atlasUrl(origin, b.number),
			status: eventStatus(b.status),
			description: eventDescription(b, origin)
		});
	}
	return calendar.toString();
}

/** 6 decimals ≈ 0.1 m */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
