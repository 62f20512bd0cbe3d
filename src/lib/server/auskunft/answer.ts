/**
 * @module auskunft/answer
 * A manual operator answers a request from its inbox: releases the computed plan, answers
 * `nicht_betroffen`, or sends its own documents (a PDF). One transaction: the operator's result, the
 * Auskunft's validity, the attachment, a new document version of the same number, the audit entry.
 */
import { createHash } from 'node:crypto';
import { sql } from '../db';
import { now } from '../clock';
import { config } from '../config';
import { appendAudit } from '../audit/repo';
import { getSettings } from '../operators/settings';
import * as repo from './repo';
import { insertAttachment, lockAuskunft, setOperatorAnswer, setValidUntil, storedOperators } from './answers-repo';
import { issueVersion } from './issue';
import { berlinDate } from './rules';
import { answerOutcome, answerValidUntil, validUntilAfterAnswers, type AnswerKind } from './transitions';

export interface Operator {
	userId: string;
	orgId: string;
}

/** Forms share the server's body limit (hooks.server.ts): the PDF gets what is left of it. */
export const ATTACHMENT_MAX_BYTES = Math.max(100_000, config.jsonMaxBytes - 64_000);

export type AnswerResult =
	| { ok: true; status: string; version: number; number: string }
	| { ok: false; httpStatus: 404 | 409 | 422; code: string; message: string };

/** Checks an uploaded file is a PDF; returns a German reason when not. */
export function pdfProblem(bytes: Uint8Array | null): string | null {
	if (!bytes || bytes.byteLength === 0) return 'Bitte eine PDF-Datei mit Ihren Unterlagen auswählen.';
	if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') return 'Die Unterlagen müssen eine PDF-Datei sein.';
	if (bytes.byteLength > ATTACHMENT_MAX_BYTES) return `Die PDF-Datei ist zu groß (höchstens ${(ATTACHMENT_MAX_BYTES / 1_000_000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB).`;
	return null;
}

export async function answerRequest(
	operator: Operator,
	auskunftId: string,
	input: { kind: AnswerKind; releasePlan?: boolean; attachment?: { name: string; bytes: Uint8Array } | null },
	origin: string
): Promise<AnswerResult> {
	const notFound = { ok: false as const, httpStatus: 404 as const, code: 'not_found', message: 'Anfrage nicht gefunden.' };
	const exists = await repo.findAuskunft(sql, auskunftId);
	if (!exists) return notFound;
	if (input.attachment) {
		const problem = pdfProblem(input.attachment.bytes);
		if (problem) return { ok: false, httpStatus: 422, code: 'invalid_attachment', message: problem };
	}
	const settings = await getSettings(sql, operator.orgId);
	const at = now();

	return sql.begin(async (tx): Promise<AnswerResult> => {
		await lockAuskunft(tx, auskunftId);
		const operators = await storedOperators(tx, auskunftId);
		const mine = operators.find((o) => o.operatorOrgId === operator.orgId);
		// only an operator the request was addressed to may see or answer it
		if (!mine) return notFound;
		const outcome = answerOutcome(mine, input.kind, { releasePlan: input.releasePlan, hasAttachment: Boolean(input.attachment) });
		if (!outcome.ok) return { ok: false, httpStatus: outcome.code === 'already_answered' ? 409 : 422, code: outcome.code, message: outcome.message };

		const today = berlinDate(at);
		const validUntil = answerValidUntil(today, settings.validityDays);
		await setOperatorAnswer(tx, auskunftId, operator.orgId, { status: outcome.status, validUntil, planReleased: outcome.planReleased, answeredAt: at, answeredBy: operator.userId });
		const after = operators.map((o) => (o.operatorOrgId === operator.orgId ? { ...o, status: outcome.status, validUntil } : o));
		const a0 = (await repo.findAuskunft(tx, auskunftId))!;
		await setValidUntil(tx, auskunftId, validUntilAfterAnswers(after, a0.validUntil));

		let attachment: { id: string; sha256: string } | null = null;
		if (input.attachment) {
			const sha256 = createHash('sha256').update(input.attachment.bytes).digest('hex');
			const name = input.attachment.name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120) || 'Unterlagen.pdf';
			const id = await insertAttachment(tx, { auskunftId, operatorOrgId: operator.orgId, userId: operator.userId, name, sha256, pdf: input.attachment.bytes, createdAt: at });
			attachment = { id, sha256 };
		}

		const a = (await repo.findAuskunft(tx, auskunftId))!;
		const issued = await issueVersion(tx, a, { reason: 'answer', origin, issuedAt: at });
		await appendAudit(tx, {
			action: 'auskunft.answered',
			actorUser: operator.userId,
			actorOrg: operator.orgId,
			subject: auskunftId,
			data: {
				number: a.number,
				answer: input.kind,
				from: mine.status,
				status: outcome.status,
				planReleased: outcome.planReleased,
				features: mine.featureCount,
				attachment,
				version: issued.version,
				pdfSha256: issued.sha256
			}
		});
		return { ok: true, status: outcome.status, version: issued.version, number: a.number };
	});
}
