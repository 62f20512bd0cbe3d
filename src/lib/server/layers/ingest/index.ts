/**
 * @module layers/ingest
 * Upload → validated, normalised, indexed FlatGeobuf in EPSG:25832:
 *   prepareSource (format, zip) → GDAL: reproject to 25832 as GeoJSON on disk → stream it feature by
 *   feature: map attributes, validate, write normalised GeoJSON → GDAL: FlatGeobuf with packed R-tree.
 * Nothing here touches the database; the caller stores the result (layers/service.ts).
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { Network } from '$lib/layers/catalogue';
import { GDAL_OUT_DIR, gdalErrorText, withGdal, type GdalVectorInfo } from './gdal';
import { applyMapping, type AttributeMapping } from './mapping';
import { prepareSource, shapefileWithoutPrj, SourceError } from './source';
import { acceptedList, ACCEPTED_CRS, crsLabel, recogniseCrs, TARGET_EPSG } from './crs';
import { validateFeature, type Finding, type Geometry } from './validate';
import { HullCollector, type Polygon } from './hull';

export { SourceError };

/** At most this many findings are listed; all are counted. */
const MAX_LISTED = 500;

export interface IngestOptions {
	layerNetwork: Network;
	mapping: AttributeMapping;
	/** EPSG code the user says the file is in, overriding what the file says */
	crsOverride: number | null;
	/** a fresh folder for this upload, removed by the caller */
	workDir: string;
}

export interface IngestReport {
	ok: boolean;
	format: string | null;
	sourceCrs: number | null;
	sourceFields: string[];
	featureCount: number;
	errorCount: number;
	warningCount: number;
	findings: Finding[];
	/** [minX, minY, maxX, maxY] in EPSG:25832 */
	extent: [number, number, number, number] | null;
}

export interface IngestResult {
	report: IngestReport;
	/** the indexed FlatGeobuf, only when the report has no errors; the caller moves or deletes it */
	fgbPath: string | null;
	/** convex hull of the features (EPSG:25832) */
	hull: Polygon | null;
}

function fileFinding(message: string, code = 'file'): Finding {
	return { severity: 'error', code, feature: 'Datei', message };
}

function failed(report: Partial<IngestReport>, findings: Finding[]): IngestResult {
	return {
		report: {
			ok: false,
			format: null,
			sourceCrs: null,
			sourceFields: [],
			featureCount: 0,
			extent: null,
			...report,
			errorCount: findings.filter((f) => f.severity === 'error').length,
			warningCount: findings.filter((f) => f.severity === 'warning').length,
			findings
		},
		fgbPath: null,
		hull: null
	};
}

