import { json } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { endpoint, apiErrorResponse } from '$lib/server/http/api';
import { receiveUpload } from '$lib/server/http/upload';
import { requireOwnLayer } from '$lib/server/layers/access';
import { parseMapping } from '$lib/server/layers/ingest/mapping';
import { parseCrs, uploadVersion } from '$lib/server/layers/service';
import { TMP_DIR } from '$lib/server/layers/storage';
import { versionJson } from '$lib/server/layers/present';
import { acceptedList } from '$lib/server/layers/ingest/crs';
import type { RequestHandler } from './$types';

/**
 * POST multipart: `file` (GeoJSON, zipped Shapefile, GeoPackage, DXF, FlatGeobuf, GML), optional `crs`
 * ("EPSG:25833" — overrides the file's), `mapping` (JSON, saved for next time), `activate` ("false" to
 * only validate and store). 201 with the report; 422 with every finding; 409 for a file already stored.
 * Works from curl or QGIS without an Origin header (Bearer token).
 */
export const POST: RequestHandler = endpoint(async ({ locals, params, request }) => {
	const { actor, layer } = await requireOwnLayer(locals, params.id);
	const upload = await receiveUpload(request, { maxBytes: config.uploadMaxBytes, tmpDir: TMP_DIR });
	const drop = () => upload.file && import('node:fs').then((fs) => fs.rmSync(upload.file!.path, { force: true }));
	if (!upload.file || upload.file.size === 0) {
		await drop();
		return apiErrorResponse(422, 'no_file', 'Es wurde keine Datei gesendet. Bitte die Datei im Feld „file“ mitschicken.', [
			{ feature: 'Datei', message: 'Datei fehlt oder ist leer.' }
		]);
	}
	const crs = parseCrs(upload.fields.crs);
	if (crs === 'invalid') {
		await drop();
		return apiErrorResponse(422, 'invalid_crs', `Unbekanntes Koordinatensystem „${upload.fields.crs}“. Erlaubt: ${acceptedList()}.`, [
			{ feature: 'Datei', message: 'crs ungültig' }
		]);
	}
	const mapping = upload.fields.mapping ? parseMapping(upload.fields.mapping) : null;
	if (mapping && 'error' in mapping) {
		await drop();
		return apiErrorResponse(422, 'invalid_mapping', mapping.error, [{ feature: 'Attributzuordnung', message: mapping.error }]);
	}
	const outcome = await uploadVersion(actor, layer, {
		tempPath: upload.file.path,
		originalName: upload.file.name,
		sha256: upload.file.sha256,
		crsOverride: crs,
		mapping: mapping ? mapping.mapping : null,
		activate: upload.fields.activate !== 'false'
	});
	if (outcome.status === 'duplicate') {
		return apiErrorResponse(409, 'duplicate_version', `Diese Datei ist bereits als Version ${outcome.version.versionNo} gespeichert.`, [
			{ versionId: outcome.version.id, versionNo: outcome.version.versionNo }
		]);
	}
	if (outcome.status === 'invalid') {
		const r = outcome.report;
		return apiErrorResponse(
			422,
			'invalid_data',
			`Die Daten enthalten ${r.errorCount} Fehler${r.warningCount ? ` und ${r.warningCount} Warnungen` : ''}. Es wurde nichts geändert; die bisherige Version bleibt aktiv.`,
			r.findings.map((f) => ({ feature: f.feature, severity: f.severity, code: f.code, message: f.message }))
		);
	}
	const activeId = outcome.activated ? outcome.version.id : layer.activeVersionId;
	return json({ version: versionJson(outcome.version, activeId), activated: outcome.activated, report: outcome.report }, { status: 201 });
});
