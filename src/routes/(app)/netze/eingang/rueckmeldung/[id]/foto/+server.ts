import { sql } from '$lib/server/db';
import { notFound, requireRole } from '$lib/server/auth/guard';
import { feedbackPhoto } from '$lib/server/auskunft/feedback-repo';
import type { RequestHandler } from './$types';

/** GET → the photo of a field feedback, for the operator it was addressed to only. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { org } = requireRole(locals, 'netzbetreiber');
	const photo = await feedbackPhoto(sql, params.id);
	if (!photo || photo.operatorOrgId !== org.id) notFound('Foto');
	return new Response(new Uint8Array(photo.bytes), {
		headers: { 'content-type': photo.type, 'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(photo.name)}`, 'cache-control': 'private, no-store' }
	});
};
