import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { endpoint, readFields, apiErrorResponse } from '$lib/server/http/api';
import { requireOwnLayer } from '$lib/server/layers/access';
import { findLayer, listVersions, updateLayerSettings } from '$lib/server/layers/repo';
import { layerJson, versionJson } from '$lib/server/layers/present';
import { parseMapping } from '$lib/server/layers/ingest/mapping';
import { appendAudit } from '$lib/server/audit/repo';
import type { RequestHandler } from './$types';

/** GET → one own layer with all its versions. */
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const { layer } = await requireOwnLayer(locals, params.id);
	const versions = await listVersions(sql, layer.id);
	return json({ ...layerJson(layer), versions: versions.map((v) => versionJson(v, layer.activeVersionId)) });
});

/** PATCH { name?, requestBufferM?, mapping? } → the updated layer. */
export const PATCH: RequestHandler = endpoint(async ({ locals, params, request }) => {
	const { actor, layer } = await requireOwnLayer(locals, params.id);
	const f = await readFields(request);
	const details: { field: string; message: string }[] = [];
	const change: Parameters<typeof updateLayerSettings>[2] = {};
	if (f.name !== undefined) {
		if (f.name.trim().length < 3 || f.name.length > 120) details.push({ field: 'name', message: 'Bitte einen Namen mit 3 bis 120 Zeichen angeben.' });
		else change.name = f.name.trim();
	}
	if (f.requestBufferM !== undefined) {
		const n = f.requestBufferM === '' || f.requestBufferM === 'null' ? null : Number(f.requestBufferM.replace(',', '.'));
		if (n !== null && !(n >= 0 && n <= 500)) details.push({ field: 'requestBufferM', message: 'Der Anfragepuffer muss zwischen 0 und 500 m liegen.' });
		else change.requestBufferM = n;
	}
	if (f.mapping !== undefined) {
		const parsed = parseMapping(f.mapping);
		if ('error' in parsed) details.push({ field: 'mapping', message: parsed.error });
		else change.mapping = parsed.mapping;
	}
	if (details.length) return apiErrorResponse(422, 'validation', 'Die Änderung ist ungültig.', details);
	await sql.begin(async (tx) => {
		await updateLayerSettings(tx, layer.id, change);
		await appendAudit(tx, { action: 'layer.updated', actorUser: actor.userId, actorOrg: actor.orgId, subject: layer.id, data: { fields: Object.keys(change) } });
	});
	return json(layerJson((await findLayer(sql, layer.id))!));
});
