/**
 * @module layers/repo
 * SQL of layers and their versions. Rows map to domain types here; "not found" is null.
 */
import type { Db } from '../db';
import type { Network } from '$lib/layers/catalogue';
import type { AttributeMapping } from './ingest/mapping';
import type { IngestReport } from './ingest';
import type { Polygon } from './ingest/hull';
import type { LayerDiff } from './diff';

export interface Layer {
	id: string;
	orgId: string;
	name: string;
	network: Network;
	requestBufferM: number | null;
	mapping: AttributeMapping;
	activeVersionId: string | null;
	createdAt: Date;
}

export interface LayerVersion {
	id: string;
	layerId: string;
	versionNo: number;
	sha256: string;
	fileName: string;
	sourceFormat: string;
	sourceCrs: number;
	featureCount: number;
	extent: [number, number, number, number];
	report: IngestReport;
	uploadedBy: string | null;
	createdAt: Date;
	/** against the version active at upload time (diffBaseId); null for a layer's first version */
	diff: LayerDiff | null;
	diffBaseId: string | null;
}

interface LayerRow {
	id: string;
	org_id: string;
	name: string;
	network: Network;
	request_buffer_m: number | null;
	mapping: AttributeMapping;
	active_version_id: string | null;
	created_at: Date;
}

interface VersionRow {
	id: string;
	layer_id: string;
	version_no: number;
	sha256: string;
	file_name: string;
	source_format: string;
	source_crs: number;
	feature_count: number;
	min_x: number;
	min_y: number;
	max_x: number;
	max_y: number;
	report: IngestReport;
	uploaded_by: string | null;
	created_at: Date;
	diff: LayerDiff | null;
	diff_base_id: string | null;
}

const toLayer = (r: LayerRow): Layer => ({
	id: r.id,
	orgId: r.org_id,
	name: r.name,
	network: r.network,
	requestBufferM: r.request_buffer_m,
	mapping: r.mapping,
	activeVersionId: r.active_version_id,
	createdAt: r.created_at
});

const toVersion = (r: VersionRow): LayerVersion => ({
	id: r.id,
	layerId: r.layer_id,
	versionNo: r.version_no,
	sha256: r.sha256,
	fileName: r.file_name,
	sourceFormat: r.source_format,
	sourceCrs: r.source_crs,
	featureCount: r.feature_count,
	extent: [r.min_x, r.min_y, r.max_x, r.max_y],
	report: r.report,
	uploadedBy: r.uploaded_by,
	createdAt: r.created_at,
	diff: r.diff,
	diffBaseId: r.diff_base_id
});

const VERSION_COLUMNS =
	'id, layer_id, version_no, sha256, file_name, source_format, source_crs, feature_count, min_x, min_y, max_x, max_y, report, uploaded_by, created_at, diff, diff_base_id';

export async function insertLayer(
	db: Db,
	l: { orgId: string; name: string; network: Network; requestBufferM: number | null }
): Promise<Layer> {
	const [row] = await db<LayerRow[]>`insert into layers (org_id, name, network, request_buffer_m)
		values (${l.orgId}, ${l.name}, ${l.network}, ${l.requestBufferM}) returning *`;
	return toLayer(row!);
}

export async function findLayer(db: Db, id: string): Promise<Layer | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [row] = await db<LayerRow[]>`select * from layers where id = ${id}`;
	return row ? toLayer(row) : null;
}

export async function findLayerByName(db: Db, orgId: string, name: string): Promise<Layer | null> {
	const [row] = await db<LayerRow[]>`select * from layers where org_id = ${orgId} and lower(name) = lower(${name})`;
	return row ? toLayer(row) : null;
}

export interface LayerListItem extends Layer {
	activeVersion: Pick<LayerVersion, 'id' | 'versionNo' | 'featureCount' | 'createdAt' | 'sha256'> | null;
	versionCount: number;
}

