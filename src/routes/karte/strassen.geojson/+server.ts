/**
 * Street lines of Halle's Altstadt for the offline basemap and the street search: OpenStreetMap
 * (ODbL, layers/demo/source/README.md), reduced to name and `lts` class. Public: streets only —
 * this route must never serve network data (DESIGN.md, critical-infrastructure rule).
 * The file is bundled at build time, so the server needs no repository checkout at run time.
 */
import raw from '../../../../layers/demo/source/halle_altstadt_subset.geojson?raw';
import type { RequestHandler } from './$types';

interface SourceFeature {
	id?: string;
	properties: { name?: string; lts?: number };
	geometry: { type: string; coordinates: unknown };
}

let body: string | null = null;

/** Built once: only LineStrings and only the two properties the map uses. */
function streets(): string {
	if (body) return body;
	const source = JSON.parse(raw) as { features: SourceFeature[] };
	const features = source.features
		.filter((f) => f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString')
		.map((f) => ({
			type: 'Feature',
			id: f.id,
			properties: { ...(f.properties.name ? { name: f.properties.name } : {}), lts: f.properties.lts ?? 1 },
			geometry: f.geometry
		}));
	body = JSON.stringify({
		type: 'FeatureCollection',
		attribution: '© OpenStreetMap-Mitwirkende, ODbL 1.0',
		features
	});
	return body;
}

export const GET: RequestHandler = () =>
	new Response(streets(), {
		headers: { 'content-type': 'application/geo+json; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
