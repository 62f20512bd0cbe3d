/**
 * @module konflikte/engine
 * The conflict engine of the construction calendar (issue #5, point 4), pure: one Baustelle (the
 * subject) against its neighbours, the moratoria and the frost months. The database service loads the
 * candidates (load.ts), calls `checkConflicts`, and stores the findings from both sides.
 *
 * Each rule is its own exported function or constant so its spec can pin the boundaries:
 * - ueberschneidung: footprints ≤ distanceM apart and windows sharing a day;
 * - moratorium: an excavation whose footprint meets an active Aufbruchsperre during its validity;
 * - frost: an excavation in a frost month;
 * - mitverlegung: two excavations on the same street within distanceM whose starts lie ≤ colayingMonths apart.
 */
import type { Duct, Exemption, Severity } from '$lib/baustellen';
import { addDays, addMonths, daysBetween, germanDate, maxDate, minDate, MONTH_NAMES, monthsTouched, overlapWindow } from './dates';
import { bboxDistance, distanceWithin, prepare } from './distance';
import { sharedStreet } from './street';
import type { Candidate, ConflictSettings, Finding, MoratoriumInput } from './types';

/** Rounding slack for "exactly at the threshold": a footprint 50 m away is within 50 m. */
export const DISTANCE_EPSILON_M = 1e-6;

export const SEVERITY_RANK: Record<Severity, number> = { hoch: 0, mittel: 1, niedrig: 2, hinweis: 3 };
const KIND_RANK: Record<Finding['kind'], number> = { moratorium: 0, ueberschneidung: 1, mitverlegung: 2, frost: 3 };

/** Exemptions as they read inside a sentence (the form labels in EXEMPTION_LABELS are capitalised). */
const EXEMPTION_TEXT: Record<Exemption, string> = {
	keine: 'keine Ausnahme',
	dringende_reparatur: 'dringende Reparatur',
	hausanschluss: 'Hausanschluss',
	stoerungsbeseitigung: 'Störungsbeseitigung'
};

/** A cancelled Baustelle neither has nor causes conflicts. */
export function isCancelled(c: Candidate): boolean {
	return c.status === 'storniert';
}

/** Severity of an overlap: same street section with both digging is the case the Tiefbauamt must stop. */
export function overlapSeverity(sameStreet: boolean, bothExcavate: boolean): Severity {
	if (sameStreet && bothExcavate) return 'hoch';
	if (sameStreet || bothExcavate) return 'mittel';
	return 'niedrig';
}

/**
 * Co-laying time rule, symmetric so both sides of a pair agree: the later start lies at most
 * `months` calendar months after the earlier one (exactly six months apart still counts).
 */
export function startsWithinMonths(aStart: string, bStart: string, months: number): boolean {
	const earlier = minDate(aStart, bStart);
	const later = maxDate(aStart, bStart);
	return later <= addMonths(earlier, months);
}

/**
 * The starts of others that are co-laying close to `start`: [from, to] with exactly the same answers as
 * `startsWithinMonths(start, other, months)`, computed once per subject so the loop over neighbours
 * compares strings only. `to` is `start` + months; `from` is the earliest day whose + months reaches
 * `start` (month-end clamping can move it up to three days after `start` − months).
 */
export function colayingStarts(start: string, months: number): { from: string; to: string } {
	let from = addMonths(start, -months);
	while (addMonths(from, months) < start) from = addDays(from, 1);
	return { from, to: addMonths(start, months) };
}

/**
 * A trench can still be shared only while neither side is finished: a window that ended before today,
 * or works already completed or accepted, leave nothing to coordinate.
 */
export function trenchStillOpen(c: Candidate, today: string): boolean {
	return c.end >= today && c.status !== 'abgeschlossen' && c.status !== 'abgenommen';
}

/** The date by which the partner must be asked: `leadDays` before the earlier start, but never in the past. */
export function askByDate(earlierStart: string, leadDays: number, today: string): string {
	return maxDate(addDays(earlierStart, -leadDays), today);
}

/** The frost months an inclusive window touches, in the order they occur. */
export function frostMonthsIn(start: string, end: string, frostMonths: readonly number[]): number[] {
	if (frostMonths.length === 0) return [];
	const frost = new Set(frostMonths);
	return monthsTouched(start, end).filter((m) => frost.has(m));
}

/** Does an excavation fall under a moratorium's exemptions? */
export function isExempt(exemption: Exemption, exemptions: readonly Exemption[]): boolean {
	return exemption !== 'keine' && exemptions.includes(exemption);
}

/**
 * The widest date range a neighbour's window must reach for any rule to apply (overlap with the
 * subject's window, or a co-laying start), as one plain range for callers that can filter by dates
 * only. `timeFilter` (index) and `loadCandidates` (SQL) apply the tighter rule.
 */
