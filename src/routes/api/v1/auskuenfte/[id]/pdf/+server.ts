import { sql } from '$lib/server/db';
import { endpoint } from '$lib/server/http/api';
import { notFound, requireOrg } from '$lib/server/auth/guard';
import { ownAuskunft } from '$lib/server/auskunft/present';
import { documentPdf } from '$lib/server/auskunft/repo';
import type { RequestHandler } from './$types';

/**
 * GET → the stamped PDF (latest document version, or ?version=n). Stays downloadable for the
 * requesting org after expiry: it is the evidence after a strike (retention, DESIGN.md).
 */
export const GET: RequestHandler = endpoint(async ({ locals, params, url }) => {
	const { org } = requireOrg(locals);
	const a = await ownAuskunft(sql, params.id, org.id);
	if (!a) notFound('Auskunft');
	const v = url.searchParams.get('version');
	const doc = await documentPdf(sql, a.id, v ? Number(v) || -1 : null);
	if (!doc) notFound('Dokumentversion');
	const name = `${a.number}${doc.version > 1 ? `-v${doc.version}` : ''}.pdf`;
	return new Response(new Uint8Array(doc.pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${name}"`,
			'x-document-sha256': doc.sha256,
			'cache-control': 'private, no-store'
		}
	});
});