export async function listLayers(db: Db, orgId: string): Promise<LayerListItem[]> {
	const rows = await db<(LayerRow & { v_no: number | null; v_count: number | null; v_created: Date | null; v_sha: string | null; n_versions: string })[]>`
		select l.*, v.version_no as v_no, v.feature_count as v_count, v.created_at as v_created, v.sha256 as v_sha,
			(select count(*) from layer_versions x where x.layer_id = l.id) as n_versions
		from layers l left join layer_versions v on v.id = l.active_version_id
		where l.org_id = ${orgId} order by l.network, l.name`;
	return rows.map((r) => ({
		...toLayer(r),
		versionCount: Number(r.n_versions),
		activeVersion: r.active_version_id
			? { id: r.active_version_id, versionNo: r.v_no!, featureCount: r.v_count!, createdAt: r.v_created!, sha256: r.v_sha! }
			: null
	}));
}

export async function updateLayerSettings(
	db: Db,
	id: string,
	s: { name?: string; requestBufferM?: number | null; mapping?: AttributeMapping }
): Promise<void> {
	if (s.name !== undefined) await db`update layers set name = ${s.name} where id = ${id}`;
	if (s.requestBufferM !== undefined) await db`update layers set request_buffer_m = ${s.requestBufferM} where id = ${id}`;
	if (s.mapping !== undefined) await db`update layers set mapping = ${db.json(s.mapping as never)} where id = ${id}`;
}

export async function listVersions(db: Db, layerId: string): Promise<LayerVersion[]> {
	const rows = await db<VersionRow[]>`select ${db.unsafe(VERSION_COLUMNS)} from layer_versions
		where layer_id = ${layerId} order by version_no desc`;
	return rows.map(toVersion);
}

export async function findVersion(db: Db, layerId: string, versionId: string): Promise<LayerVersion | null> {
	if (!/^[0-9a-f-]{36}$/i.test(versionId)) return null;
	const [row] = await db<VersionRow[]>`select ${db.unsafe(VERSION_COLUMNS)} from layer_versions
		where layer_id = ${layerId} and id = ${versionId}`;
	return row ? toVersion(row) : null;
}

export async function findVersionBySha(db: Db, layerId: string, sha256: string): Promise<LayerVersion | null> {
	const [row] = await db<VersionRow[]>`select ${db.unsafe(VERSION_COLUMNS)} from layer_versions
		where layer_id = ${layerId} and sha256 = ${sha256}`;
	return row ? toVersion(row) : null;
}

export async function insertVersion(
	db: Db,
	v: Omit<LayerVersion, 'id' | 'versionNo' | 'createdAt'> & { hull: Polygon | null }
): Promise<LayerVersion> {
	// versions of one layer are numbered under a row lock on the layer
	await db`select 1 from layers where id = ${v.layerId} for update`;
	const [row] = await db<VersionRow[]>`insert into layer_versions
		(layer_id, version_no, sha256, file_name, source_format, source_crs, feature_count, min_x, min_y, max_x, max_y, hull, report, uploaded_by, diff, diff_base_id)
		values (${v.layerId}, (select coalesce(max(version_no), 0) + 1 from layer_versions where layer_id = ${v.layerId}),
			${v.sha256}, ${v.fileName}, ${v.sourceFormat}, ${v.sourceCrs}, ${v.featureCount},
			${v.extent[0]}, ${v.extent[1]}, ${v.extent[2]}, ${v.extent[3]}, ${v.hull ? db.json(v.hull as never) : null},
			${db.json(v.report as never)}, ${v.uploadedBy}, ${v.diff ? db.json(v.diff as never) : null}, ${v.diffBaseId})
		returning ${db.unsafe(VERSION_COLUMNS)}`;
	return toVersion(row!);
}

export async function setActiveVersion(db: Db, layerId: string, versionId: string): Promise<void> {
	await db`update layers set active_version_id = ${versionId} where id = ${layerId}`;
}

/** Hulls of all active versions of an org's layers (for a derived coverage area). */
export async function activeHulls(db: Db, orgId: string): Promise<unknown[]> {
	const rows = await db<{ hull: unknown }[]>`select v.hull from layers l join layer_versions v on v.id = l.active_version_id
		where l.org_id = ${orgId} and v.hull is not null`;
	return rows.map((r) => r.hull);
}
