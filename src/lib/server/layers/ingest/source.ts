/**
 * @module layers/ingest/source
 * Turns an uploaded file into one file GDAL can open: checks the format by its first bytes (not only
 * its name), unpacks zip archives safely, and checks that a Shapefile brings its companions.
 */
import { openSync, readSync, closeSync, renameSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { config } from '../../config';
import { ArchiveError, unpackZip } from './archive';

export class SourceError extends Error {}

export interface Source {
	/** the file to open with GDAL */
	path: string;
	format: string;
}

const SINGLE_FILE: Record<string, string> = {
	'.geojson': 'GeoJSON',
	'.json': 'GeoJSON',
	'.gpkg': 'GeoPackage',
	'.dxf': 'DXF',
	'.fgb': 'FlatGeobuf',
	'.gml': 'GML',
	'.kml': 'KML'
};

function head(path: string, n = 8): Buffer {
	const fd = openSync(path, 'r');
	try {
		const buf = Buffer.alloc(n);
		const read = readSync(fd, buf, 0, n, 0);
		return buf.subarray(0, read);
	} finally {
		closeSync(fd);
	}
}

const ACCEPTED = 'GeoJSON, Shapefile (als ZIP), GeoPackage, DXF, FlatGeobuf oder GML';

/** Prepares `uploadPath` (named `originalName` by the user) inside `workDir`. */
export async function prepareSource(uploadPath: string, originalName: string, workDir: string): Promise<Source> {
	const ext = extname(originalName).toLowerCase();
	const magic = head(uploadPath);
	if (magic.length === 0) throw new SourceError('Die Datei ist leer.');
	if (magic[0] === 0x4d && magic[1] === 0x5a) {
		throw new SourceError('Die Datei ist ein Programm (Windows-EXE), keine Geodaten. Erlaubt: ' + ACCEPTED + '.');
	}
	const isZip = magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04;
	// only .zip is unpacked: .xlsx, .docx, .ods are zip containers too, but no geodata
	if (ext === '.zip') {
		if (!isZip) throw new SourceError('Die Datei ist kein gültiges ZIP-Archiv (beschädigt oder ein anderes Format mit der Endung .zip).');
		return fromZip(uploadPath, join(workDir, 'zip'));
	}
	if (ext === '.shp' || ext === '.dbf' || ext === '.shx') {
		throw new SourceError('Shapefiles bitte als ZIP hochladen, mit .shp, .shx, .dbf, .prj (und .cpg für die Zeichenkodierung).');
	}
	const format = SINGLE_FILE[ext];
	if (!format) throw new SourceError(`Dateiformat „${ext || 'ohne Endung'}“ wird nicht unterstützt. Erlaubt: ${ACCEPTED}.`);
	if (format === 'GeoPackage' && magic.subarray(0, 6).toString() !== 'SQLite') {
		throw new SourceError('Die Datei heißt .gpkg, ist aber keine GeoPackage-Datenbank.');
	}
	if (format === 'FlatGeobuf' && !(magic[0] === 0x66 && magic[1] === 0x67 && magic[2] === 0x62)) {
		throw new SourceError('Die Datei heißt .fgb, ist aber keine FlatGeobuf-Datei.');
	}
	const path = join(workDir, `source${ext}`);
	renameSync(uploadPath, path);
	return { path, format };
}

async function fromZip(zipPath: string, dir: string): Promise<Source> {
	let files: string[];
	try {
		files = await unpackZip(zipPath, dir, {
			maxUnpackedBytes: config.zipMaxUnpackedBytes,
			maxRatio: config.zipMaxRatio,
			maxEntries: 1000
		});
	} catch (e) {
		if (e instanceof ArchiveError) throw new SourceError(e.message);
		throw e;
	}
	const shps = files.filter((f) => f.toLowerCase().endsWith('.shp'));
	if (shps.length > 1) throw new SourceError(`Das ZIP enthält ${shps.length} Shapefiles (${shps.join(', ')}). Bitte eines je Upload.`);
	if (shps.length === 1) {
		const shp = shps[0]!;
		const base = shp.slice(0, -4);
		const has = (ext: string) => files.some((f) => f.toLowerCase() === (base + ext).toLowerCase());
		if (!has('.dbf')) throw new SourceError(`Zum Shapefile „${shp}“ fehlt die .dbf-Datei mit den Attributen. Bitte mit ins ZIP packen.`);
		if (!has('.shx')) throw new SourceError(`Zum Shapefile „${shp}“ fehlt die .shx-Datei (Index). Bitte mit ins ZIP packen.`);
		return { path: join(dir, shp), format: 'Shapefile' };
	}
	const singles = files.filter((f) => SINGLE_FILE[extname(f).toLowerCase()]);
	if (singles.length === 1) return { path: join(dir, singles[0]!), format: SINGLE_FILE[extname(singles[0]!).toLowerCase()]! };
	if (singles.length > 1) throw new SourceError(`Das ZIP enthält mehrere Geodatendateien (${singles.join(', ')}). Bitte eine je Upload.`);
	throw new SourceError(`Im ZIP wurden keine Geodaten gefunden (erwartet: ${ACCEPTED}). Gefunden: ${files.slice(0, 8).join(', ')}.`);
}

/** True when a Shapefile came without a .prj (its CRS must then be given explicitly). */
export function shapefileWithoutPrj(source: Source): boolean {
	if (source.format !== 'Shapefile') return false;
	const dir = source.path.slice(0, source.path.lastIndexOf('/'));
	const base = source.path.slice(source.path.lastIndexOf('/') + 1, -4).toLowerCase();
	return !readdirSync(dir).some((f) => f.toLowerCase() === `${base}.prj`);
}
