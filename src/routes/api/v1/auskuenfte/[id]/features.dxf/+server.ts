import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { endpoint, apiErrorResponse } from '$lib/server/http/api';
import { notFound } from '$lib/server/auth/guard';
import { requireRequester } from '$lib/server/auskunft/access';
import { ownAuskunft } from '$lib/server/auskunft/present';
import { releasedFeatures } from '$lib/server/auskunft/repo';
import { berlinDate } from '$lib/server/auskunft/rules';
import { buildDxf } from '$lib/server/auskunft/dxf';
import { appendAudit } from '$lib/server/audit/repo';
import type { RequestHandler } from './$types';

/** GET → the clipped features as DXF (EPSG:25832), for the requesting org, while valid. */
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const requester = requireRequester(locals);
	const a = await ownAuskunft(sql, params.id, requester.orgId);
	if (!a) notFound('Auskunft');
	if (a.validUntil < berlinDate(now())) {
		return apiErrorResponse(410, 'expired', `Die Auskunft ${a.number} ist seit ${a.validUntil} abgelaufen; Vektordaten gibt es nur während der Gültigkeit.`);
	}
	const released = await releasedFeatures(sql, a.id);
	const features = released.flatMap((r) => r.features.features as { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[]);
	const dxf = await buildDxf({ features, workArea: a.area25832, grownArea: null });
	await sql.begin((tx) => appendAudit(tx, { action: 'auskunft.vector_download', actorUser: requester.userId, actorOrg: requester.orgId, subject: a.id, data: { format: 'dxf', features: features.length } }));
	return new Response(new Uint8Array(dxf), {
		headers: { 'content-type': 'application/dxf', 'content-disposition': `attachment; filename="${a.number}.dxf"`, 'cache-control': 'private, no-store' }
	});
});
