/**
 * @module auskunft
 * Request types, their area limits and the work classes with their search distances (DESIGN.md,
 * "What an Auskunft says"). Shared: the map checks a drawing in the browser by the same numbers the
 * server enforces.
 */

export const AUSKUNFT_TYPES = ['bau', 'planung', 'notfall'] as const;
export type AuskunftType = (typeof AUSKUNFT_TYPES)[number];

export const TYPE_LABELS: Record<AuskunftType, string> = {
	bau: 'Bauauskunft',
	planung: 'Planungsauskunft',
	notfall: 'Notfallauskunft'
};

/** Largest drawn area per type, m² (the limit applies to the DRAWN area, not the grown one). */
export const AREA_LIMIT_M2: Record<AuskunftType, number> = {
	bau: 1_000_000,
	planung: 6_250_000,
	notfall: 250_000
};

export const WORK_CLASSES = ['handschachtung', 'aufgrabung', 'bohrung', 'rammarbeiten', 'grossbaustelle'] as const;
export type WorkClass = (typeof WORK_CLASSES)[number];

/** Platform defaults; never below MIN_DISTANCE_M. */
export const WORK_CLASS_DISTANCE_M: Record<WorkClass, number> = {
	handschachtung: 5,
	aufgrabung: 10,
	bohrung: 20,
	rammarbeiten: 30,
	grossbaustelle: 50
};

export const WORK_CLASS_LABELS: Record<WorkClass, string> = {
	handschachtung: 'Handschachtung',
	aufgrabung: 'Aufgrabung',
	bohrung: 'Bohrung (Horizontalspülbohrung)',
	rammarbeiten: 'Ramm-/Spundarbeiten',
	grossbaustelle: 'Großbaustelle'
};

/**
 * Where Tiefblick answers requests: Sachsen-Anhalt, as its bounding box in EPSG:4326 [west, south,
 * east, north] — a generous stand-in until the state boundary is imported as a basemap layer. A work
 * area outside it is refused before anything is computed.
 */
export const SERVICE_AREA_BBOX: [number, number, number, number] = [10.5, 50.9, 13.3, 53.1];

export const SERVICE_AREA_NAME = 'Sachsen-Anhalt';

/** The service area as a GeoJSON polygon (EPSG:4326), for the map's check while drawing. */
export function serviceAreaPolygon(): { type: 'Polygon'; coordinates: number[][][] } {
	const [w, s, e, n] = SERVICE_AREA_BBOX;
	return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}
