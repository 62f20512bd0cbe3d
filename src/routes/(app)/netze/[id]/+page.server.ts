import { fail } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { config } from '$lib/server/config';
import { requireOwnLayer } from '$lib/server/layers/access';
import { listVersions, updateLayerSettings } from '$lib/server/layers/repo';
import { activateVersion, parseCrs, uploadVersion } from '$lib/server/layers/service';
import { parseMapping, SCHEMA_FIELDS } from '$lib/server/layers/ingest/mapping';
import { ACCEPTED_CRS } from '$lib/server/layers/ingest/crs';
import { receiveUpload } from '$lib/server/http/upload';
import { TMP_DIR } from '$lib/server/layers/storage';
import { appendAudit } from '$lib/server/audit/repo';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { layer } = await requireOwnLayer(locals, params.id);
	const versions = await listVersions(sql, layer.id);
	return {
		layer,
		versions: versions.map((v) => ({ ...v, report: { ...v.report, findings: v.report.findings.slice(0, 50) } })),
		sourceFields: versions[0]?.report.sourceFields ?? [],
		schemaFields: SCHEMA_FIELDS,
		crsOptions: Object.entries(ACCEPTED_CRS).map(([code, label]) => ({ code: Number(code), label })),
		uploadMaxBytes: config.uploadMaxBytes
	};
};

export const actions: Actions = {
	// the same as POST /api/v1/layers/{id}/versions, for browsers without JavaScript
	upload: async ({ locals, params, request }) => {
		const { actor, layer } = await requireOwnLayer(locals, params.id);
		const upload = await receiveUpload(request, { maxBytes: config.uploadMaxBytes, tmpDir: TMP_DIR });
		if (!upload.file || upload.file.size === 0) return fail(400, { upload: { message: 'Bitte eine Datei wählen.' } });
		const crs = parseCrs(upload.fields.crs);
		if (crs === 'invalid') return fail(400, { upload: { message: 'Unbekanntes Koordinatensystem.' } });
		const outcome = await uploadVersion(actor, layer, {
			tempPath: upload.file.path,
			originalName: upload.file.name,
			sha256: upload.file.sha256,
			crsOverride: crs,
			mapping: null,
			activate: upload.fields.activate === 'on'
		});
		if (outcome.status === 'duplicate') return fail(409, { upload: { message: `Diese Datei ist bereits als Version ${outcome.version.versionNo} gespeichert.` } });
		if (outcome.status === 'invalid') return fail(422, { upload: { report: outcome.report } });
		return { upload: { report: outcome.report, versionNo: outcome.version.versionNo, versionId: outcome.version.id, activated: outcome.activated } };
	},

	activate: async ({ locals, params, request }) => {
		const { actor, layer } = await requireOwnLayer(locals, params.id);
		const versionId = String((await request.formData()).get('versionId') ?? '');
		const version = await activateVersion(actor, layer, versionId);
		if (!version) return fail(404, { message: 'Version nicht gefunden.' });
		return { message: `Version ${version.versionNo} ist jetzt aktiv.` };
	},

	settings: async ({ locals, params, request }) => {
		const { actor, layer } = await requireOwnLayer(locals, params.id);
		const form = await request.formData();
		const raw = String(form.get('requestBufferM') ?? '').trim();
		const buffer = raw === '' ? null : Number(raw.replace(',', '.'));
		if (buffer !== null && !(buffer >= 0 && buffer <= 500)) return fail(400, { settingsError: 'Der Anfragepuffer muss zwischen 0 und 500 m liegen.' });
		const mapping = parseMapping(String(form.get('mapping') ?? ''));
		if ('error' in mapping) return fail(400, { settingsError: mapping.error });
		await sql.begin(async (tx) => {
			await updateLayerSettings(tx, layer.id, { requestBufferM: buffer, mapping: mapping.mapping });
			await appendAudit(tx, { action: 'layer.updated', actorUser: actor.userId, actorOrg: actor.orgId, subject: layer.id, data: { fields: ['requestBufferM', 'mapping'] } });
		});
		return { message: 'Einstellungen des Layers gespeichert.' };
	}
};
