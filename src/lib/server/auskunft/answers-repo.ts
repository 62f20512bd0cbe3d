/**
 * @module auskunft/answers-repo
 * SQL of what happens to an Auskunft after its first document: the stored results as the documents
 * need them, operators' answers and attachments, deadlines, new document versions, and the validities
 * a renewal replaces. Rows map to camelCase here; "not found" is null.
 */
import type { Db } from '../db';
import type { Network } from '$lib/layers/catalogue';
import type { Bbox } from './repo';
import type { OperatorStatus } from './rules';

/** Serialises everything that issues a document version of one Auskunft (the version numbers). */
export async function lockAuskunft(tx: Db, auskunftId: string): Promise<void> {
	await tx`select id from auskuenfte where id = ${auskunftId} for update`;
}

export async function nextDocumentVersion(db: Db, auskunftId: string): Promise<number> {
	const [r] = await db<{ n: number }[]>`select coalesce(max(version), 0) + 1 as n from auskunft_documents where auskunft_id = ${auskunftId}`;
	return Number(r!.n);
}

export interface StoredFeature {
	type: 'Feature';
	geometry: { type: string; coordinates: unknown };
	properties: Record<string, unknown>;
}

export interface StoredOperator {
	operatorOrgId: string;
	operatorName: string;
	status: OperatorStatus;
	validUntil: string;
	featureCount: number;
	lengthM: number;
	networks: Network[];
	planReleased: boolean;
	answeredAt: Date | null;
	deadlineAt: Date | null;
	escalatesAt: Date | null;
	features: { type: 'FeatureCollection'; features: StoredFeature[] };
}

/** Every operator result of the current validity, with the clipped features (EPSG:25832). */
export async function storedOperators(db: Db, auskunftId: string): Promise<StoredOperator[]> {
	const rows = await db<{ operator_org_id: string; name: string; status: OperatorStatus; valid_until: string; feature_count: number; length_m: number; networks: Network[]; plan_released: boolean; answered_at: Date | null; deadline_at: Date | null; escalates_at: Date | null; features: StoredOperator['features'] }[]>`
		select r.operator_org_id, o.name, r.status, r.valid_until::text, r.feature_count, r.length_m, r.networks, r.plan_released,
			r.answered_at, r.deadline_at, r.escalates_at, r.features
		from auskunft_operators r join organisations o on o.id = r.operator_org_id
		where r.auskunft_id = ${auskunftId} order by o.name`;
	return rows.map((r) => ({
		operatorOrgId: r.operator_org_id,
		operatorName: r.name,
		status: r.status,
		validUntil: r.valid_until,
		featureCount: r.feature_count,
		lengthM: r.length_m,
		networks: r.networks,
		planReleased: r.plan_released,
		answeredAt: r.answered_at,
		deadlineAt: r.deadline_at,
		escalatesAt: r.escalates_at,
		features: r.features
	}));
}

export interface StoredLayerUse {
	layerId: string;
	layerName: string;
	network: Network;
	operatorOrgId: string;
	operatorName: string;
	versionId: string;
	sha256: string;
	bufferM: number;
	versionCreatedAt: Date;
}

export async function storedLayerUses(db: Db, auskunftId: string): Promise<StoredLayerUse[]> {
	const rows = await db<{ layer_id: string; layer_name: string; network: Network; org_id: string; operator_name: string; version_id: string; sha256: string; buffer_m: number; created_at: Date }[]>`
		select u.layer_id, l.name as layer_name, l.network, l.org_id, o.name as operator_name, u.version_id, u.sha256, u.buffer_m, v.created_at
		from auskunft_layers u join layers l on l.id = u.layer_id join organisations o on o.id = l.org_id
		join layer_versions v on v.id = u.version_id
		where u.auskunft_id = ${auskunftId} order by o.name, l.name`;
	return rows.map((r) => ({
		layerId: r.layer_id,
		layerName: r.layer_name,
		network: r.network,
		operatorOrgId: r.org_id,
		operatorName: r.operator_name,
		versionId: r.version_id,
		sha256: r.sha256,
		bufferM: r.buffer_m,
		versionCreatedAt: r.created_at
	}));
}

export async function setOperatorAnswer(
	tx: Db,
	auskunftId: string,
	operatorOrgId: string,
	a: { status: OperatorStatus; validUntil: string; planReleased: boolean; answeredAt: Date; answeredBy: string }
): Promise<void> {
	await tx`update auskunft_operators set status = ${a.status}, valid_until = ${a.validUntil}, plan_released = ${a.planReleased},
			answered_at = ${a.answeredAt}, answered_by = ${a.answeredBy}
		where auskunft_id = ${auskunftId} and operator_org_id = ${operatorOrgId}`;
}

export async function setValidUntil(tx: Db, auskunftId: string, validUntil: string): Promise<void> {
	await tx`update auskuenfte set valid_until = ${validUntil} where id = ${auskunftId}`;
}

// ---- deadlines

/** Pending results that have no escalation time yet (issued before deadlines existed). */
export async function pendingWithoutDeadline(db: Db): Promise<{ auskunftId: string; operatorOrgId: string; askedAt: Date }[]> {
	const rows = await db<{ auskunft_id: string; operator_org_id: string; asked_at: Date }[]>`
		select r.auskunft_id, r.operator_org_id, coalesce(a.renewed_at, a.created_at) as asked_at
		from auskunft_operators r join auskuenfte a on a.id = r.auskunft_id
		where r.status = 'ausstehend' and r.escalates_at is null`;
	return rows.map((r) => ({ auskunftId: r.auskunft_id, operatorOrgId: r.operator_org_id, askedAt: r.asked_at }));
}

