/**
 * @module auskunft/deadlines
 * The deadline of a manual operator, enforced: after two working days without an answer the operator
 * is `keine_antwort`, the Auskunft `unvollstaendig`, and a new document version says so. Idempotent —
 * runs on the housekeeping timer and lazily whenever an Auskunft is read, so it holds right after the
 * clock jumps (FAKE_NOW) and on a server that slept through the deadline.
 */
import { sql } from '../db';
import { now } from '../clock';
import { appendAudit } from '../audit/repo';
import * as repo from './repo';
import { dueAuskuenfte, lockAuskunft, markNoAnswer, pendingWithoutDeadline, setDeadline } from './answers-repo';
import { issueVersion, publicOrigin } from './issue';
import { answerDeadline, escalationTime } from './working-days';

/** The due date (shown to the operator) and the escalation time of a request asked at `askedAt`. */
export function deadlinesFor(askedAt: Date): { deadlineAt: Date; escalatesAt: Date } {
	return { deadlineAt: answerDeadline(askedAt), escalatesAt: escalationTime(askedAt) };
}

/** One Auskunft: its overdue operators → keine_antwort, and a new version. Returns the version or null. */
async function escalate(auskunftId: string, at: Date, origin: string): Promise<number | null> {
	return sql.begin(async (tx) => {
		await lockAuskunft(tx, auskunftId);
		// under the lock: a concurrent run (timer and a read at once) finds nothing left to do
		const operators = await markNoAnswer(tx, auskunftId, at);
		if (!operators.length) return null;
		const a = await repo.findAuskunft(tx, auskunftId);
		if (!a) return null;
		const issued = await issueVersion(tx, a, { reason: 'keine_antwort', origin, issuedAt: at });
		await appendAudit(tx, {
			action: 'auskunft.no_answer',
			subject: auskunftId,
			data: { number: a.number, operators, version: issued.version, pdfSha256: issued.sha256 }
		});
		return issued.version;
	});
}

/**
 * Settles every deadline that has passed at `at` (default: now) — of one Auskunft or of all.
 * Returns the number of Auskünfte that got a new version.
 */
export async function settleDeadlines(opts: { auskunftId?: string; at?: Date; origin?: string } = {}): Promise<number> {
	const at = opts.at ?? now();
	if (!opts.auskunftId) {
		// results issued before deadlines existed get theirs, counted from when they were asked
		for (const p of await pendingWithoutDeadline(sql)) {
			const d = deadlinesFor(p.askedAt);
			await setDeadline(sql, p.auskunftId, p.operatorOrgId, d.deadlineAt, d.escalatesAt);
		}
	}
	let issued = 0;
	for (const id of await dueAuskuenfte(sql, at, opts.auskunftId ?? null)) {
		if ((await escalate(id, at, publicOrigin(opts.origin))) !== null) issued++;
	}
	return issued;
}
