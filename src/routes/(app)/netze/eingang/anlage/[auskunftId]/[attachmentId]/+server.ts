import { sql } from '$lib/server/db';
import { notFound, requireRole } from '$lib/server/auth/guard';
import { attachmentPdf } from '$lib/server/auskunft/answers-repo';
import type { RequestHandler } from './$types';

/** GET → a document this operator attached to one of its answers (its own only). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { org } = requireRole(locals, 'netzbetreiber');
	const file = await attachmentPdf(sql, params.auskunftId, params.attachmentId);
	if (!file || file.operatorOrgId !== org.id) notFound('Anlage');
	return new Response(new Uint8Array(file.pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'cache-control': 'private, no-store'
		}
	});
};
