import { fail } from '@sveltejs/kit';
import { readFileSync, rmSync } from 'node:fs';
import { sql } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { requireOperator } from '$lib/server/layers/access';
import { receiveUpload } from '$lib/server/http/upload';
import { TMP_DIR } from '$lib/server/layers/storage';
import { DERIVED_MARGIN_M, getCoverage, resetToDerived, setCoverage } from '$lib/server/layers/coverage';
import { lonLatToUtm, mapPositions, utmToLonLat } from '$lib/geo/crs';
import { env } from '$env/dynamic/private';
import { OFFLINE_STYLE_URL } from '$lib/map/defaults';
import { appendAudit } from '$lib/server/audit/repo';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { org } = requireRole(locals, 'netzbetreiber');
	const coverage = await getCoverage(sql, org.id);
	return {
		coverage,
		// the operator's own area, for drawing over it (never shown to anyone else)
		coverage4326: coverage ? { type: 'MultiPolygon' as const, coordinates: mapPositions(coverage.geometry.coordinates, utmToLonLat) } : null,
		marginM: DERIVED_MARGIN_M,
		basemapStyleUrl: env.BASEMAP_STYLE_URL || OFFLINE_STYLE_URL
	};
};

/** The polygon in an uploaded GeoJSON (geometry, Feature or FeatureCollection with one area), EPSG:4326. */
function polygonOf(json: unknown): { type: string; coordinates: unknown } | null {
	const j = json as { type?: string; geometry?: unknown; features?: { geometry: unknown }[]; coordinates?: unknown };
	if (j?.type === 'Polygon' || j?.type === 'MultiPolygon') return j as { type: string; coordinates: unknown };
	if (j?.type === 'Feature') return polygonOf(j.geometry);
	if (j?.type === 'FeatureCollection' && j.features?.length === 1) return polygonOf(j.features[0]!.geometry);
	return null;
}

export const actions: Actions = {
	upload: async ({ locals, request }) => {
		const actor = requireOperator(locals);
		const upload = await receiveUpload(request, { maxBytes: 5_000_000, tmpDir: TMP_DIR });
		if (!upload.file) return fail(400, { message: 'Bitte eine GeoJSON-Datei mit dem Gebiet wählen.' });
		let json: unknown;
		try {
			json = JSON.parse(readFileSync(upload.file.path, 'utf8'));
		} catch {
			return fail(400, { message: 'Die Datei ist kein gültiges GeoJSON.' });
		} finally {
			rmSync(upload.file.path, { force: true });
		}
		const polygon = polygonOf(json);
		if (!polygon) return fail(400, { message: 'Im GeoJSON wurde genau eine Fläche (Polygon oder MultiPolygon, WGS 84) erwartet.' });
		const utm = { type: polygon.type, coordinates: mapPositions(polygon.coordinates, lonLatToUtm) };
		const problem = await sql.begin(async (tx) => {
			const p = await setCoverage(tx, actor.orgId, utm, 'upload');
			if (!p) await appendAudit(tx, { action: 'coverage.uploaded', actorUser: actor.userId, actorOrg: actor.orgId });
			return p;
		});
		if (problem) return fail(400, { message: problem });
		return { message: 'Zuständigkeitsgebiet gespeichert.' };
	},
	draw: async ({ locals, request }) => {
		const actor = requireOperator(locals);
		const raw = String((await request.formData()).get('geometry') ?? '');
		let polygon: { type: string; coordinates: unknown } | null = null;
		try {
			polygon = polygonOf(JSON.parse(raw));
		} catch {
			polygon = null;
		}
		if (!polygon) return fail(400, { message: 'Bitte zuerst ein gültiges Gebiet zeichnen.' });
		const utm = { type: polygon.type, coordinates: mapPositions(polygon.coordinates, lonLatToUtm) };
		const problem = await sql.begin(async (tx) => {
			const p = await setCoverage(tx, actor.orgId, utm, 'drawn');
			if (!p) await appendAudit(tx, { action: 'coverage.drawn', actorUser: actor.userId, actorOrg: actor.orgId });
			return p;
		});
		if (problem) return fail(400, { message: problem });
		return { message: 'Gezeichnetes Zuständigkeitsgebiet gespeichert.' };
	},
	derive: async ({ locals }) => {
		const actor = requireOperator(locals);
		await sql.begin(async (tx) => {
			await resetToDerived(tx, actor.orgId);
			await appendAudit(tx, { action: 'coverage.derived', actorUser: actor.userId, actorOrg: actor.orgId });
		});
		return { message: 'Das Gebiet wird jetzt aus Ihren Netzdaten abgeleitet.' };
	}
};