export function timeReach(subject: Pick<Candidate, 'start' | 'end'>, settings: ConflictSettings): { from: string; to: string } {
	const colay = colayingStarts(subject.start, settings.colayingMonths);
	return { from: colay.from, to: maxDate(subject.end, colay.to) };
}

/**
 * The time part of every pair rule, without `today`: windows share a day, or both dig and their
 * starts are close enough for co-laying. The index filters with it; the engine adds the rest.
 */
export function mayMatterInTime(subject: Candidate, other: Candidate, settings: ConflictSettings): boolean {
	return timeFilter(subject, settings)(other);
}

/** `mayMatterInTime` for one subject and many others, the date arithmetic done once. */
export function timeFilter(subject: Candidate, settings: ConflictSettings): (other: Candidate) => boolean {
	const { start, end, excavation } = subject;
	const colay = colayingStarts(start, settings.colayingMonths);
	return (o) => (start <= o.end && o.start <= end) || (excavation && o.excavation && o.start >= colay.from && o.start <= colay.to);
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function describeDistance(d: number): string {
	if (d === 0) return 'Flächen berühren oder überschneiden sich';
	if (d < 1) return 'unter 1 m entfernt';
	return `${Math.round(d)} m entfernt`;
}

function describeOther(o: Candidate): string {
	return `${o.number} „${o.title}“ (${o.promoter})`;
}

function describeDucts(ducts: readonly Duct[]): string {
	return ducts
		.filter((d) => d.count > 0)
		.map((d) => `${d.count} × ${d.kind}${d.diameterMm ? ` Ø ${d.diameterMm} mm` : ''}`)
		.join(', ');
}

function overlapFinding(subject: Candidate, other: Candidate, distanceM: number, overlap: { from: string; to: string; days: number }, street: string | null): Finding {
	const bothExcavate = subject.excavation && other.excavation;
	const severity = overlapSeverity(street !== null, bothExcavate);
	const parts = [
		describeDistance(distanceM),
		`${overlap.days} ${overlap.days === 1 ? 'Tag' : 'Tage'} gleichzeitig (${germanDate(overlap.from)}–${germanDate(overlap.to)})`
	];
	if (street) parts.push(`gleicher Straßenabschnitt (${street})`);
	if (bothExcavate) parts.push('beide mit Aufgrabung');
	else if (subject.excavation) parts.push('Aufgrabung nur bei dieser Baustelle');
	else if (other.excavation) parts.push(`Aufgrabung nur bei ${other.number}`);
	else parts.push('ohne Aufgrabung');
	return {
		kind: 'ueberschneidung',
		severity,
		blocking: false,
		message: `Überschneidung mit ${describeOther(other)}: ${parts.join(', ')}.`,
		otherId: other.id,
		details: {
			distanceM: round1(distanceM),
			overlapDays: overlap.days,
			overlapFrom: overlap.from,
			overlapTo: overlap.to,
			sameStreet: street !== null,
			street,
			bothExcavate
		}
	};
}

function colayingFinding(subject: Candidate, other: Candidate, distanceM: number, street: string, settings: ConflictSettings, today: string): Finding {
	const earlierStart = minDate(subject.start, other.start);
	const askBy = askByDate(earlierStart, settings.colayingLeadDays, today);
	// § 146 TKG gives a right to co-lay only in publicly funded works: it is the other's trench that is shared
	const tkg146 = other.publiclyFunded;
	const ducts = describeDucts(other.ducts);
	const basis = tkg146
		? `Mitverlegungsanspruch nach § 146 TKG (öffentlich finanzierte Bauarbeiten), Anfrage bis ${germanDate(askBy)} stellen`
		: `freiwillige Koordinierung: gemeinsame Aufgrabung bis ${germanDate(askBy)} mit dem Vorhabenträger abstimmen`;
	const message =
		`Mitverlegung möglich mit ${describeOther(other)}: Aufgrabung vom ${germanDate(other.start)} bis ${germanDate(other.end)}, ` +
		`gleicher Straßenabschnitt (${street}), ${describeDistance(distanceM)}` +
		(ducts ? `, dort werden verlegt: ${ducts}` : '') +
		` – ${basis}.`;
	return {
		kind: 'mitverlegung',
		severity: 'hinweis',
		blocking: false,
		message,
		otherId: other.id,
		details: {
			distanceM: round1(distanceM),
			street,
			sameStreet: true,
			otherStart: other.start,
			otherEnd: other.end,
			startsApartDays: Math.abs(daysBetween(subject.start, other.start)),
			askBy,
			tkg146,
			ducts: other.ducts
		}
	};
}

function moratoriumFinding(subject: Candidate, m: MoratoriumInput, overlap: { from: string; to: string }): Finding {
	const basis = m.legalBasis.trim() ? ` (${m.legalBasis.trim()})` : '';
	const head = `Aufbruchsperre „${m.title}“ bis ${germanDate(m.validUntil)}${basis}`;
	const exempt = isExempt(subject.exemption, m.exemptions);
	const details = {
		distanceM: 0,
		mode: m.mode,
		validFrom: m.validFrom,
		validUntil: m.validUntil,
		legalBasis: m.legalBasis,
		exempted: exempt,
		exemption: subject.exemption,
		overlapFrom: overlap.from,
		overlapTo: overlap.to
	};
	if (exempt) {
		return {
			kind: 'moratorium',
			severity: 'hinweis',
			blocking: false,
			message: `${head}: Diese Baustelle ist als ${EXEMPTION_TEXT[subject.exemption]} von der Sperre ausgenommen, die Aufgrabung ist zulässig.`,
			moratoriumId: m.id,
			details
		};
	}
	if (m.mode === 'sperre') {
		const allowed = m.exemptions.filter((e) => e !== 'keine').map((e) => EXEMPTION_TEXT[e]);
		return {
			kind: 'moratorium',
			severity: 'hoch',
			blocking: true,
			message:
				`${head}: Aufgrabung hier gesperrt, die Aufgrabeerlaubnis kann nicht erteilt werden` +
				(allowed.length ? ` (Ausnahmen nur für ${allowed.join(', ')}).` : '.'),
			moratoriumId: m.id,
			details
		};
	}
	return {
		kind: 'moratorium',
		severity: 'mittel',
		blocking: false,
		message: `${head}: Aufgrabung in einer geschützten, frisch hergestellten Fläche, nur nach Abstimmung mit dem Tiefbauamt.`,
		moratoriumId: m.id,
		details
	};
}

function frostFinding(months: number[]): Finding {
	return {
		kind: 'frost',
		severity: 'hinweis',
		blocking: false,
		message: `Aufgrabung in der Frostperiode (${months.map((m) => MONTH_NAMES[m - 1]).join(', ')}): Oberfläche ggf. nur provisorisch schließen, endgültige Wiederherstellung einplanen.`,
		details: { months }
	};
}

/** Blocking first, then hoch → hinweis, then the nearest; then a fixed order so results are stable. */
export function compareFindings(a: Finding, b: Finding): number {
	if (a.blocking !== b.blocking) return a.blocking ? -1 : 1;
	const s = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
	if (s !== 0) return s;
	const da = typeof a.details.distanceM === 'number' ? a.details.distanceM : Infinity;
	const db = typeof b.details.distanceM === 'number' ? b.details.distanceM : Infinity;
	if (da !== db) return da < db ? -1 : 1;
	const k = KIND_RANK[a.kind] - KIND_RANK[b.kind];
	if (k !== 0) return k;
	const ia = a.otherId ?? a.moratoriumId ?? '';
	const ib = b.otherId ?? b.moratoriumId ?? '';
	return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/**
 * All findings of `subject`: overlaps and co-laying chances with `others` (any superset of the
 * neighbours — the subject itself and cancelled ones are skipped), moratoria, frost. `today` is the
 * calendar date the ask-by date is clamped to. Each candidate's `bbox` must cover its footprint.
 */
export function checkConflicts(subject: Candidate, others: Iterable<Candidate>, moratoria: MoratoriumInput[], settings: ConflictSettings, today: string): Finding[] {
	if (isCancelled(subject)) return [];
	const findings: Finding[] = [];
	const limit = settings.distanceM + DISTANCE_EPSILON_M;
	const own = prepare(subject.footprint);
	const colay = colayingStarts(subject.start, settings.colayingMonths);
	const subjectOpen = trenchStillOpen(subject, today);

	for (const other of others) {
		if (other.id === subject.id || isCancelled(other)) continue;
		const overlap = overlapWindow(subject.start, subject.end, other.start, other.end);
		const colayingTime =
			subject.excavation &&
			other.excavation &&
			subjectOpen &&
			(overlap !== null || (other.start >= colay.from && other.start <= colay.to)) &&
			trenchStillOpen(other, today);
		if (!overlap && !colayingTime) continue;
		if (bboxDistance(subject.bbox, other.bbox) > limit) continue;
		const distanceM = distanceWithin(own, prepare(other.footprint), limit);
		if (distanceM === Infinity) continue;
		const street = sharedStreet(subject.streets, other.streets);
		if (overlap) findings.push(overlapFinding(subject, other, distanceM, overlap, street));
		if (colayingTime && street !== null) findings.push(colayingFinding(subject, other, distanceM, street, settings, today));
	}

	if (subject.excavation) {
		for (const m of moratoria) {
			const overlap = overlapWindow(subject.start, subject.end, m.validFrom, m.validUntil);
			if (!overlap) continue;
			if (bboxDistance(subject.bbox, m.bbox) > 0) continue;
			if (distanceWithin(own, prepare(m.area), 0) !== 0) continue;
			findings.push(moratoriumFinding(subject, m, overlap));
		}
		const frost = frostMonthsIn(subject.start, subject.end, settings.frostMonths);
		if (frost.length > 0) findings.push(frostFinding(frost));
	}

	return findings.sort(compareFindings);
}
