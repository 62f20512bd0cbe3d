/**
 * @module layers/ingest
 * Upload → validated, normalised, indexed FlatGeobuf in EPSG:25832:
 *   prepareSource (format, zip)
 *   → pass 1, GDAL (reproject.ts): reproject to 25832, unindexed FlatGeobuf on disk
 *   → pass 2, JavaScript (normalise.ts): read it feature by feature (fgb-scan.ts), map attributes,
 *     validate, build the normalised features into a scratch file
 *   → fgb-writer.ts: header, packed Hilbert R-tree, the features in tree order.
 * Measured on 1 M generated lines: see tests/bench/ingest.ts. Nothing here touches the database; the
 * caller stores the result (layers/service.ts).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Network } from '$lib/layers/catalogue';
import { FgbScanner } from './fgb-scan';
import { writeFlatGeobuf } from './fgb-writer';
import { GDAL_OUT_DIR } from './gdal';
import type { AttributeMapping } from './mapping';
import { normalise, type NormaliseStats } from './normalise';
import { reproject } from './reproject';
import { prepareSource, shapefileWithoutPrj, SourceError } from './source';
import { crsLabel, TARGET_EPSG } from './crs';
import type { Finding } from './validate';
import type { Polygon } from './hull';

export { SourceError };

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
	const reprojected = join(GDAL_OUT_DIR, `${id}-25832.fgb`);
	const findings: Finding[] = [];
	const warn = (message: string, code: string) => findings.push({ severity: 'warning', code, feature: 'Datei', message });
	let stats: NormaliseStats | null = null;
	try {
		// 1. GDAL: read whatever came, reproject to 25832, write an unindexed FlatGeobuf
		const opened = await reproject(source.path, opts.crsOverride, `${id}-25832`);
		const meta = opened.meta;
		const partial = { ...base, sourceCrs: meta?.sourceCrs ?? null, sourceFields: meta?.fields.map((f) => f.name) ?? [] };
		if (opened.error) return failed(partial, [fileFinding(opened.error, 'unreadable')]);
		if (meta!.layers > 1) warn(`Die Datei enthält ${meta!.layers} Ebenen; gelesen wurde nur die erste.`, 'several_layers');
		if (/3D|25D|Z$/i.test(meta!.geomType)) warn('Die Geometrien haben Z-Koordinaten; sie wurden verworfen. Tiefen bitte als Attribut depth_m (Überdeckung) liefern.', 'z_dropped');
		if (meta!.sourceCrs === 31468 || meta!.sourceCrs === 31469) {
			warn(`${crsLabel(meta!.sourceCrs)} ohne BETA2007-Gitter umgerechnet: nur metergenau. Für Zentimetergenauigkeit bitte in ETRS89/UTM liefern.`, 'gk_accuracy');
		}

		// 2. stream the features: map, validate, build the normalised features
		const scanner = await FgbScanner.open(reprojected, meta!.fields, { surfaces: /^(TIN|PolyhedralSurface|Triangle)/i.test(meta!.geomType) });
		try {
			stats = await normalise(scanner, { layerNetwork: opts.layerNetwork, mapping: opts.mapping, storePath: join(opts.workDir, 'features.bin') }, findings);
		} finally {
			await scanner.close();
			rmSync(reprojected, { force: true });
		}
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
		if (report.errorCount > 0 || !stats.store) return { report, fgbPath: null, hull: null };

		// 3. the indexed FlatGeobuf, written by us
		const { schema } = stats;
		const columns = schema.columns();
		if (schema.needsRebuild()) {
			const rebuilt = await stats.store.rewrite(join(opts.workDir, 'features-2.bin'), (bytes) => schema.rebuildFeature(bytes, columns));
			await stats.store.remove();
			stats.store = rebuilt;
		}
		const fgbPath = join(opts.workDir, `${id}-layer.fgb`);
		const crs = scanner.crs ?? { org: 'EPSG', code: TARGET_EPSG, name: null, description: null, wkt: null, code_string: null };
		await writeFlatGeobuf(fgbPath, { name: 'netz', geometryType: stats.geometryType, columns, crs }, stats.store);
		report.ok = true;
		return { report, fgbPath, hull: stats.hull };
	} finally {
		// the scratch features are not needed past this point (the work folder goes later, with the upload)
		await stats?.store?.remove();
		rmSync(reprojected, { force: true });
	}
}
