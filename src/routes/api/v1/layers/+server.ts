import { json } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { endpoint, readFields, apiErrorResponse } from '$lib/server/http/api';
import { requireOperator } from '$lib/server/layers/access';
import { listLayers } from '$lib/server/layers/repo';
import { createLayer } from '$lib/server/layers/service';
import { layerJson } from '$lib/server/layers/present';

/** GET → the caller's own layers with their active versions. */
export const GET = endpoint(async ({ locals }) => {
	const actor = requireOperator(locals);
	return json({ items: (await listLayers(sql, actor.orgId)).map(layerJson) });
});

/** POST { name, network, requestBufferM? } → 201 the new (empty) layer. */
export const POST = endpoint(async ({ locals, request }) => {
	const actor = requireOperator(locals);
	const f = await readFields(request);
	const buffer = f.requestBufferM === undefined || f.requestBufferM === '' ? null : Number(f.requestBufferM.replace(',', '.'));
	const result = await createLayer(actor, { name: f.name ?? '', network: f.network ?? '', requestBufferM: Number.isNaN(buffer) ? -1 : buffer });
	if ('errors' in result) {
		return apiErrorResponse(422, 'validation', 'Der Layer ist unvollständig.', Object.entries(result.errors).map(([field, message]) => ({ field, message })));
	}
	return json(layerJson(result.layer), { status: 201 });
});
