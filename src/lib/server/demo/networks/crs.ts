/**
 * @module demo/networks/crs
 * EPSG:4326 ↔ EPSG:25832 for the demo generator. The generator works in metres; the files it
 * writes are RFC 7946 GeoJSON (lon/lat, WGS 84) so any client reads them without a CRS member.
 */
import proj4 from 'proj4';
import type { Pt } from './geometry';

// ETRS89 and WGS 84 differ by decimetres; for demo data the null transformation is what GDAL does too
const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const converter = proj4('EPSG:4326', UTM32);

/** lon/lat (EPSG:4326) → easting/northing (EPSG:25832), metres. */
export function toUtm(lonLat: readonly number[]): Pt {
	const [x, y] = converter.forward([lonLat[0]!, lonLat[1]!]);
	return [x!, y!];
}

/** easting/northing (EPSG:25832) → lon/lat (EPSG:4326), rounded to 7 decimals (~1 cm). */
export function toLonLat(p: Pt): Pt {
	const [lon, lat] = converter.inverse([p[0], p[1]]);
	return [round7(lon!), round7(lat!)];
}

function round7(v: number): number {
	return Math.round(v * 1e7) / 1e7;
}
