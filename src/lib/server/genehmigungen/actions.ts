/**
 * @module genehmigungen/actions
 * The state machine of one permit, pure: what each action of promoter and authority does to it.
 *
 *   offen ──einreichen──► eingereicht ──vollstaendig──► vollstaendig (clock runs)
 *     ▲                      │   ▲                        │  │  └─verlaengern (TK, once, before the due date)
 *     │                      │   └──────einreichen────┐   │  └──fiktion (TK, the day after the due date) ──► fiktiv_erteilt
 *     │                      └──nachfordern──► nachforderung ◄──nachfordern──┘
 *   eingereicht | vollstaendig ──erteilen / erteilen_mit_auflagen──► erteilt / erteilt_mit_auflagen
 *   eingereicht | vollstaendig | nachforderung ──ablehnen──► abgelehnt
 *
 * Decisions (erteilt …, abgelehnt, fiktiv_erteilt) are final. Who may act (promoter: einreichen;
 * authority: the rest) is the caller's guard, not this module's.
 */
import { PERMIT_GRANTED, PERMIT_KIND_LABELS, PERMIT_STATUS_LABELS, type PermitKind, type PermitStatus } from '$lib/baustellen';
import { dueDate } from './clock';
import { germanDate } from './dates';
import { FICTION_KIND, TKG_CLOCK_LEGAL_BASIS, type Period } from './periods';

export const PERMIT_ACTIONS = ['einreichen', 'vollstaendig', 'nachfordern', 'erteilen', 'erteilen_mit_auflagen', 'ablehnen', 'verlaengern', 'fiktion'] as const;
export type PermitAction = (typeof PERMIT_ACTIONS)[number];

export const PERMIT_ACTION_LABELS: Record<PermitAction, string> = {
	einreichen: 'Antrag einreichen',
	vollstaendig: 'Vollständigkeit bestätigen',
	nachfordern: 'Änderungen anfordern',
	erteilen: 'Erteilen',
	erteilen_mit_auflagen: 'Mit Auflagen erteilen',
	ablehnen: 'Ablehnen',
	verlaengern: 'Frist verlängern',
	fiktion: 'Fiktive Erteilung vermerken'
};

/** Shortest conditions, reason for refusal or list of requested changes that says something. */
export const MIN_TEXT_LENGTH = 10;

/** The part of a permit the state machine reads and writes (dates `YYYY-MM-DD`). */
export interface PermitState {
	kind: PermitKind;
	status: PermitStatus;
	submittedAt: string | null;
	completeAt: string | null;
	dueAt: string | null;
	extended: boolean;
	conditions: string;
	/** refusal reason or requested changes */
	reason: string;
}

export interface PermitActionInput {
	today: string;
	conditions?: string;
	reason?: string;
	/** the authority's period for this permit's kind */
	period: Period;
	/** message of a blocking conflict (an active Aufbruchsperre in mode `sperre` without exemption) */
	blocked?: string;
}

export type PermitActionCode =
	| 'already_decided'
	| 'wrong_status'
	| 'text_required'
	| 'blocked'
	| 'fiction_occurred'
	| 'not_extendable'
	| 'already_extended'
	| 'too_late'
	| 'no_fiction'
	| 'not_yet_due';

export type PermitActionResult =
	| {
			ok: true;
			patch: Partial<PermitState>;
			/** the action decides the permit: the caller stamps decided_at / decided_by */
			decision: boolean;
	  }
	| { ok: false; code: PermitActionCode; message: string };

type Refusal = Extract<PermitActionResult, { ok: false }>;

const DECIDED: readonly PermitStatus[] = [...PERMIT_GRANTED, 'abgelehnt'];
/** Kinds an Aufbruchsperre stops: the ones that allow opening the road. */
const BLOCKABLE: readonly PermitKind[] = ['aufgrabeerlaubnis', 'tkg_zustimmung'];

function refuse(code: PermitActionCode, message: string): Refusal {
	return { ok: false, code, message };
}

/** Why an action is not possible in the permit's current status, and what to do instead. */
function wrongStatus(permit: PermitState, action: PermitAction): Refusal {
	const label = PERMIT_STATUS_LABELS[permit.status];
	const hints: Partial<Record<PermitStatus, string>> = {
		offen: 'Der Antrag ist noch nicht eingereicht. Bitte zuerst den Antrag einreichen.',
		eingereicht: 'Der Antrag ist eingereicht, aber noch nicht als vollständig bestätigt. Bitte zuerst die Vollständigkeit bestätigen oder Änderungen anfordern.',
		vollstaendig: `Der Antrag ist bereits vollständig${permit.completeAt ? ` (seit ${germanDate(permit.completeAt)})` : ''}${permit.dueAt ? `; die Frist läuft bis ${germanDate(permit.dueAt)}` : ''}. Bitte entscheiden oder Änderungen anfordern.`,
		nachforderung: 'Es sind Änderungen angefordert. Der Antragsteller muss den Antrag zuerst geändert erneut einreichen.'
	};
	return refuse('wrong_status', `„${PERMIT_ACTION_LABELS[action]}“ ist im Stand „${label}“ nicht möglich. ${hints[permit.status] ?? ''}`.trim());
}

/** A message fragment as a sentence, so it can be followed by another. */
function sentence(text: string): string {
	const t = text.trim();
	return /[.!?]$/.test(t) ? t : `${t}.`;
}

function requireText(value: string | undefined, what: string): string | Refusal {
	const text = (value ?? '').trim();
	if (text.length < MIN_TEXT_LENGTH) return refuse('text_required', `Bitte ${what} angeben (mindestens ${MIN_TEXT_LENGTH} Zeichen).`);
	return text;
}

