/**
 * @module layers/ingest/crs
 * The coordinate reference systems accepted on upload and how to recognise them in what GDAL reports.
 * Everything is stored in EPSG:25832 (ETRS89 / UTM 32N, Sachsen-Anhalt's official CRS).
 */
export const TARGET_EPSG = 25832;

export const ACCEPTED_CRS: Record<number, string> = {
	25832: 'ETRS89 / UTM Zone 32N',
	25833: 'ETRS89 / UTM Zone 33N',
	31468: 'DHDN / Gauß-Krüger Zone 4',
	31469: 'DHDN / Gauß-Krüger Zone 5',
	4326: 'WGS 84 (geografisch)',
	3857: 'WGS 84 / Pseudo-Mercator (Web-Karten)'
};

/** Names Esri-style .prj files use for the same systems (no EPSG code inside). */
const NAME_TO_EPSG: Record<string, number> = {
	etrs89_utm_zone_32n: 25832,
	etrs_1989_utm_zone_32n: 25832,
	etrs89_utm32: 25832,
	etrs89_utm_zone_33n: 25833,
	etrs_1989_utm_zone_33n: 25833,
	dhdn_3_degree_gauss_kruger_zone_4: 31468,
	dhdn_3_degree_gauss_zone_4: 31468,
	dhdn_gauss_kruger_zone_4: 31468,
	dhdn_3_degree_gauss_kruger_zone_5: 31469,
	dhdn_3_degree_gauss_zone_5: 31469,
	wgs_84: 4326,
	gcs_wgs_1984: 4326,
	wgs_84_pseudo_mercator: 3857,
	wgs_1984_web_mercator_auxiliary_sphere: 3857
};

export interface CrsDescription {
	wkt?: string;
	projjson?: { name?: string; id?: { authority: string; code: number } };
}

/** EPSG code of a GDAL coordinate system, or null when none is given; 0 when given but unknown to us. */
export function recogniseCrs(cs: CrsDescription | undefined): number | null {
	if (!cs || (!cs.wkt && !cs.projjson)) return null;
	const id = cs.projjson?.id;
	if (id && id.authority === 'EPSG' && ACCEPTED_CRS[id.code]) return id.code;
	const name = (cs.projjson?.name ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
	if (NAME_TO_EPSG[name]) return NAME_TO_EPSG[name];
	const wktId = /ID\["EPSG",(\d+)\]\]\s*$/.exec(cs.wkt ?? '');
	if (wktId && ACCEPTED_CRS[Number(wktId[1])]) return Number(wktId[1]);
	return 0;
}

export function crsLabel(epsg: number): string {
	return `EPSG:${epsg} (${ACCEPTED_CRS[epsg] ?? 'unbekannt'})`;
}

export function acceptedList(): string {
	return Object.entries(ACCEPTED_CRS)
		.map(([code, name]) => `EPSG:${code} ${name}`)
		.join(', ');
}