export async function ingestFile(uploadPath: string, originalName: string, opts: IngestOptions): Promise<IngestResult> {
	let source;
	try {
		source = await prepareSource(uploadPath, originalName, opts.workDir);
	} catch (e) {
		if (e instanceof SourceError) return failed({}, [fileFinding(e.message)]);
		throw e;
	}
	const base = { format: source.format };
	if (opts.crsOverride === null && shapefileWithoutPrj(source)) {
		return failed(base, [
			fileFinding('Zum Shapefile fehlt die .prj-Datei (Koordinatensystem). Bitte mitliefern oder das Koordinatensystem beim Hochladen angeben.', 'missing_prj')
		]);
	}

	const id = randomBytes(6).toString('hex');
	const reprojected = join(GDAL_OUT_DIR, `${id}-25832.geojson`);
	const normalised = join(opts.workDir, 'normalised.geojson');
	const findings: Finding[] = [];
	const warn = (message: string, code: string) => findings.push({ severity: 'warning', code, feature: 'Datei', message });
	try {
		// 1. GDAL: read whatever came, reproject to 25832, write GeoJSON (one feature per line)
		const opened = await withGdal(async (gdal) => {
			let result;
			try {
				result = await gdal.open(source.path);
			} catch (e) {
				return { error: `Die Datei lässt sich nicht lesen (${gdalErrorText(e)}). Ist sie vollständig und im angegebenen Format?` };
			}
			const dataset = result.datasets[0];
			if (!dataset?.info?.layers?.length) {
				if (dataset) await gdal.close(dataset);
				return { error: 'Die Datei enthält keine Vektordaten.' };
			}
			const info = dataset.info as GdalVectorInfo;
			const layer = info.layers[0]!;
			const geomField = layer.geometryFields[0];
			const fileCrs = recogniseCrs(geomField?.coordinateSystem);
			const sourceCrs = opts.crsOverride ?? fileCrs;
			const meta = { sourceCrs, fields: layer.fields.map((f) => f.name), count: layer.featureCount, layers: info.layers.length, geomType: geomField?.type ?? '' };
			if (sourceCrs === null) {
				await gdal.close(dataset);
				return { meta, error: 'Die Datei nennt kein Koordinatensystem. Bitte beim Hochladen angeben (z. B. EPSG:25832).' };
			}
			if (sourceCrs === 0 || !ACCEPTED_CRS[sourceCrs]) {
				await gdal.close(dataset);
				return { meta, error: `Koordinatensystem der Datei wird nicht angenommen. Erlaubt: ${acceptedList()}. Bitte umprojizieren oder das richtige System angeben.` };
			}
			const args = ['-f', 'GeoJSON', '-t_srs', `EPSG:${TARGET_EPSG}`, '-dim', 'XY', '-lco', 'COORDINATE_PRECISION=3', '-lco', 'WRITE_BBOX=NO'];
			if (opts.crsOverride !== null) args.push('-s_srs', `EPSG:${opts.crsOverride}`);
			args.push(layer.name);
			try {
				await gdal.ogr2ogr(dataset, args, `${id}-25832`);
			} catch (e) {
				return { meta, error: `Umprojektion fehlgeschlagen: ${gdalErrorText(e)}` };
			} finally {
				await gdal.close(dataset);
			}
			return { meta, error: null };
		});
		const meta = opened.meta;
		const partial = { ...base, sourceCrs: meta?.sourceCrs ?? null, sourceFields: meta?.fields ?? [] };
		if (opened.error) return failed(partial, [fileFinding(opened.error, 'unreadable')]);
		if (meta!.layers > 1) warn(`Die Datei enthält ${meta!.layers} Ebenen; gelesen wurde nur die erste.`, 'several_layers');
		if (/3D|25D|Z$/i.test(meta!.geomType)) warn('Die Geometrien haben Z-Koordinaten; sie wurden verworfen. Tiefen bitte als Attribut depth_m (Überdeckung) liefern.', 'z_dropped');
		if (meta!.sourceCrs === 31468 || meta!.sourceCrs === 31469) {
			warn(`${crsLabel(meta!.sourceCrs)} ohne BETA2007-Gitter umgerechnet: nur metergenau. Für Zentimetergenauigkeit bitte in ETRS89/UTM liefern.`, 'gk_accuracy');
		}

		// 2. stream the features: map, validate, write the normalised file
		const stats = await normalise(reprojected, normalised, opts, findings);
		const report: IngestReport = {
			ok: false,
			...partial,
			featureCount: stats.count,
			extent: stats.count ? stats.extent : null,
			errorCount: 0,
			warningCount: 0,
			findings: []
		};
		if (stats.count === 0) findings.unshift(fileFinding('Die Datei enthält keine Objekte.', 'empty'));
		report.errorCount = findings.filter((f) => f.severity === 'error').length + stats.unlistedErrors;
		report.warningCount = findings.filter((f) => f.severity === 'warning').length + stats.unlistedWarnings;
		report.findings = findings;
		if (report.errorCount > 0) return { report, fgbPath: null, hull: null };

		// 3. GDAL: indexed FlatGeobuf
		const fgbName = `${id}-layer`;
		const fgbError = await withGdal(async (gdal) => {
			const { datasets } = await gdal.open(normalised);
			try {
				await gdal.ogr2ogr(datasets[0]!, ['-f', 'FlatGeobuf', '-lco', 'SPATIAL_INDEX=YES', '-nln', 'netz', '-a_srs', `EPSG:${TARGET_EPSG}`], fgbName);
				return null;
			} catch (e) {
				return gdalErrorText(e);
			} finally {
				await gdal.close(datasets[0]!);
			}
		});
		if (fgbError) throw new Error(`FlatGeobuf schreiben fehlgeschlagen: ${fgbError}`);
		report.ok = true;
		return { report, fgbPath: join(GDAL_OUT_DIR, `${fgbName}.fgb`), hull: stats.hull };
	} finally {
		rmSync(reprojected, { force: true });
	}
}

