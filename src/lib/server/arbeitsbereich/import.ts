/**
 * @module arbeitsbereich/import
 * A work area from a CAD or GIS file (DXF, zipped Shapefile, GeoPackage, …) for the request map: GDAL
 * reads it, reprojects to EPSG:4326, and the areas come back as GeoJSON — polygons as they are, and
 * closed polylines (how CAD draws a site boundary) as polygons. DXF carries no coordinate system: it is
 * read as EPSG:25832, Sachsen-Anhalt's official one, unless the user says otherwise.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { GDAL_OUT_DIR, gdalErrorText, withGdal } from '../layers/ingest/gdal';
import { prepareSource, SourceError } from '../layers/ingest/source';
import { scratchDir } from '../layers/storage';

type Ring = number[][];

export type ImportResult = { ok: true; featureCollection: { type: 'FeatureCollection'; features: object[] } } | { ok: false; message: string };

function closed(ring: Ring): boolean {
	const a = ring[0];
	const b = ring[ring.length - 1];
	return ring.length >= 4 && !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

/** Polygons from what GDAL read: polygons kept, closed (poly)lines turned into polygons. */
export function areasOf(features: { geometry: { type: string; coordinates: unknown } | null }[]): object[] {
	const out: object[] = [];
	for (const f of features) {
		const g = f.geometry;
		if (!g) continue;
		if (g.type === 'Polygon' || g.type === 'MultiPolygon') out.push({ type: 'Feature', properties: {}, geometry: g });
		else if (g.type === 'LineString' && closed(g.coordinates as Ring)) out.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [g.coordinates] } });
		else if (g.type === 'MultiLineString') {
			for (const line of g.coordinates as Ring[]) {
				if (closed(line)) out.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [line] } });
			}
		}
	}
	return out;
}

export async function importArea(uploadPath: string, originalName: string, crs: number | null): Promise<ImportResult> {
	const scratch = scratchDir();
	const id = randomBytes(6).toString('hex');
	const output = join(GDAL_OUT_DIR, `${id}-area.geojson`);
	try {
		let source;
		try {
			source = await prepareSource(uploadPath, originalName, scratch.path);
		} catch (e) {
			if (e instanceof SourceError) return { ok: false, message: e.message };
			throw e;
		}
		const sourceCrs = crs ?? (source.format === 'DXF' ? 25832 : null);
		const error = await withGdal(async (gdal) => {
			let opened;
			try {
				opened = await gdal.open(source.path);
			} catch (e) {
				return `Die Datei lässt sich nicht lesen (${gdalErrorText(e)}).`;
			}
			const dataset = opened.datasets[0];
			if (!dataset) return 'Die Datei enthält keine Geodaten.';
			try {
				const args = ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '-dim', 'XY', '-lco', 'COORDINATE_PRECISION=8'];
				if (sourceCrs) args.push('-s_srs', `EPSG:${sourceCrs}`);
				await gdal.ogr2ogr(dataset, args, `${id}-area`);
				return null;
			} catch (e) {
				return `Umrechnung fehlgeschlagen: ${gdalErrorText(e)}. Fehlt das Koordinatensystem (.prj)?`;
			} finally {
				await gdal.close(dataset);
			}
		});
		if (error) return { ok: false, message: error };
		const fc = JSON.parse(readFileSync(output, 'utf8')) as { features: { geometry: { type: string; coordinates: unknown } | null }[] };
		const features = areasOf(fc.features);
		if (!features.length) return { ok: false, message: 'In der Datei wurde keine Fläche gefunden (Polygon oder geschlossene Polylinie).' };
		return { ok: true, featureCollection: { type: 'FeatureCollection', features } };
	} finally {
		scratch.remove();
		rmSync(uploadPath, { force: true });
		rmSync(output, { force: true });
	}
}
