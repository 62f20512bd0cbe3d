/**
 * @module auskunft/feedback-repo
 * SQL of field feedback: what the site found that the Auskunft did not say, addressed to one operator.
 */
import type { Db } from '../db';
import type { FeedbackKind } from './feedback-input';

export interface FeedbackRow {
	id: string;
	auskunftId: string;
	number: string;
	operatorOrgId: string;
	operatorName: string;
	reporterOrg: string;
	kind: FeedbackKind;
	deviationM: number | null;
	comment: string;
	hasPhoto: boolean;
	createdAt: Date;
}

interface DbRow {
	id: string;
	auskunft_id: string;
	number: string;
	operator_org_id: string;
	operator_name: string;
	reporter_org: string;
	kind: FeedbackKind;
	deviation_m: number | null;
	comment: string;
	has_photo: boolean;
	created_at: Date;
}

const toRow = (r: DbRow): FeedbackRow => ({
	id: r.id,
	auskunftId: r.auskunft_id,
	number: r.number,
	operatorOrgId: r.operator_org_id,
	operatorName: r.operator_name,
	reporterOrg: r.reporter_org,
	kind: r.kind,
	deviationM: r.deviation_m,
	comment: r.comment,
	hasPhoto: r.has_photo,
	createdAt: r.created_at
});

const SELECT = `select f.id, f.auskunft_id, a.number, f.operator_org_id, op.name as operator_name, rq.name as reporter_org,
	f.kind, f.deviation_m, f.comment, f.photo is not null as has_photo, f.created_at
	from auskunft_feedback f join auskuenfte a on a.id = f.auskunft_id
	join organisations op on op.id = f.operator_org_id join organisations rq on rq.id = f.org_id`;

export async function insertFeedback(
	tx: Db,
	f: {
		auskunftId: string;
		operatorOrgId: string;
		orgId: string;
		userId: string;
		kind: FeedbackKind;
		deviationM: number | null;
		comment: string;
		photo: { bytes: Uint8Array; type: string; name: string } | null;
		createdAt: Date;
	}
): Promise<string> {
	const [r] = await tx<{ id: string }[]>`insert into auskunft_feedback
			(auskunft_id, operator_org_id, org_id, user_id, kind, deviation_m, comment, photo, photo_type, photo_name, created_at)
		values (${f.auskunftId}, ${f.operatorOrgId}, ${f.orgId}, ${f.userId}, ${f.kind}, ${f.deviationM}, ${f.comment},
			${f.photo ? Buffer.from(f.photo.bytes) : null}, ${f.photo?.type ?? null}, ${f.photo?.name ?? null}, ${f.createdAt})
		returning id`;
	return r!.id;
}

export async function findFeedback(db: Db, id: string): Promise<FeedbackRow | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [r] = await db<DbRow[]>`${db.unsafe(SELECT)} where f.id = ${id}`;
	return r ? toRow(r) : null;
}

/** Feedback the requester's org gave on one Auskunft. */
export async function feedbackOfAuskunft(db: Db, auskunftId: string): Promise<FeedbackRow[]> {
	return (await db<DbRow[]>`${db.unsafe(SELECT)} where f.auskunft_id = ${auskunftId} order by f.created_at`).map(toRow);
}

/** Feedback addressed to one operator, newest first: its inbox, and nobody else's. */
export async function feedbackForOperator(db: Db, operatorOrgId: string, limit = 50): Promise<FeedbackRow[]> {
	return (await db<DbRow[]>`${db.unsafe(SELECT)} where f.operator_org_id = ${operatorOrgId} order by f.created_at desc limit ${limit}`).map(toRow);
}

export async function feedbackPhoto(db: Db, id: string): Promise<{ bytes: Buffer; type: string; name: string; operatorOrgId: string; orgId: string } | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [r] = await db<{ photo: Buffer | null; photo_type: string | null; photo_name: string | null; operator_org_id: string; org_id: string }[]>`
		select photo, photo_type, photo_name, operator_org_id, org_id from auskunft_feedback where id = ${id}`;
	return r?.photo ? { bytes: r.photo, type: r.photo_type ?? 'application/octet-stream', name: r.photo_name ?? 'foto', operatorOrgId: r.operator_org_id, orgId: r.org_id } : null;
}
