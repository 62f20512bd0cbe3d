/**
 * @module auskunft/inbox-repo
 * SQL of an operator's inbox. Reads only the operator's own result row of each request — never another
 * operator's status, lines or name.
 */
import type { Db } from '../db';
import type { Network } from '$lib/layers/catalogue';
import type { OperatorStatus } from './rules';
import type { StoredFeature } from './answers-repo';

export interface InboxRow {
	auskunftId: string;
	number: string;
	type: string;
	workClass: string;
	askedAt: Date;
	periodStart: string;
	periodEnd: string;
	description: string;
	site: { strasse?: string; hausnummer?: string; gemarkung?: string; flurstueck?: string };
	areaM2: number;
	area25832: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
	requesterOrg: string;
	validUntil: string;
	status: OperatorStatus;
	deadlineAt: Date | null;
	escalatesAt: Date | null;
	answeredAt: Date | null;
	featureCount: number;
	lengthM: number;
	networks: Network[];
	planReleased: boolean;
	/** this operator's search distance: the largest buffer of its layers used, else the work class's */
	bufferM: number;
	features: { features: StoredFeature[] } | null;
}

type DbInbox = {
	auskunft_id: string;
	number: string;
	type: string;
	work_class: string;
	asked_at: Date;
	period_start: string;
	period_end: string;
	description: string;
	site: InboxRow['site'];
	area_m2: number;
	area_25832: InboxRow['area25832'];
	requester_org: string;
	valid_until: string;
	status: OperatorStatus;
	deadline_at: Date | null;
	escalates_at: Date | null;
	answered_at: Date | null;
	feature_count: number;
	length_m: number;
	networks: Network[];
	plan_released: boolean;
	buffer_m: number;
	features: InboxRow['features'];
};

const toInbox = (r: DbInbox): InboxRow => ({
	auskunftId: r.auskunft_id,
	number: r.number,
	type: r.type,
	workClass: r.work_class,
	askedAt: r.asked_at,
	periodStart: r.period_start,
	periodEnd: r.period_end,
	description: r.description,
	site: r.site,
	areaM2: r.area_m2,
	area25832: r.area_25832,
	requesterOrg: r.requester_org,
	validUntil: r.valid_until,
	status: r.status,
	deadlineAt: r.deadline_at,
	escalatesAt: r.escalates_at,
	answeredAt: r.answered_at,
	featureCount: r.feature_count,
	lengthM: r.length_m,
	networks: r.networks,
	planReleased: r.plan_released,
	bufferM: r.buffer_m,
	features: r.features
});

const INBOX_SELECT = `select a.id as auskunft_id, a.number, a.type, a.work_class, coalesce(a.renewed_at, a.created_at) as asked_at,
	a.period_start::text, a.period_end::text, a.description, a.site, a.area_m2, a.area_25832, rq.name as requester_org,
	a.valid_until::text, r.status, r.deadline_at, r.escalates_at, r.answered_at, r.feature_count, r.length_m, r.networks, r.plan_released,
	coalesce((select max(u.buffer_m) from auskunft_layers u join layers l on l.id = u.layer_id
		where u.auskunft_id = a.id and l.org_id = r.operator_org_id), a.work_distance_m) as buffer_m`;

/** Requests waiting for this operator: pending, and unanswered ones still open for a late answer. */
export async function inboxRows(db: Db, operatorOrgId: string, today: string): Promise<InboxRow[]> {
	const rows = await db<DbInbox[]>`${db.unsafe(INBOX_SELECT)}, r.features
		from auskunft_operators r join auskuenfte a on a.id = r.auskunft_id join organisations rq on rq.id = a.org_id
		where r.operator_org_id = ${operatorOrgId}
			and (r.status = 'ausstehend' or (r.status = 'keine_antwort' and a.valid_until >= ${today}))
		order by (r.status = 'ausstehend') desc, r.escalates_at nulls last, a.created_at
		limit 200`;
	return rows.map(toInbox);
}

/** The operator's latest answers given from the inbox (without features). */
export async function recentAnswers(db: Db, operatorOrgId: string, limit = 10): Promise<InboxRow[]> {
	const rows = await db<DbInbox[]>`${db.unsafe(INBOX_SELECT)}, null as features
		from auskunft_operators r join auskuenfte a on a.id = r.auskunft_id join organisations rq on rq.id = a.org_id
		where r.operator_org_id = ${operatorOrgId} and r.answered_by is not null
		order by r.answered_at desc limit ${limit}`;
	return rows.map(toInbox);
}