/** The TK consent counts as granted by law once its due date has passed: nothing else may be recorded. */
function fictionOccurred(permit: PermitState, input: PermitActionInput): Refusal | null {
	if (permit.status !== 'vollstaendig' || !input.period.fiction || !permit.dueAt || input.today <= permit.dueAt) return null;
	return refuse(
		'fiction_occurred',
		`Die Frist ist am ${germanDate(permit.dueAt)} abgelaufen; die Zustimmung gilt seitdem als erteilt (${TKG_CLOCK_LEGAL_BASIS}). Bitte die fiktive Erteilung vermerken.`
	);
}

/**
 * Applies one action to a permit: the fields to change, or why not (German, says what to do).
 * `input.period` is the authority's period for the permit's kind (`periodsFor(settings)[kind]`).
 */
export function applyPermitAction(permit: PermitState, action: PermitAction, input: PermitActionInput): PermitActionResult {
	if (DECIDED.includes(permit.status)) {
		return refuse(
			'already_decided',
			`Über diesen Antrag ist bereits entschieden („${PERMIT_STATUS_LABELS[permit.status]}“). Eine Entscheidung lässt sich nicht mehr ändern; für ein geändertes Vorhaben ist ein neuer Antrag nötig.`
		);
	}
	const { today, period } = input;
	switch (action) {
		case 'einreichen': {
			if (permit.status !== 'offen' && permit.status !== 'nachforderung') return wrongStatus(permit, action);
			// a resubmission answers the requested changes: the clock starts again on completeness
			return { ok: true, decision: false, patch: { status: 'eingereicht', submittedAt: today, completeAt: null, dueAt: null, extended: false, reason: '' } };
		}
		case 'vollstaendig': {
			if (permit.status !== 'eingereicht') return wrongStatus(permit, action);
			return { ok: true, decision: false, patch: { status: 'vollstaendig', completeAt: today, dueAt: dueDate(today, period, false), extended: false } };
		}
		case 'nachfordern': {
			if (permit.status !== 'eingereicht' && permit.status !== 'vollstaendig') return wrongStatus(permit, action);
			const late = fictionOccurred(permit, input);
			if (late) return late;
			const reason = requireText(input.reason, 'die angeforderten Änderungen');
			if (typeof reason !== 'string') return reason;
			return { ok: true, decision: false, patch: { status: 'nachforderung', reason, completeAt: null, dueAt: null, extended: false } };
		}
		case 'erteilen':
		case 'erteilen_mit_auflagen': {
			if (permit.status !== 'eingereicht' && permit.status !== 'vollstaendig') return wrongStatus(permit, action);
			const late = fictionOccurred(permit, input);
			if (late) return late;
			if (input.blocked && BLOCKABLE.includes(permit.kind)) {
				return refuse(
					'blocked',
					`Die ${PERMIT_KIND_LABELS[permit.kind]} kann nicht erteilt werden: ${sentence(input.blocked)} Bitte den Antrag ablehnen, eine Ausnahme der Aufbruchsperre prüfen oder die Sperre aufheben.`
				);
			}
			let conditions = '';
			if (action === 'erteilen_mit_auflagen') {
				const text = requireText(input.conditions, 'die Auflagen');
				if (typeof text !== 'string') return text;
				conditions = text;
			}
			return {
				ok: true,
				decision: true,
				patch: { status: action === 'erteilen' ? 'erteilt' : 'erteilt_mit_auflagen', conditions, completeAt: permit.completeAt ?? today }
			};
		}
		case 'ablehnen': {
			if (permit.status !== 'eingereicht' && permit.status !== 'vollstaendig' && permit.status !== 'nachforderung') return wrongStatus(permit, action);
			const late = fictionOccurred(permit, input);
			if (late) return late;
			const reason = requireText(input.reason, 'eine Begründung der Ablehnung');
			if (typeof reason !== 'string') return reason;
			return { ok: true, decision: true, patch: { status: 'abgelehnt', reason } };
		}
		case 'verlaengern': {
			if (permit.kind !== FICTION_KIND || !period.extension) {
				return refuse('not_extendable', `Die Frist für die ${PERMIT_KIND_LABELS[permit.kind]} lässt sich nicht verlängern; verlängerbar ist nur die Frist der ${PERMIT_KIND_LABELS[FICTION_KIND]}.`);
			}
			if (permit.extended) return refuse('already_extended', `Die Frist wurde bereits verlängert (bis ${permit.dueAt ? germanDate(permit.dueAt) : '–'}); sie lässt sich nur einmal verlängern.`);
			if (permit.status !== 'vollstaendig' || !permit.completeAt || !permit.dueAt) return wrongStatus(permit, action);
			if (today > permit.dueAt) {
				return refuse('too_late', `Die Frist ist am ${germanDate(permit.dueAt)} abgelaufen; verlängern lässt sie sich nur bis zu diesem Tag.${period.fiction ? ' Bitte die fiktive Erteilung vermerken.' : ''}`);
			}
			return { ok: true, decision: false, patch: { extended: true, dueAt: dueDate(permit.completeAt, period, true) } };
		}
		case 'fiktion': {
			if (!period.fiction) return refuse('no_fiction', `Für die ${PERMIT_KIND_LABELS[permit.kind]} gibt es keine Genehmigungsfiktion; über den Antrag muss ausdrücklich entschieden werden.`);
			if (permit.status !== 'vollstaendig' || !permit.dueAt) return wrongStatus(permit, action);
			if (today <= permit.dueAt) {
				return refuse('not_yet_due', `Die Frist läuft noch bis einschließlich ${germanDate(permit.dueAt)}. Die Zustimmung gilt erst ab dem folgenden Tag als erteilt.`);
			}
			return { ok: true, decision: true, patch: { status: 'fiktiv_erteilt' } };
		}
	}
}
