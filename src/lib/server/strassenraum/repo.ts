/**
 * @module strassenraum/repo
 * Where a cross-section may take its lines from: the caller's own active layers (an operator sees its
 * own network anywhere) and the released, clipped features of the caller's still-valid Auskünfte around
 * the point (everyone else: exactly what they already received). Plus the operators whose coverage area
 * holds the point, to name those the caller has no answer from.
 */
import type { Network } from '$lib/layers/catalogue';
import type { Db } from '../db';

/** [minX, minY, maxX, maxY], EPSG:25832 */
export type Bbox = [number, number, number, number];

export interface AuskunftBasis {
	auskunftId: string;
	number: string;
	type: 'bau' | 'planung' | 'notfall';
	validUntil: string;
	operatorOrgId: string;
	operatorName: string;
	status: 'betroffen' | 'nicht_betroffen' | 'ausstehend' | 'keine_antwort';
	planReleased: boolean;
	/** the operator gives Planungsauskünfte as PDF only */
	pdfOnly: boolean;
	networks: Network[];
	/** the drawn area, EPSG:25832 */
	area: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
	/** how far this operator's answer reaches beyond the drawn area: the largest buffer of its layers used */
	reachM: number;
	/** FeatureCollection, EPSG:25832, as issued */
	features: { features: { geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> }[] };
}

/**
 * Operator results of the org's Auskünfte valid on `today` whose grown area's box holds the point — a
 * superset: whether the point lies within an operator's reach of the drawn area is the caller's exact test.
 */
export async function auskunftBasis(db: Db, orgId: string, point: [number, number], today: string): Promise<AuskunftBasis[]> {
	const rows = await db<{
		auskunft_id: string;
		number: string;
		type: AuskunftBasis['type'];
		valid_until: string;
		operator_org_id: string;
		name: string;
		status: AuskunftBasis['status'];
		plan_released: boolean;
		pdf_only: boolean;
		networks: Network[];
		area: AuskunftBasis['area'];
		reach_m: number;
		features: AuskunftBasis['features'];
	}[]>`
		select a.id as auskunft_id, a.number, a.type, a.valid_until::text, r.operator_org_id, o.name, r.status, r.plan_released,
			coalesce(s.planung_pdf_only, false) as pdf_only, r.networks, r.features, a.area_25832 as area,
			coalesce((select max(u.buffer_m) from auskunft_layers u join layers l on l.id = u.layer_id
				where u.auskunft_id = a.id and l.org_id = r.operator_org_id), a.work_distance_m) as reach_m
		from auskuenfte a
		join auskunft_operators r on r.auskunft_id = a.id
		join organisations o on o.id = r.operator_org_id
		left join operator_settings s on s.org_id = r.operator_org_id
		where a.org_id = ${orgId} and a.valid_until >= ${today}::date
			and a.min_x <= ${point[0]} and a.max_x >= ${point[0]} and a.min_y <= ${point[1]} and a.max_y >= ${point[1]}
		order by a.created_at desc, o.name`;
	return rows.map((r) => ({
		auskunftId: r.auskunft_id,
		number: r.number,
		type: r.type,
		validUntil: r.valid_until,
		operatorOrgId: r.operator_org_id,
		operatorName: r.name,
		status: r.status,
		planReleased: r.plan_released,
		pdfOnly: r.pdf_only && r.type === 'planung',
		networks: r.networks,
		area: r.area,
		reachM: r.reach_m,
		features: r.features
	}));
}

export interface OwnLayer {
	layerId: string;
	layerName: string;
	network: Network;
	sha256: string;
	versionCreatedAt: Date;
}

/** The org's own active layer versions whose extent meets `bbox`. */
export async function ownLayersNear(db: Db, orgId: string, bbox: Bbox): Promise<OwnLayer[]> {
	const rows = await db<{ layer_id: string; name: string; network: Network; sha256: string; created_at: Date }[]>`
		select l.id as layer_id, l.name, l.network, v.sha256, v.created_at
		from layers l join layer_versions v on v.id = l.active_version_id
		where l.org_id = ${orgId} and v.max_x >= ${bbox[0]} and v.min_x <= ${bbox[2]} and v.max_y >= ${bbox[1]} and v.min_y <= ${bbox[3]}
		order by l.name`;
	return rows.map((r) => ({ layerId: r.layer_id, layerName: r.name, network: r.network, sha256: r.sha256, versionCreatedAt: r.created_at }));
}

export interface CoveringOperator {
	orgId: string;
	name: string;
	coverage: { type: 'MultiPolygon'; coordinates: number[][][][] };
	networks: Network[];
}

/** Verified operators whose coverage area's box holds the point (exact test by the caller), with their networks. */
export async function operatorsAt(db: Db, point: [number, number]): Promise<CoveringOperator[]> {
	const rows = await db<{ org_id: string; name: string; geometry: CoveringOperator['coverage']; networks: Network[] | null }[]>`
		select c.org_id, o.name, c.geometry,
			(select array_agg(distinct l.network order by l.network) from layers l where l.org_id = c.org_id and l.active_version_id is not null) as networks
		from coverage_areas c join organisations o on o.id = c.org_id
		where o.verified_at is not null and c.min_x <= ${point[0]} and c.max_x >= ${point[0]} and c.min_y <= ${point[1]} and c.max_y >= ${point[1]}
		order by o.name`;
	return rows.map((r) => ({ orgId: r.org_id, name: r.name, coverage: r.geometry, networks: r.networks ?? [] }));
}
