import { json } from '@sveltejs/kit';
import { endpoint } from '$lib/server/http/api';
import { notFound } from '$lib/server/auth/guard';
import { requireOwnLayer } from '$lib/server/layers/access';
import { activateVersion } from '$lib/server/layers/service';
import { versionJson } from '$lib/server/layers/present';
import type { RequestHandler } from './$types';

/** POST → make this version the active one (also: roll back to an older version). */
export const POST: RequestHandler = endpoint(async ({ locals, params }) => {
	const { actor, layer } = await requireOwnLayer(locals, params.id);
	const version = await activateVersion(actor, layer, params.versionId);
	if (!version) notFound('Version');
	return json(versionJson(version, version.id));
});
