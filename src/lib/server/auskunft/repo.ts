/**
 * @module auskunft/repo
 * SQL of Auskünfte: requests, per-operator results, layer versions used, issued documents, and the
 * look-ups the request path needs (active layers and operators near an area).
 */
import type { Db } from '../db';
import type { Network } from '$lib/layers/catalogue';
import type { AuskunftType, OperatorStatus, WorkClass } from './rules';
import type { Site } from './input';

export type Bbox = [number, number, number, number];

export interface AuskunftRow {
	id: string;
	number: string;
	orgId: string;
	userId: string;
	type: AuskunftType;
	workClass: WorkClass;
	workDistanceM: number;
	periodStart: string;
	periodEnd: string;
	description: string;
	reference: string | null;
	site: Site;
	area4326: { type: string; coordinates: unknown };
	area25832: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
	areaM2: number;
	validUntil: string;
	externalOperators: { name: string; networks: string[]; contact: string }[];
	createdAt: Date;
	/** 1 as first issued, +1 per renewal (the operator results are those of this validity) */
	validityNo?: number;
	renewedAt?: Date | null;
}

export interface OperatorResultRow {
	operatorOrgId: string;
	operatorName: string;
	status: OperatorStatus;
	validUntil: string;
	featureCount: number;
	lengthM: number;
	networks: Network[];
	einweisungErforderlich: boolean;
	zustimmungErforderlich: boolean;
	answeredAt: Date | null;
	deadlineAt: Date | null;
	/** when an unanswered request turns keine_antwort */
	escalatesAt?: Date | null;
	/** false: the operator answered with its own documents and withheld the computed plan */
	planReleased?: boolean;
}

interface DbAuskunft {
	id: string;
	number: string;
	org_id: string;
	user_id: string;
	type: AuskunftType;
	work_class: WorkClass;
	work_distance_m: number;
	period_start: string;
	period_end: string;
	description: string;
	reference: string | null;
	site: Site;
	area_4326: AuskunftRow['area4326'];
	area_25832: AuskunftRow['area25832'];
	area_m2: number;
	valid_until: string;
	external_operators: AuskunftRow['externalOperators'];
	created_at: Date;
	validity_no: number;
	renewed_at: Date | null;
}

const toAuskunft = (r: DbAuskunft): AuskunftRow => ({
	id: r.id,
	number: r.number,
	orgId: r.org_id,
	userId: r.user_id,
	type: r.type,
	workClass: r.work_class,
	workDistanceM: r.work_distance_m,
	periodStart: r.period_start,
	periodEnd: r.period_end,
	description: r.description,
	reference: r.reference,
	site: r.site,
	area4326: r.area_4326,
	area25832: r.area_25832,
	areaM2: r.area_m2,
	validUntil: r.valid_until,
	externalOperators: r.external_operators,
	createdAt: r.created_at,
	validityNo: r.validity_no,
	renewedAt: r.renewed_at
});

// dates as 'YYYY-MM-DD' strings: a calendar date has no time zone
const COLUMNS = `id, number, org_id, user_id, type, work_class, work_distance_m, period_start::text, period_end::text,
	description, reference, site, area_4326, area_25832, area_m2, valid_until::text, external_operators, created_at,
	validity_no, renewed_at`;

export async function nextSequence(db: Db): Promise<number> {
	const [row] = await db<{ n: string }[]>`select nextval('auskunft_number_seq') as n`;
	return Number(row!.n);
}

export async function insertAuskunft(db: Db, a: AuskunftRow & { bbox: Bbox; idempotencyKey: string | null }): Promise<void> {
	await db`insert into auskuenfte (id, number, org_id, user_id, type, work_class, work_distance_m, period_start, period_end,
			description, reference, site, area_4326, area_25832, area_m2, min_x, min_y, max_x, max_y, valid_until, external_operators, idempotency_key, created_at)
		values (${a.id}, ${a.number}, ${a.orgId}, ${a.userId}, ${a.type}, ${a.workClass}, ${a.workDistanceM}, ${a.periodStart}, ${a.periodEnd},
			${a.description}, ${a.reference}, ${db.json(a.site as never)}, ${db.json(a.area4326 as never)}, ${db.json(a.area25832 as never)},
			${a.areaM2}, ${a.bbox[0]}, ${a.bbox[1]}, ${a.bbox[2]}, ${a.bbox[3]}, ${a.validUntil}, ${db.json(a.externalOperators as never)},
			${a.idempotencyKey}, ${a.createdAt})`;
}