export async function setDeadline(db: Db, auskunftId: string, operatorOrgId: string, deadlineAt: Date, escalatesAt: Date): Promise<void> {
	await db`update auskunft_operators set deadline_at = coalesce(deadline_at, ${deadlineAt}), escalates_at = ${escalatesAt}
		where auskunft_id = ${auskunftId} and operator_org_id = ${operatorOrgId} and escalates_at is null`;
}

/** Auskünfte with a pending operator whose time ran out at `at` (optionally just one). */
export async function dueAuskuenfte(db: Db, at: Date, auskunftId: string | null): Promise<string[]> {
	const rows = auskunftId
		? await db<{ auskunft_id: string }[]>`select distinct auskunft_id from auskunft_operators
			where auskunft_id = ${auskunftId} and status = 'ausstehend' and escalates_at <= ${at}`
		: await db<{ auskunft_id: string }[]>`select distinct auskunft_id from auskunft_operators
			where status = 'ausstehend' and escalates_at <= ${at}`;
	return rows.map((r) => r.auskunft_id);
}

/** Turns the overdue pending results of one Auskunft into keine_antwort; returns the operators changed. */
export async function markNoAnswer(tx: Db, auskunftId: string, at: Date): Promise<string[]> {
	const rows = await tx<{ operator_org_id: string }[]>`update auskunft_operators set status = 'keine_antwort'
		where auskunft_id = ${auskunftId} and status = 'ausstehend' and escalates_at <= ${at}
		returning operator_org_id`;
	return rows.map((r) => r.operator_org_id);
}

// ---- attachments (an operator's own documents)

export interface AttachmentMeta {
	id: string;
	operatorOrgId: string;
	operatorName: string;
	name: string;
	size: number;
	sha256: string;
	createdAt: Date;
}

export async function insertAttachment(
	tx: Db,
	a: { auskunftId: string; operatorOrgId: string; userId: string; name: string; sha256: string; pdf: Uint8Array; createdAt: Date }
): Promise<string> {
	const [r] = await tx<{ id: string }[]>`insert into auskunft_attachments (auskunft_id, operator_org_id, user_id, name, size, sha256, pdf, created_at)
		values (${a.auskunftId}, ${a.operatorOrgId}, ${a.userId}, ${a.name}, ${a.pdf.byteLength}, ${a.sha256}, ${Buffer.from(a.pdf)}, ${a.createdAt})
		returning id`;
	return r!.id;
}

export async function attachments(db: Db, auskunftId: string, operatorOrgId: string | null = null): Promise<AttachmentMeta[]> {
	const rows = await db<{ id: string; operator_org_id: string; operator_name: string; name: string; size: number; sha256: string; created_at: Date }[]>`
		select t.id, t.operator_org_id, o.name as operator_name, t.name, t.size, t.sha256, t.created_at
		from auskunft_attachments t join organisations o on o.id = t.operator_org_id
		where t.auskunft_id = ${auskunftId} ${operatorOrgId ? db`and t.operator_org_id = ${operatorOrgId}` : db``}
		order by t.created_at`;
	return rows.map((r) => ({ id: r.id, operatorOrgId: r.operator_org_id, operatorName: r.operator_name, name: r.name, size: r.size, sha256: r.sha256, createdAt: r.created_at }));
}

export async function attachmentPdf(db: Db, auskunftId: string, id: string): Promise<{ name: string; pdf: Buffer; sha256: string; operatorOrgId: string } | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [r] = await db<{ name: string; pdf: Buffer; sha256: string; operator_org_id: string }[]>`
		select name, pdf, sha256, operator_org_id from auskunft_attachments where auskunft_id = ${auskunftId} and id = ${id}`;
	return r ? { name: r.name, pdf: r.pdf, sha256: r.sha256, operatorOrgId: r.operator_org_id } : null;
}

// ---- renewal

/** Keeps the results a renewal replaces (operators with their features, layer versions used). */
export async function archiveValidity(tx: Db, auskunftId: string, v: { validityNo: number; startedAt: Date; endedAt: Date; validUntil: string; operators: unknown; layers: unknown }): Promise<void> {
	await tx`insert into auskunft_validities (auskunft_id, validity_no, started_at, ended_at, valid_until, operators, layers)
		values (${auskunftId}, ${v.validityNo}, ${v.startedAt}, ${v.endedAt}, ${v.validUntil}, ${tx.json(v.operators as never)}, ${tx.json(v.layers as never)})`;
}

export async function clearResults(tx: Db, auskunftId: string): Promise<void> {
	await tx`delete from auskunft_operators where auskunft_id = ${auskunftId}`;
	await tx`delete from auskunft_layers where auskunft_id = ${auskunftId}`;
}

export async function markRenewed(
	tx: Db,
	auskunftId: string,
	r: { validityNo: number; renewedAt: Date; validUntil: string; externalOperators: unknown; bbox: Bbox }
): Promise<void> {
	await tx`update auskuenfte set validity_no = ${r.validityNo}, renewed_at = ${r.renewedAt}, valid_until = ${r.validUntil},
			external_operators = ${tx.json(r.externalOperators as never)},
			min_x = ${r.bbox[0]}, min_y = ${r.bbox[1]}, max_x = ${r.bbox[2]}, max_y = ${r.bbox[3]}
		where id = ${auskunftId}`;
}

