/**
 * @module kalender/present
 * How a Baustelle reads in the views: the event the calendars draw, and one German sentence for titles,
 * tooltips and accessible names, so every view says the same thing in the same order.
 */
import { STATUS_LABELS, SEVERITY_LABELS, type BaustelleStatus, type Severity } from '$lib/baustellen';
import { formatRange, type CalendarEvent } from './calendar';
import type { ConflictSummary } from './types';

/** What MonthCalendar and WeekCalendar draw of a Baustelle. */
export interface ViewEvent extends CalendarEvent {
	status: BaustelleStatus;
	/** where the bar links to */
	href: string;
	/** a second line in the week view, e.g. „BS-2027-0012 · Leipziger Straße · Stadtwerke“ */
	subtitle?: string;
	/** accessible name and tooltip; defaults to title, period and status */
	description?: string;
	/** a conflict marker in the colour of the highest severity */
	conflict?: Severity | null;
}

/** „2 Konflikte, höchste Stufe: Hoch, blockierend“ — '' when there are none. */
export function describeConflicts(c: ConflictSummary): string {
	if (!c.count) return '';
	const what = c.count === 1 ? '1 Konflikt' : `${c.count} Konflikte`;
	return `${what}${c.highest ? `, höchste Stufe: ${SEVERITY_LABELS[c.highest]}` : ''}${c.blocking ? ', blockierend' : ''}`;
}

interface Describable {
	number: string;
	title: string;
	start: string;
	end: string;
	status: BaustelleStatus;
	streets?: string[];
	promoter?: string;
	conflicts?: ConflictSummary;
	confirmed?: boolean;
}

/**
 * „BS-2027-0012 Erneuerung Trinkwasserleitung, Leipziger Straße, 3.–14. März 2027 (geschätzt), Genehmigt,
 * Träger: Stadtwerke, 2 Konflikte, höchste Stufe: Hoch“
 */
export function describeItem(i: Describable): string {
	const parts = [`${i.number} ${i.title}`];
	if (i.streets?.length) parts.push(i.streets.join(', '));
	parts.push(`${formatRange(i.start, i.end)}${i.confirmed === false ? ' (geschätzt)' : ''}`);
	parts.push(STATUS_LABELS[i.status]);
	if (i.promoter) parts.push(`Träger: ${i.promoter}`);
	const conflicts = i.conflicts ? describeConflicts(i.conflicts) : '';
	if (conflicts) parts.push(conflicts);
	return parts.join(', ');
}

export function baustelleHref(id: string): string {
	return `/baustellen/${id}`;
}

/** A calendar item as the calendars draw it. */
export function toViewEvent(i: Describable & { id: string }): ViewEvent {
	return {
		id: i.id,
		title: i.title,
		start: i.start,
		end: i.end,
		status: i.status,
		href: baustelleHref(i.id),
		subtitle: [i.number, i.streets?.join(', '), i.promoter].filter(Boolean).join(' · '),
		description: describeItem(i),
		conflict: i.conflicts?.count ? (i.conflicts.highest ?? 'hinweis') : null
	};
}