export async function insertOperatorResult(
	db: Db,
	auskunftId: string,
	r: Omit<OperatorResultRow, 'operatorName' | 'answeredAt'> & { features: unknown; answeredAt: Date | null }
): Promise<void> {
	await db`insert into auskunft_operators (auskunft_id, operator_org_id, status, valid_until, feature_count, length_m, networks,
			einweisung_erforderlich, zustimmung_erforderlich, features, answered_at, deadline_at, escalates_at, plan_released)
		values (${auskunftId}, ${r.operatorOrgId}, ${r.status}, ${r.validUntil}, ${r.featureCount}, ${r.lengthM},
			string_to_array(${r.networks.join(',')}, ','), ${r.einweisungErforderlich}, ${r.zustimmungErforderlich},
			${db.json(r.features as never)}, ${r.answeredAt}, ${r.deadlineAt}, ${r.escalatesAt ?? null}, ${r.planReleased ?? true})`;
}

export async function insertLayerUse(db: Db, auskunftId: string, u: { layerId: string; versionId: string; sha256: string; bufferM: number }): Promise<void> {
	await db`insert into auskunft_layers (auskunft_id, layer_id, version_id, sha256, buffer_m)
		values (${auskunftId}, ${u.layerId}, ${u.versionId}, ${u.sha256}, ${u.bufferM})`;
}

export async function insertDocument(db: Db, auskunftId: string, d: { version: number; sha256: string; pdf: Uint8Array; issuedAt: Date; reason?: string }): Promise<void> {
	await db`insert into auskunft_documents (auskunft_id, version, sha256, pdf, issued_at, reason)
		values (${auskunftId}, ${d.version}, ${d.sha256}, ${Buffer.from(d.pdf)}, ${d.issuedAt}, ${d.reason ?? 'created'})`;
}

export async function findByIdempotencyKey(db: Db, orgId: string, key: string): Promise<AuskunftRow | null> {
	const [r] = await db<DbAuskunft[]>`select ${db.unsafe(COLUMNS)} from auskuenfte where org_id = ${orgId} and idempotency_key = ${key}`;
	return r ? toAuskunft(r) : null;
}

export async function findAuskunft(db: Db, id: string): Promise<AuskunftRow | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [r] = await db<DbAuskunft[]>`select ${db.unsafe(COLUMNS)} from auskuenfte where id = ${id}`;
	return r ? toAuskunft(r) : null;
}

export async function findAuskunftByNumber(db: Db, number: string): Promise<AuskunftRow | null> {
	const [r] = await db<DbAuskunft[]>`select ${db.unsafe(COLUMNS)} from auskuenfte where number = ${number}`;
	return r ? toAuskunft(r) : null;
}

export async function listAuskuenfte(db: Db, orgId: string, limit: number, offset: number): Promise<{ items: AuskunftRow[]; total: number }> {
	const rows = await db<DbAuskunft[]>`select ${db.unsafe(COLUMNS)} from auskuenfte where org_id = ${orgId}
		order by created_at desc, number desc limit ${limit} offset ${offset}`;
	const [count] = await db<{ n: string }[]>`select count(*) as n from auskuenfte where org_id = ${orgId}`;
	return { items: rows.map(toAuskunft), total: Number(count!.n) };
}

