/**
 * @module auskunft/feedback
 * Field feedback: on a valid Auskunft the requester reports what the site showed — a line not found,
 * an unknown line, a line off its plotted position — to the one operator concerned. Stored, shown in
 * that operator's inbox only, and audited (ids and facts only; the comment and photo stay beside).
 */
import { sql } from '../db';
import { now } from '../clock';
import { config } from '../config';
import { appendAudit } from '../audit/repo';
import { operatorResults } from './repo';
import { ownAuskunft } from './present';
import { berlinDate } from './rules';
import { feedbackOfAuskunft, insertFeedback, findFeedback, type FeedbackRow } from './feedback-repo';
import { FEEDBACK_LABELS, type FeedbackInput } from './feedback-input';
import type { Requester } from './service';

/** Forms share the server's body limit (hooks.server.ts): a photo gets what is left of it. */
export const FEEDBACK_PHOTO_MAX_BYTES = Math.max(100_000, config.jsonMaxBytes - 64_000);

export type FeedbackOutcome =
	| { ok: true; feedback: FeedbackRow }
	| { ok: false; httpStatus: 404 | 409 | 422; code: string; message: string; field?: string };

export async function submitFeedback(requester: Requester, auskunftId: string, input: FeedbackInput): Promise<FeedbackOutcome> {
	const a = await ownAuskunft(sql, auskunftId, requester.orgId);
	if (!a) return { ok: false, httpStatus: 404, code: 'not_found', message: 'Auskunft nicht gefunden.' };
	const at = now();
	if (a.validUntil < berlinDate(at)) {
		return { ok: false, httpStatus: 409, code: 'expired', message: `Die Auskunft ${a.number} ist seit ${a.validUntil} abgelaufen. Rückmeldungen gibt es zu gültigen Auskünften; bitte zuerst verlängern.` };
	}
	const operators = await operatorResults(sql, a.id);
	const operator = operators.find((o) => o.operatorOrgId === input.operatorId);
	if (!operator) {
		return { ok: false, httpStatus: 422, code: 'validation', field: 'operatorId', message: 'Dieser Betreiber ist in der Auskunft nicht aufgeführt.' };
	}
	const id = await sql.begin(async (tx) => {
		const id = await insertFeedback(tx, {
			auskunftId: a.id,
			operatorOrgId: operator.operatorOrgId,
			orgId: requester.orgId,
			userId: requester.userId,
			kind: input.kind,
			deviationM: input.deviationM,
			comment: input.comment,
			photo: input.photo,
			createdAt: at
		});
		await appendAudit(tx, {
			action: 'auskunft.feedback',
			actorUser: requester.userId,
			actorOrg: requester.orgId,
			subject: a.id,
			data: { number: a.number, feedback: id, operator: operator.operatorOrgId, kind: input.kind, deviationM: input.deviationM, photo: Boolean(input.photo) }
		});
		return id;
	});
	return { ok: true, feedback: (await findFeedback(sql, id))! };
}

/** The requester's view of one feedback (the API's shape). */
export function feedbackJson(f: FeedbackRow) {
	return {
		id: f.id,
		auskunftId: f.auskunftId,
		number: f.number,
		operator: { id: f.operatorOrgId, name: f.operatorName },
		kind: f.kind,
		kindLabel: FEEDBACK_LABELS[f.kind],
		deviationM: f.deviationM,
		comment: f.comment,
		photo: f.hasPhoto,
		createdAt: f.createdAt
	};
}

export async function listFeedback(auskunftId: string): Promise<FeedbackRow[]> {
	return feedbackOfAuskunft(sql, auskunftId);
}
