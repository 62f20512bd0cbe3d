/**
 * @module demo/networks/crs
 * The generator's view of $lib/geo/crs: it works in metres (EPSG:25832) and writes RFC 7946 GeoJSON
 * (lon/lat rounded to 7 decimals, ~1 cm) so any client reads the files without a CRS member.
 */
import { lonLatToUtm, utmToLonLat } from '$lib/geo/crs';
import type { Pt } from './geometry';

/** lon/lat (EPSG:4326) → easting/northing (EPSG:25832), metres. */
export function toUtm(lonLat: readonly number[]): Pt {
	return lonLatToUtm(lonLat as number[]);
}

/** easting/northing (EPSG:25832) → lon/lat (EPSG:4326), rounded to 7 decimals. */
export function toLonLat(p: Pt): Pt {
	const [lon, lat] = utmToLonLat(p);
	return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}