export async function operatorResults(db: Db, auskunftId: string): Promise<OperatorResultRow[]> {
	const rows = await db<{ operator_org_id: string; name: string; status: OperatorStatus; valid_until: string; feature_count: number; length_m: number; networks: Network[]; einweisung_erforderlich: boolean; zustimmung_erforderlich: boolean; answered_at: Date | null; deadline_at: Date | null; escalates_at: Date | null; plan_released: boolean }[]>`
		select r.operator_org_id, o.name, r.status, r.valid_until::text, r.feature_count, r.length_m, r.networks,
			r.einweisung_erforderlich, r.zustimmung_erforderlich, r.answered_at, r.deadline_at, r.escalates_at, r.plan_released
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
		einweisungErforderlich: r.einweisung_erforderlich,
		zustimmungErforderlich: r.zustimmung_erforderlich,
		answeredAt: r.answered_at,
		deadlineAt: r.deadline_at,
		escalatesAt: r.escalates_at,
		planReleased: r.plan_released
	}));
}

/** Clipped features the requester may see: only of operators that released them (betroffen, plan released). */
/**
 * Clipped features the requester may download as vector data: of operators that released their plan,
 * and — for a Planungsauskunft — not of operators who restrict Planungsauskünfte to the PDF.
 */
export async function releasedFeatures(db: Db, auskunftId: string): Promise<{ operatorName: string; features: { features: unknown[] } }[]> {
	return (
		await db<{ name: string; features: { features: unknown[] } }[]>`
		select o.name, r.features from auskunft_operators r
		join organisations o on o.id = r.operator_org_id
		join auskuenfte a on a.id = r.auskunft_id
		left join operator_settings s on s.org_id = r.operator_org_id
		where r.auskunft_id = ${auskunftId} and r.status = 'betroffen' and r.plan_released
			and not (a.type = 'planung' and coalesce(s.planung_pdf_only, false))
		order by o.name`
	).map((r) => ({ operatorName: r.name, features: r.features }));
}

export async function layerUses(db: Db, auskunftId: string): Promise<{ layerId: string; layerName: string; operatorName: string; sha256: string; bufferM: number }[]> {
	const rows = await db<{ layer_id: string; layer_name: string; operator_name: string; sha256: string; buffer_m: number }[]>`
		select u.layer_id, l.name as layer_name, o.name as operator_name, u.sha256, u.buffer_m
		from auskunft_layers u join layers l on l.id = u.layer_id join organisations o on o.id = l.org_id
		where u.auskunft_id = ${auskunftId} order by o.name, l.name`;
	return rows.map((r) => ({ layerId: r.layer_id, layerName: r.layer_name, operatorName: r.operator_name, sha256: r.sha256, bufferM: r.buffer_m }));
}

export interface DocumentMeta {
	version: number;
	sha256: string;
	issuedAt: Date;
	/** why it was issued: created, answer, keine_antwort, renewal */
	reason: string;
}

export async function documents(db: Db, auskunftId: string): Promise<DocumentMeta[]> {
	const rows = await db<{ version: number; sha256: string; issued_at: Date; reason: string | null }[]>`
		select version, sha256, issued_at, reason from auskunft_documents where auskunft_id = ${auskunftId} order by version`;
	return rows.map((r) => ({ version: r.version, sha256: r.sha256, issuedAt: r.issued_at, reason: r.reason ?? 'created' }));
}

export async function documentPdf(db: Db, auskunftId: string, version: number | null): Promise<{ version: number; pdf: Buffer; sha256: string } | null> {
	const [r] = version
		? await db<{ version: number; pdf: Buffer; sha256: string }[]>`select version, pdf, sha256 from auskunft_documents where auskunft_id = ${auskunftId} and version = ${version}`
		: await db<{ version: number; pdf: Buffer; sha256: string }[]>`select version, pdf, sha256 from auskunft_documents where auskunft_id = ${auskunftId} order by version desc limit 1`;
	return r ?? null;
}

export interface CandidateLayer {
	layerId: string;
	layerName: string;
	network: Network;
	requestBufferM: number | null;
	orgId: string;
	versionId: string;
	sha256: string;
	versionCreatedAt: Date;
}

/** Active layer versions whose extent meets `bbox` (already grown by the largest possible buffer). */
export async function activeLayersNear(db: Db, bbox: Bbox): Promise<CandidateLayer[]> {
	const rows = await db<{ layer_id: string; name: string; network: Network; request_buffer_m: number | null; org_id: string; version_id: string; sha256: string; created_at: Date }[]>`
		select l.id as layer_id, l.name, l.network, l.request_buffer_m, l.org_id, v.id as version_id, v.sha256, v.created_at
		from layers l join layer_versions v on v.id = l.active_version_id
		join organisations o on o.id = l.org_id and o.verified_at is not null
		where v.max_x >= ${bbox[0] - 500} and v.min_x <= ${bbox[2] + 500} and v.max_y >= ${bbox[1] - 500} and v.min_y <= ${bbox[3] + 500}`;
	return rows.map((r) => ({
		layerId: r.layer_id,
		layerName: r.name,
		network: r.network,
		requestBufferM: r.request_buffer_m,
		orgId: r.org_id,
		versionId: r.version_id,
		sha256: r.sha256,
		versionCreatedAt: r.created_at
	}));
}

export interface CandidateOperator {
	orgId: string;
	name: string;
	coverage: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** Verified operators whose coverage area's bbox meets `bbox` (exact test by the caller). */
export async function operatorsNear(db: Db, bbox: Bbox): Promise<CandidateOperator[]> {
	const rows = await db<{ org_id: string; name: string; geometry: CandidateOperator['coverage'] }[]>`
		select c.org_id, o.name, c.geometry from coverage_areas c join organisations o on o.id = c.org_id
		where o.verified_at is not null and c.max_x >= ${bbox[0]} and c.min_x <= ${bbox[2]} and c.max_y >= ${bbox[1]} and c.min_y <= ${bbox[3]}`;
	return rows.map((r) => ({ orgId: r.org_id, name: r.name, coverage: r.geometry }));
}

export interface ToebEntry {
	name: string;
	networks: string[];
	contact: string;
	area: unknown | null;
}

/** TöB entries whose area bbox meets `bbox`, or that apply everywhere (no area). */
export async function toebEntriesNear(db: Db, bbox: Bbox): Promise<ToebEntry[]> {
	return db<ToebEntry[]>`select name, networks, contact, area from toeb_entries
		where area is null or (max_x >= ${bbox[0]} and min_x <= ${bbox[2]} and max_y >= ${bbox[1]} and min_y <= ${bbox[3]})
		order by name`;
}
