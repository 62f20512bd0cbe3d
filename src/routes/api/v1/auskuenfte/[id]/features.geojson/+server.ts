import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { endpoint, apiErrorResponse } from '$lib/server/http/api';
import { notFound } from '$lib/server/auth/guard';
import { requireRequester } from '$lib/server/auskunft/access';
import { ownAuskunft } from '$lib/server/auskunft/present';
import { releasedFeatures } from '$lib/server/auskunft/repo';
import { berlinDate } from '$lib/server/auskunft/rules';
import { mapPositions, utmToLonLat } from '$lib/geo/crs';
import { appendAudit } from '$lib/server/audit/repo';
import type { RequestHandler } from './$types';

/**
 * GET → the clipped features of the operators that answered "betroffen", as RFC 7946 GeoJSON
 * (EPSG:4326). Only for the requesting org and only while the Auskunft is valid: line geometry never
 * leaves the server otherwise (critical-infrastructure rule).
 */
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const requester = requireRequester(locals);
	const a = await ownAuskunft(sql, params.id, requester.orgId);
	if (!a) notFound('Auskunft');
	if (a.validUntil < berlinDate(now())) {
		return apiErrorResponse(410, 'expired', `Die Auskunft ${a.number} ist seit ${a.validUntil} abgelaufen; Vektordaten gibt es nur während der Gültigkeit. Das PDF bleibt abrufbar; für neue Daten bitte verlängern.`);
	}
	const released = await releasedFeatures(sql, a.id);
	const features = released.flatMap((r) =>
		(r.features.features as { type: 'Feature'; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[]).map((f) => ({
			type: 'Feature',
			geometry: { type: f.geometry.type, coordinates: mapPositions(f.geometry.coordinates, (p) => utmToLonLat(p).map((v) => Math.round(v * 1e8) / 1e8)) },
			properties: { operator: r.operatorName, ...f.properties }
		}))
	);
	await sql.begin((tx) => appendAudit(tx, { action: 'auskunft.vector_download', actorUser: requester.userId, actorOrg: requester.orgId, subject: a.id, data: { format: 'geojson', features: features.length } }));
	return json(
		{ type: 'FeatureCollection', name: a.number, validUntil: a.validUntil, features },
		{ headers: { 'content-type': 'application/geo+json', 'content-disposition': `attachment; filename="${a.number}.geojson"`, 'cache-control': 'private, no-store' } }
	);
});
