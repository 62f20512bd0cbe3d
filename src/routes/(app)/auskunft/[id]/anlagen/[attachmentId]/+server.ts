import { sql } from '$lib/server/db';
import { notFound, requireOrg } from '$lib/server/auth/guard';
import { ownAuskunft } from '$lib/server/auskunft/present';
import { attachmentPdf } from '$lib/server/auskunft/answers-repo';
import type { RequestHandler } from './$types';

/** GET → an operator's own documents attached to its answer; for the requesting org only. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { org } = requireOrg(locals);
	const a = await ownAuskunft(sql, params.id, org.id);
	if (!a) notFound('Auskunft');
	const file = await attachmentPdf(sql, a.id, params.attachmentId);
	if (!file) notFound('Anlage');
	return new Response(new Uint8Array(file.pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'x-document-sha256': file.sha256,
			'cache-control': 'private, no-store'
		}
	});
};
