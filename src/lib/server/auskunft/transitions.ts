/**
 * @module auskunft/transitions
 * How an operator's status moves after the first document, pure: its answer from the inbox, the
 * deadline, and what the Auskunft's validity becomes. DESIGN.md, "What an Auskunft says".
 *
 *   ausstehend ──freigabe──────────► betroffen (computed plan released)
 *       │  │  ──unterlagen─────────► betroffen (own PDF; computed plan only if also released)
 *       │  └──nicht_betroffen──────► nicht_betroffen
 *       └─(2 working days)─► keine_antwort ──(a late answer, same three ways)──► …
 */
import { addDays, overallValidUntil, type OperatorStatus } from './rules';

export const ANSWER_KINDS = ['freigabe', 'nicht_betroffen', 'unterlagen'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export type AnswerOutcome =
	| { ok: true; status: OperatorStatus; planReleased: boolean }
	| { ok: false; code: 'already_answered' | 'nothing_to_release' | 'attachment_missing'; message: string };

/** Statuses an operator can still answer from: pending, or late after the deadline. */
export function canAnswer(status: OperatorStatus): boolean {
	return status === 'ausstehend' || status === 'keine_antwort';
}

export function answerOutcome(
	current: { status: OperatorStatus; featureCount: number },
	kind: AnswerKind,
	opts: { releasePlan?: boolean; hasAttachment?: boolean } = {}
): AnswerOutcome {
	if (!canAnswer(current.status)) {
		return { ok: false, code: 'already_answered', message: 'Diese Anfrage ist bereits beantwortet. Jede Antwort ist Teil einer ausgestellten Dokumentversion und bleibt so stehen.' };
	}
	switch (kind) {
		case 'freigabe':
			if (current.featureCount === 0) {
				return {
					ok: false,
					code: 'nothing_to_release',
					message: 'Im Bereich wurden keine Leitungen Ihres Netzes berechnet. Bitte „nicht betroffen“ antworten oder eigene Unterlagen beifügen.'
				};
			}
			return { ok: true, status: 'betroffen', planReleased: true };
		case 'nicht_betroffen':
			// the computed features (if any) stay on the server: the operator's word counts
			return { ok: true, status: 'nicht_betroffen', planReleased: false };
		case 'unterlagen':
			if (!opts.hasAttachment) return { ok: false, code: 'attachment_missing', message: 'Bitte eine PDF-Datei mit Ihren Unterlagen auswählen.' };
			return { ok: true, status: 'betroffen', planReleased: Boolean(opts.releasePlan) && current.featureCount > 0 };
	}
}

/** An answer is valid for the operator's own validity, counted from the day it answers. */
export function answerValidUntil(today: string, validityDays: number): string {
	return addDays(today, validityDays);
}

/**
 * The Auskunft is valid until the earliest validity of the operators that answered; pending and
 * unanswered operators set none (their validity is not an answer). `fallback` when nobody answered.
 */
export function validUntilAfterAnswers(operators: { status: OperatorStatus; validUntil: string }[], fallback: string): string {
	return overallValidUntil(
		operators.filter((o) => o.status === 'betroffen' || o.status === 'nicht_betroffen').map((o) => o.validUntil),
		fallback
	);
}

/** A pending operator whose escalation time has come is `keine_antwort` (never read as a negative). */
export function isOverdue(o: { status: OperatorStatus; escalatesAt: Date | null }, at: Date): boolean {
	return o.status === 'ausstehend' && o.escalatesAt !== null && o.escalatesAt.getTime() <= at.getTime();
}
