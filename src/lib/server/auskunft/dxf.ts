/**
 * @module auskunft/dxf
 * The clipped features as DXF for CAD (EPSG:25832). GDAL's DXF writer keeps no arbitrary attributes,
 * so network and status become DXF layers ("WASSER_IN_BETRIEB") and dimension/depth become text labels
 * on "<NETZ>_BESCHRIFTUNG"; full attributes are in the GeoJSON download.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { NETWORK_INFO, type Network } from '$lib/layers/catalogue';
import { GDAL_OUT_DIR, gdalErrorText, withGdal } from '../layers/ingest/gdal';

interface StoredFeature {
	geometry: { type: string; coordinates: unknown };
	properties: Record<string, unknown>;
}

const layerName = (s: string) => s.toUpperCase().replace(/Ä/g, 'AE').replace(/Ö/g, 'OE').replace(/Ü/g, 'UE').replace(/[^A-Z0-9]+/g, '_');

function midpointAndAngle(coords: number[][]): { at: number[]; angle: number } | null {
	if (coords.length < 2) return null;
	let total = 0;
	for (let i = 1; i < coords.length; i++) total += Math.hypot(coords[i]![0]! - coords[i - 1]![0]!, coords[i]![1]! - coords[i - 1]![1]!);
	let walked = 0;
	for (let i = 1; i < coords.length; i++) {
		const [ax, ay] = coords[i - 1] as [number, number];
		const [bx, by] = coords[i] as [number, number];
		const len = Math.hypot(bx - ax, by - ay);
		if (walked + len >= total / 2 && len > 0) {
			const t = (total / 2 - walked) / len;
			let angle = (Math.atan2(by - ay, bx - ax) * 180) / Math.PI;
			if (angle > 90) angle -= 180; // keep text upright
			if (angle < -90) angle += 180;
			return { at: [ax + t * (bx - ax), ay + t * (by - ay)], angle };
		}
		walked += len;
	}
	return null;
}

function label(p: Record<string, unknown>): string {
	const depth = typeof p.depth_m === 'number' ? `${p.depth_m.toLocaleString('de-DE')} m` : null;
	return [p.dimension, depth].filter(Boolean).join(' · ');
}

/** DXF bytes of the released features plus the work area and the grown search area. */
export async function buildDxf(args: { features: StoredFeature[]; workArea: unknown; grownArea: unknown | null }): Promise<Buffer> {
	const out: unknown[] = [];
	const area = (geometry: unknown, name: string) => out.push({ type: 'Feature', geometry, properties: { Layer: name, OGR_STYLE: 'PEN(c:#000000,w:0.5mm)' } });
	area(args.workArea, 'ARBEITSBEREICH');
	if (args.grownArea) area(args.grownArea, 'SUCHBEREICH');
	for (const f of args.features) {
		const p = f.properties;
		const network = String(p.network) as Network;
		const color = NETWORK_INFO[network]?.color ?? '#000000';
		out.push({ type: 'Feature', geometry: f.geometry, properties: { Layer: layerName(`${network}_${p.status}`), OGR_STYLE: `PEN(c:${color})` } });
		const text = label(p);
		if (!text) continue;
		const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates as number[][]] : f.geometry.type === 'MultiLineString' ? (f.geometry.coordinates as number[][][]) : [];
		const longest = lines.sort((a, b) => b.length - a.length)[0];
		const place = longest ? midpointAndAngle(longest) : null;
		if (!place) continue;
		out.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: place.at },
			properties: { Layer: layerName(`${network}_beschriftung`), OGR_STYLE: `LABEL(f:"Arial",t:"${text.replace(/"/g, "'")}",s:0.4g,a:${place.angle.toFixed(1)},c:${color})` }
		});
	}
	const id = randomBytes(6).toString('hex');
	const input = join(GDAL_OUT_DIR, `${id}-dxf.geojson`);
	const output = join(GDAL_OUT_DIR, `${id}.dxf`);
	writeFileSync(input, JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } }, features: out }));
	try {
		await withGdal(async (gdal) => {
			const { datasets } = await gdal.open(input);
			try {
				await gdal.ogr2ogr(datasets[0]!, ['-f', 'DXF'], id);
			} catch (e) {
				throw new Error(`DXF schreiben fehlgeschlagen: ${gdalErrorText(e)}`);
			} finally {
				await gdal.close(datasets[0]!);
			}
		});
		return readFileSync(output);
	} finally {
		rmSync(input, { force: true });
		rmSync(output, { force: true });
	}
}
