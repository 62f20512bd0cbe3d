/**
 * @module genehmigungen/lifecycle
 * The Baustelle's status, pure: how its permits move it before the works, and the promoter's and
 * authority's reports after that.
 *
 *   geplant ──(a permit submitted)──► beantragt ──(all permits granted)──► genehmigt
 *   genehmigt, or geplant without required permits ──baubeginn──► in_ausfuehrung
 *   in_ausfuehrung ──fertigmeldung──► abgeschlossen ──abnahme──► abgenommen
 *   geplant | beantragt | genehmigt ──stornieren──► storniert
 */
import { PERMIT_GRANTED, STATUS_LABELS, type BaustelleStatus, type PermitStatus } from '$lib/baustellen';
import { germanDate, isIsoDate } from './dates';

/** Statuses the permits decide; from `in_ausfuehrung` on, only reports move a Baustelle. */
const BEFORE_WORKS: readonly BaustelleStatus[] = ['geplant', 'beantragt', 'genehmigt'];

/**
 * The status after a change of the permits (submitted, decided, added or removed when the Baustelle
 * was edited). Derived, not stepped: a new required permit takes a `genehmigt` Baustelle back to
 * `beantragt`. A refused permit keeps it `beantragt` — it cannot start until the promoter changes the
 * plan or cancels.
 *
 * A Baustelle without required permits (no excavation, no traffic impact) stays `geplant`: nobody has
 * approved anything, so `genehmigt` would claim too much. It goes straight to `in_ausfuehrung` when the
 * promoter reports the start (`baubeginn`).
 */
export function statusAfterPermits(current: BaustelleStatus, permits: { status: PermitStatus }[]): BaustelleStatus {
	if (!BEFORE_WORKS.includes(current) || permits.length === 0) return current;
	if (permits.every((p) => PERMIT_GRANTED.includes(p.status))) return 'genehmigt';
	if (permits.some((p) => p.status !== 'offen')) return 'beantragt';
	return 'geplant';
}

export const BAUSTELLE_ACTIONS = ['baubeginn', 'fertigmeldung', 'abnahme', 'stornieren'] as const;
export type BaustelleAction = (typeof BAUSTELLE_ACTIONS)[number];
export const BAUSTELLE_ACTION_LABELS: Record<BaustelleAction, string> = {
	baubeginn: 'Baubeginn anzeigen',
	fertigmeldung: 'Fertigstellung melden',
	abnahme: 'Abnahme bestätigen',
	stornieren: 'Stornieren'
};

export interface BaustelleActionContext {
	/** every required permit is erteilt, erteilt_mit_auflagen or fiktiv_erteilt (false without permits) */
	allPermitsGranted: boolean;
	hasPermits: boolean;
	today: string;
	/** baubeginn: the reported start (default today); fertigmeldung: the recorded start */
	actualStart?: string | null;
	/** fertigmeldung: the reported end (default today) */
	actualEnd?: string | null;
}

export type BaustelleActionCode = 'wrong_status' | 'permits_missing' | 'invalid_date' | 'future_date' | 'end_before_start';

export type BaustelleActionResult =
	| { ok: true; status: BaustelleStatus; patch: { actualStart?: string; actualEnd?: string } }
	| { ok: false; code: BaustelleActionCode; message: string };

function refuse(code: BaustelleActionCode, message: string): Extract<BaustelleActionResult, { ok: false }> {
	return { ok: false, code, message };
}

