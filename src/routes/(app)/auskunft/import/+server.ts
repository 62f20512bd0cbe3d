import { json } from '@sveltejs/kit';
import { endpoint, apiErrorResponse } from '$lib/server/http/api';
import { receiveUpload } from '$lib/server/http/upload';
import { requireRole } from '$lib/server/auth/guard';
import { TMP_DIR } from '$lib/server/layers/storage';
import { importArea } from '$lib/server/arbeitsbereich/import';
import { parseCrs } from '$lib/server/layers/service';
import type { RequestHandler } from './$types';

/**
 * POST multipart `file` (DXF, zipped Shapefile, GeoPackage, GML, …), optional `crs` → the areas in it
 * as GeoJSON (EPSG:4326), for the request map. Reads only what the user uploads; no line data.
 */
export const POST: RequestHandler = endpoint(async ({ locals, request }) => {
	requireRole(locals, 'bauunternehmen', 'planungsbuero', 'netzbetreiber', 'kommune');
	const upload = await receiveUpload(request, { maxBytes: 20_000_000, tmpDir: TMP_DIR });
	if (!upload.file) return apiErrorResponse(400, 'no_file', 'Bitte eine Datei senden.');
	const crs = parseCrs(upload.fields.crs);
	const result = await importArea(upload.file.path, upload.file.name, crs === 'invalid' ? null : crs);
	if (!result.ok) return apiErrorResponse(422, 'import_failed', result.message);
	return json(result.featureCollection);
});
