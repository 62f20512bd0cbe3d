/**
 * @module auskunft/requester-view
 * What the requester's result page shows beside the v1 JSON: why each document version was issued,
 * the operators' own documents, per operator when its answer is due or — after the deadline — whom to
 * ask directly, the validity count, and the org's own field feedback.
 */
import type { Db } from '../db';
import { getSettings } from '../operators/settings';
import * as repo from './repo';
import { attachments } from './answers-repo';
import { feedbackOfAuskunft } from './feedback-repo';
import { feedbackJson } from './feedback';
import { REASON_LABELS } from './issue';

export interface OperatorNotice {
	operatorId: string;
	operator: string;
	status: 'ausstehend' | 'keine_antwort';
	deadlineAt: Date | null;
	escalatesAt: Date | null;
	/** keine_antwort: whom to ask directly */
	contact: { name: string; phone: string; email: string } | null;
}

export async function requesterView(db: Db, a: repo.AuskunftRow) {
	const [operators, docs, files, feedback] = await Promise.all([repo.operatorResults(db, a.id), repo.documents(db, a.id), attachments(db, a.id), feedbackOfAuskunft(db, a.id)]);
	const notices: OperatorNotice[] = [];
	for (const o of operators) {
		if (o.status !== 'ausstehend' && o.status !== 'keine_antwort') continue;
		const contact = o.status === 'keine_antwort' ? (await getSettings(db, o.operatorOrgId)).contacts.planauskunft : null;
		notices.push({ operatorId: o.operatorOrgId, operator: o.operatorName, status: o.status, deadlineAt: o.deadlineAt, escalatesAt: o.escalatesAt ?? null, contact });
	}
	return {
		validityNo: a.validityNo ?? 1,
		renewedAt: a.renewedAt ?? null,
		versions: docs.map((d) => ({ version: d.version, reason: d.reason, reasonLabel: REASON_LABELS[d.reason] ?? d.reason })),
		attachments: files.map((f) => ({ id: f.id, operator: f.operatorName, name: f.name, size: f.size, sha256: f.sha256, createdAt: f.createdAt, url: `/auskunft/${a.id}/anlagen/${f.id}` })),
		notices,
		feedback: feedback.map(feedbackJson)
	};
}