/** Why a report does not fit the current status, with what is possible instead. */
function wrongStatus(current: BaustelleStatus, action: BaustelleAction, actualStart?: string | null): Extract<BaustelleActionResult, { ok: false }> {
	const hints: Record<BaustelleStatus, string> = {
		geplant: 'Die Baustelle ist noch nicht begonnen.',
		beantragt: 'Die Baustelle ist noch nicht begonnen.',
		genehmigt: 'Die Baustelle ist noch nicht begonnen. Bitte zuerst den Baubeginn anzeigen.',
		in_ausfuehrung: `Die Bauarbeiten laufen bereits${actualStart ? ` (Baubeginn ${germanDate(actualStart)})` : ''}. Bitte nach Abschluss die Fertigstellung melden.`,
		abgeschlossen: 'Die Bauarbeiten sind bereits als fertig gemeldet. Es fehlt nur noch die Abnahme durch die Behörde.',
		abgenommen: 'Die Baustelle ist abgeschlossen und abgenommen; daran ändert sich nichts mehr.',
		storniert: 'Die Baustelle ist storniert. Für ein neues Vorhaben bitte eine neue Baustelle anlegen.'
	};
	return refuse('wrong_status', `„${BAUSTELLE_ACTION_LABELS[action]}“ ist im Stand „${STATUS_LABELS[current]}“ nicht möglich. ${hints[current]}`);
}

/** A reported date: today when none was given, else a valid date not after today. */
function reportedDate(
	value: string | null | undefined,
	today: string,
	what: { accusative: string; nominative: string }
): string | Extract<BaustelleActionResult, { ok: false }> {
	const date = value ?? today;
	if (!isIsoDate(date)) return refuse('invalid_date', `Bitte ${what.accusative} als Datum angeben (JJJJ-MM-TT).`);
	if (date > today) return refuse('future_date', `${what.nominative} darf nicht in der Zukunft liegen (${germanDate(date)}). Bitte erst melden, wenn es so weit ist.`);
	return date;
}

/**
 * Applies a report to the Baustelle. Who may report (promoter: baubeginn, fertigmeldung, stornieren;
 * authority: abnahme) is the caller's guard.
 */
export function applyBaustelleAction(current: BaustelleStatus, action: BaustelleAction, ctx: BaustelleActionContext): BaustelleActionResult {
	switch (action) {
		case 'baubeginn': {
			if (!BEFORE_WORKS.includes(current)) return wrongStatus(current, action, ctx.actualStart);
			if (ctx.hasPermits && !ctx.allPermitsGranted) {
				return refuse(
					'permits_missing',
					'Die Bauarbeiten dürfen erst beginnen, wenn alle erforderlichen Genehmigungen erteilt sind. Bitte die Entscheidungen der Behörden abwarten.'
				);
			}
			const start = reportedDate(ctx.actualStart, ctx.today, { accusative: 'den Baubeginn', nominative: 'Der Baubeginn' });
			if (typeof start !== 'string') return start;
			return { ok: true, status: 'in_ausfuehrung', patch: { actualStart: start } };
		}
		case 'fertigmeldung': {
			if (current !== 'in_ausfuehrung') return wrongStatus(current, action);
			const end = reportedDate(ctx.actualEnd, ctx.today, { accusative: 'das Bauende', nominative: 'Das Bauende' });
			if (typeof end !== 'string') return end;
			if (ctx.actualStart && end < ctx.actualStart) {
				return refuse('end_before_start', `Das Bauende (${germanDate(end)}) liegt vor dem Baubeginn (${germanDate(ctx.actualStart)}). Bitte das Datum prüfen.`);
			}
			return { ok: true, status: 'abgeschlossen', patch: { actualEnd: end } };
		}
		case 'abnahme': {
			if (current !== 'abgeschlossen') {
				if (current === 'abgenommen') return wrongStatus(current, action);
				return refuse('wrong_status', `Abnehmen lässt sich eine Baustelle erst nach der Fertigmeldung; sie ist „${STATUS_LABELS[current]}“.`);
			}
			return { ok: true, status: 'abgenommen', patch: {} };
		}
		case 'stornieren': {
			if (!BEFORE_WORKS.includes(current)) {
				if (current === 'in_ausfuehrung') {
					return refuse('wrong_status', 'Eine Baustelle in Ausführung lässt sich nicht stornieren. Bitte nach dem Ende der Arbeiten die Fertigstellung melden.');
				}
				return wrongStatus(current, action);
			}
			return { ok: true, status: 'storniert', patch: {} };
		}
	}
}
