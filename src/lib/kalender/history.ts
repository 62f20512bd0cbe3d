/**
 * @module kalender/history
 * A street's history, pure: what was dug when, what is open now, what comes, and which Aufbruchsperre
 * holds — as one sentence for the top of the street page — and the years the timeline spans.
 */
import { formatDay, formatMonth } from './calendar';
import { normaliseStreet } from './street';
import type { BaustelleStatus } from '$lib/baustellen';
import type { MoratoriumItem } from './types';

interface HistoryItem {
	number: string;
	title: string;
	status: BaustelleStatus;
	start: string;
	end: string;
	excavation: boolean;
	streets: string[];
}

/** statuses under which works really took place (a past `genehmigt` may never have started) */
const CARRIED_OUT: readonly BaustelleStatus[] = ['in_ausfuehrung', 'abgeschlossen', 'abgenommen'];

export interface StreetSummary<I extends HistoryItem> {
	/** the latest excavation that ended before today */
	last: I | null;
	/** excavations open today */
	current: I[];
	/** the next excavation that begins after today */
	next: I | null;
	/** the moratorium holding today (active before proposed, the longest first) */
	moratorium: MoratoriumItem | null;
	/** „Zuletzt aufgegraben: Mai 2025 (KAL-13 Gasleitung); Aufbruchsperre bis 31.03.2030.“ */
	sentence: string;
}

export function streetSummary<I extends HistoryItem>(items: readonly I[], moratoria: readonly MoratoriumItem[], today: string): StreetSummary<I> {
	const digs = items.filter((i) => i.excavation && i.status !== 'storniert');
	const current = digs.filter((i) => i.start <= today && i.end >= today && CARRIED_OUT.includes(i.status));
	const past = digs.filter((i) => i.end < today && CARRIED_OUT.includes(i.status)).sort((a, b) => (a.end < b.end ? 1 : -1));
	const coming = digs.filter((i) => i.start > today && !CARRIED_OUT.includes(i.status)).sort((a, b) => (a.start < b.start ? -1 : 1));
	const holding = moratoria
		.filter((m) => m.status !== 'aufgehoben' && m.validFrom <= today && m.validUntil >= today)
		.sort((a, b) => (a.status === b.status ? (a.validUntil < b.validUntil ? 1 : -1) : a.status === 'aktiv' ? -1 : 1));
	const last = past[0] ?? null;
	const next = coming[0] ?? null;
	const moratorium = holding[0] ?? null;

	const parts: string[] = [];
	if (current.length) parts.push(`derzeit aufgegraben: ${current.map((i) => `${i.number} ${i.title} (bis ${formatDay(i.end)})`).join(', ')}`);
	parts.push(last ? `zuletzt aufgegraben: ${formatMonth(last.end)} (${last.number} ${last.title})` : 'keine abgeschlossene Aufgrabung verzeichnet');
	if (next) parts.push(`nächste geplante Aufgrabung ab ${formatDay(next.start)} (${next.number} ${next.title})`);
	if (moratorium) {
		const what = moratorium.mode === 'sperre' ? 'Aufbruchsperre' : 'Aufbruchsperre (Warnung)';
		parts.push(`${what} bis ${formatDay(moratorium.validUntil)}${moratorium.status === 'vorgeschlagen' ? ', vorgeschlagen' : ''}`);
	} else parts.push('keine Aufbruchsperre');
	const sentence = `${parts.join('; ')}.`;
	return { last, current, next, moratorium, sentence: sentence.charAt(0).toUpperCase() + sentence.slice(1) };
}

/**
 * The years the timeline shows: from the first year with a Baustelle or moratorium to the end of the
 * year after today — longer when works are planned later; a moratorium running far ahead is cut after
 * six years, it reads as „until then“ anyway.
 */
export function historyWindow(items: readonly { start: string; end: string }[], moratoria: readonly MoratoriumItem[], today: string): { from: string; to: string } {
	const year = Number(today.slice(0, 4));
	const starts = [...items.map((i) => i.start), ...moratoria.map((m) => m.validFrom), today];
	const ends = [...items.map((i) => i.end), ...moratoria.map((m) => (m.validUntil.slice(0, 4) > String(year + 6) ? `${year + 6}-12-31` : m.validUntil)), `${year + 1}-12-31`];
	const first = starts.reduce((a, b) => (b < a ? b : a));
	const last = ends.reduce((a, b) => (b > a ? b : a));
	return { from: `${first.slice(0, 4)}-01-01`, to: `${last.slice(0, 4)}-12-31` };
}

/** The street's name as the Baustellen spell it most often (ties: the requested spelling). */
export function displayName(items: readonly { streets: string[] }[], requested: string): string {
	const key = normaliseStreet(requested);
	const counts = new Map<string, number>();
	for (const i of items) for (const s of i.streets) if (normaliseStreet(s) === key) counts.set(s.trim(), (counts.get(s.trim()) ?? 0) + 1);
	let best = requested.trim();
	let most = counts.get(best) ?? 0;
	for (const [name, n] of counts) if (n > most) [best, most] = [name, n];
	return best;
}
