/**
 * @module baustellen/routing
 * Who decides about a Baustelle (issue #5, point 3): every `kommune` org whose jurisdiction polygon the
 * footprint meets (coordination, traffic — interkommunal works have several), and for road segments of
 * another Straßenbaulastträger (a Landesstraße outside the Ortsdurchfahrt belongs to the Land) that
 * Straßenbaulastträger. Which permit goes to whom is genehmigungen/required.ts.
 */
import DistanceOp from 'jsts/org/locationtech/jts/operation/distance/DistanceOp.js';
import type { Polygonal } from '$lib/baustellen';
import type { Db } from '../db';
import { toJsts } from '../auskunft/clip/jsts';
import type { Bbox } from './geometry';
import { intersectsPolygonal } from './overlap';

export type AuthorityReason = 'gebiet' | 'strassenbaulast';
export interface Authority {
	id: string;
	name: string;
	reason: AuthorityReason;
}

export interface RoadSegment {
	id: string;
	authorityOrgId: string;
	authorityName: string;
	roadClass: string;
	reference: string;
	street: string;
	reachM: number;
	geometry: { type: 'LineString' | 'MultiLineString'; coordinates: unknown };
}

const boxOf = (b: Bbox, grow = 0) => `(${b[0] - grow},${b[1] - grow}),(${b[2] + grow},${b[3] + grow})`;

/** Segments of other Straßenbaulastträger the footprint comes within their reach of. */
export async function segmentsMet(db: Db, footprint25832: Polygonal, bbox: Bbox): Promise<RoadSegment[]> {
	const rows = await db<{ id: string; authority_org_id: string; name: string; road_class: string; reference: string; street: string; reach_m: number; geometry: RoadSegment['geometry'] }[]>`
		select s.id, s.authority_org_id, o.name, s.road_class, s.reference, s.street, s.reach_m, s.geometry
		from road_segments s join organisations o on o.id = s.authority_org_id
		where s.bbox && ${boxOf(bbox, 100)}::box`;
	const area = toJsts(footprint25832 as never);
	return rows
		.filter((r) => DistanceOp.distance(toJsts(r.geometry as never) as never, area as never) <= r.reach_m)
		.map((r) => ({
			id: r.id,
			authorityOrgId: r.authority_org_id,
			authorityName: r.name,
			roadClass: r.road_class,
			reference: r.reference,
			street: r.street,
			reachM: r.reach_m,
			geometry: r.geometry
		}));
}

/** Road authorities whose jurisdiction the footprint meets. */
export async function jurisdictionsMet(db: Db, footprint25832: Polygonal, bbox: Bbox): Promise<{ orgId: string; name: string; jurisdiction: string }[]> {
	const rows = await db<{ org_id: string; org_name: string; name: string; area: Polygonal }[]>`
		select j.org_id, o.name as org_name, j.name, j.area
		from jurisdictions j join organisations o on o.id = j.org_id
		where j.bbox && ${boxOf(bbox)}::box and 'kommune' = any (o.roles)`;
	return rows
		.filter((r) => intersectsPolygonal(r.area, footprint25832))
		.map((r) => ({ orgId: r.org_id, name: r.org_name, jurisdiction: r.name }));
}

/** Pure: one entry per org; an org that is both keeps `gebiet` (it coordinates anyway). Gebiet first. */
export function decideAuthorities(areas: { orgId: string; name: string }[], segments: { authorityOrgId: string; authorityName: string }[]): Authority[] {
	const byId = new Map<string, Authority>();
	for (const a of areas) byId.set(a.orgId, { id: a.orgId, name: a.name, reason: 'gebiet' });
	for (const s of segments) if (!byId.has(s.authorityOrgId)) byId.set(s.authorityOrgId, { id: s.authorityOrgId, name: s.authorityName, reason: 'strassenbaulast' });
	return [...byId.values()].sort((a, b) => (a.reason === b.reason ? a.name.localeCompare(b.name, 'de') : a.reason === 'gebiet' ? -1 : 1));
}

export async function findAuthorities(db: Db, footprint25832: Polygonal, bbox: Bbox): Promise<Authority[]> {
	const [areas, segments] = [await jurisdictionsMet(db, footprint25832, bbox), await segmentsMet(db, footprint25832, bbox)];
	return decideAuthorities(areas, segments);
}