interface NormaliseStats {
	count: number;
	extent: [number, number, number, number];
	unlistedErrors: number;
	unlistedWarnings: number;
	hull: Polygon | null;
}

async function normalise(input: string, output: string, opts: IngestOptions, findings: Finding[]): Promise<NormaliseStats> {
	const out = createWriteStream(output);
	out.write(`{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::${TARGET_EPSG}"}},"features":[\n`);
	const seen = new Set<string>();
	const extent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	let count = 0;
	let unlistedErrors = 0;
	let unlistedWarnings = 0;
	const mapping = opts.mapping;
	const hull = new HullCollector();

	const lines = createInterface({ input: createReadStream(input, 'utf8'), crlfDelay: Infinity });
	for await (const raw of lines) {
		// GDAL's GeoJSON writer puts each feature on its own line: `{ "type": "Feature", … },`
		if (!raw.startsWith('{ "type": "Feature"')) continue;
		const feature = JSON.parse(raw.endsWith(',') ? raw.slice(0, -1) : raw) as { properties: Record<string, unknown> | null; geometry: Geometry | null };
		const mapped = applyMapping(feature.properties ?? {}, mapping);
		// a layer holds one network: features that do not say which belong to the layer's
		if (mapped.properties.network === null) mapped.properties.network = opts.layerNetwork;
		const result = validateFeature(feature.geometry, mapped, { index: count, layerNetwork: opts.layerNetwork });
		const sourceId = mapped.properties.source_id;
		if (sourceId !== null) {
			if (seen.has(String(sourceId))) {
				result.push({ severity: 'error', code: 'duplicate_source_id', feature: `Objekt ${count + 1} (source_id ${sourceId})`, message: `source_id „${sourceId}“ kommt mehrfach vor; sie muss je Objekt eindeutig sein.` });
			}
			seen.add(String(sourceId));
		}
		for (const f of result) {
			if (findings.length < MAX_LISTED) findings.push(f);
			else if (f.severity === 'error') unlistedErrors++;
			else unlistedWarnings++;
		}
		if (feature.geometry) {
			growExtent(extent, feature.geometry);
			hull.addCoordinates(feature.geometry.coordinates);
		}
		const line = JSON.stringify({ type: 'Feature', properties: mapped.properties, geometry: feature.geometry });
		if (!out.write((count ? ',\n' : '') + line)) await once(out, 'drain');
		count++;
	}
	out.end('\n]}\n');
	await once(out, 'finish');
	return { count, extent, unlistedErrors, unlistedWarnings, hull: hull.hull() };
}

function growExtent(extent: [number, number, number, number], g: Geometry): void {
	const walk = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') {
			const [x, y] = c as number[];
			if (x! < extent[0]) extent[0] = x!;
			if (y! < extent[1]) extent[1] = y!;
			if (x! > extent[2]) extent[2] = x!;
			if (y! > extent[3]) extent[3] = y!;
		} else if (Array.isArray(c)) for (const x of c) walk(x);
	};
	walk(g.coordinates);
}
