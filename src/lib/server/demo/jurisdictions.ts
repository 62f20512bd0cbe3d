/**
 * @module demo/jurisdictions
 * Who decides where in the demo (issue #5, point 3) — FICTIONAL boundaries over Halle's Altstadt:
 * the Stadt Halle (Saale) east of a line just west of the Saale-Mühlgraben, the fictional Gemeinde
 * Saalwerder west of it, and a fictional Landesstraße „L 164 (Demo)“ on the western Mansfelder Straße
 * (outside the Ortsdurchfahrt, so the Land is its Straßenbaulastträger). A Baustelle on the Mansfelder
 * Straße across the line is interkommunal and needs the Land's consent too. Added once.
 */
import type { Sql } from '../db';
import { findOrgByName } from '../accounts/repo';
import { lonLatToUtm, mapPositions } from '$lib/geo/crs';
import { boxLiteral } from '../baustellen/repo';
import { bboxOfCoordinates } from '../baustellen/geometry';

/** The fictional boundary (longitude) between Halle and Saalwerder in the demo. */
export const DEMO_BOUNDARY_LON = 11.9585;

const HALLE = [[[DEMO_BOUNDARY_LON, 51.455], [12.02, 51.455], [12.02, 51.515], [DEMO_BOUNDARY_LON, 51.515], [DEMO_BOUNDARY_LON, 51.455]]];
const SAALWERDER = [[[11.92, 51.455], [DEMO_BOUNDARY_LON, 51.455], [DEMO_BOUNDARY_LON, 51.515], [11.92, 51.515], [11.92, 51.455]]];
/** Western Mansfelder Straße (from the OSM street data), the fictional L 164 (Demo). */
const L164 = [[11.9544, 51.4826], [11.9562, 51.4824], [11.9585, 51.4821]];

export async function seedDemoJurisdictions(sql: Sql): Promise<void> {
	const halle = await findOrgByName(sql, 'Stadt Halle (Saale), Tiefbauamt (Demo)');
	const gemeinde = await findOrgByName(sql, 'Gemeinde Saalwerder, Bauamt (Demo)');
	const land = await findOrgByName(sql, 'Landesstraßenbaubehörde, Regionalbereich Süd (Demo)');
	if (!halle || !gemeinde || !land) return;
	const [done] = await sql`select 1 from jurisdictions limit 1`;
	if (done) return;
	await sql.begin(async (tx) => {
		for (const [org, name, rings] of [
			[halle.id, 'Stadt Halle (Saale) (Demo-Grenze)', HALLE],
			[gemeinde.id, 'Gemeinde Saalwerder (fiktiv)', SAALWERDER]
		] as const) {
			const area = { type: 'MultiPolygon', coordinates: [mapPositions(rings, lonLatToUtm)] };
			await tx`insert into jurisdictions (org_id, name, area, bbox) values (${org}, ${name}, ${tx.json(area as never)}, ${boxLiteral(bboxOfCoordinates(area.coordinates))}::box)`;
		}
		const line = { type: 'LineString', coordinates: mapPositions(L164, lonLatToUtm) };
		await tx`insert into road_segments (authority_org_id, road_class, reference, street, geometry, reach_m, bbox)
			values (${land.id}, 'landesstrasse', 'L 164 (Demo)', 'Mansfelder Straße', ${tx.json(line as never)}, 15, ${boxLiteral(bboxOfCoordinates(line.coordinates))}::box)`;
	});
}
