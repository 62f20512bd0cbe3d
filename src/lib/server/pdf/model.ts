/**
 * @module pdf/model
 * What the PDF renderer needs to know about one document version of a Leitungsauskunft. The Auskunft
 * service fills it; `renderAuskunftPdf` turns it into bytes and nothing else (no DB, no clock, no I/O
 * besides the font files), so the same model always gives the same bytes.
 *
 * Geometries are GeoJSON geometry objects in EPSG:25832 (metres). Instants (`issuedAt`) are printed in
 * Europe/Berlin; calendar dates may be given as `YYYY-MM-DD` strings and are printed as they are.
 */
import type { Network, NetworkFeatureProperties } from '$lib/layers/catalogue';

export type AuskunftType = 'bau' | 'planung' | 'notfall';
export type WorkClass = 'handschachtung' | 'aufgrabung' | 'bohrung' | 'rammarbeiten' | 'grossbaustelle';
export type AuskunftStatus = 'vorlaeufig' | 'erteilt' | 'unvollstaendig' | 'abgelaufen';
export type OperatorStatus = 'betroffen' | 'nicht_betroffen' | 'ausstehend' | 'keine_antwort';

/** An instant (Date or ISO 8601 string) or a calendar date (`YYYY-MM-DD`). */
export type DateLike = Date | string;

export type Position = number[];
export interface PointGeometry {
	type: 'Point';
	coordinates: Position;
}
export interface MultiPointGeometry {
	type: 'MultiPoint';
	coordinates: Position[];
}
export interface LineStringGeometry {
	type: 'LineString';
	coordinates: Position[];
}
export interface MultiLineStringGeometry {
	type: 'MultiLineString';
	coordinates: Position[][];
}
export interface PolygonGeometry {
	type: 'Polygon';
	coordinates: Position[][];
}
export interface MultiPolygonGeometry {
	type: 'MultiPolygon';
	coordinates: Position[][][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
export type Geometry =
	| PointGeometry
	| MultiPointGeometry
	| LineStringGeometry
	| MultiLineStringGeometry
	| PolygonGeometry
	| MultiPolygonGeometry;

export interface PdfContact {
	/** function or person, e.g. "Störungsannahme (24 h)" */
	name: string;
	phone: string;
	email: string;
}

/** One network feature clipped to the operator's grown area (EPSG:25832). */
export interface PdfFeature {
	geometry: Geometry;
	properties: NetworkFeatureProperties;
	/** length of the clipped geometry in metres (0 for points) */
	lengthM: number;
}

export interface PdfOperator {
	name: string;
	networks: Network[];
	status: OperatorStatus;
	/** set by the operator (2 weeks – 12 months); null while no answer exists */
	validUntil: DateLike | null;
	/** date of the layer version(s) used; null while no answer exists */
	datenstand: DateLike | null;
	contacts: { planauskunft: PdfContact; einweisung: PdfContact; stoerung24h: PdfContact };
	einweisungErforderlich: boolean;
	zustimmungErforderlich: boolean;
	schutzanweisung: string;
	/** the search distance used for this operator: max(work-class distance, layer request buffers), metres */
	bufferM?: number;
	/** only drawn for `betroffen`: a pending operator's computed plan is not released yet */
	features: PdfFeature[];
	featureCount: number;
	lengthM: number;
}

/** An operator in the area known from the authority's TöB list but not on the platform. */
export interface PdfExternalOperator {
	name: string;
	networks: string[];
	contact: string;
}

export interface PdfStreet {
	name: string;
	geometry: LineStringGeometry | MultiLineStringGeometry;
}

export interface PdfHouseNumber {
	text: string;
	geometry: PointGeometry;
}

/** Optional basemap content; drawn when present. */
export interface PdfBasemap {
	buildings?: AreaGeometry[];
	parcels?: AreaGeometry[];
	houseNumbers?: PdfHouseNumber[];
}

export interface PdfSite {
	bauherr?: string;
	firma?: string;
	bauleiter?: string;
	mobil?: string;
	strasse?: string;
	hausnummer?: string;
	gemarkung?: string;
	flurstueck?: string;
	/** excavation depth, metres */
	tiefeM?: number | null;
	/** method, e.g. "offene Bauweise", "Spülbohrung" */
	verfahren?: string;
}

export interface AuskunftPdfModel {
	/** e.g. "LA-2026-000123" */
	number: string;
	/** 1, 2, … — every later operator answer issues a new version of the same number */
	documentVersion: number;
	issuedAt: DateLike;
	type: AuskunftType;
	workClass: WorkClass;
	/** the work class's search distance in metres (platform default or configured) */
	workClassDistanceM: number;
	status: AuskunftStatus;
	/** earliest `validUntil` of the answering operators */
	validUntil: DateLike | null;
	requester: { org: string; person: string; email: string; phone?: string };
	site: PdfSite;
	period: { start: DateLike; end: DateLike };
	description: string;
	reference?: string | null;
	/** the drawn work area, EPSG:25832 */
	drawnArea: AreaGeometry;
	/** the drawn area grown by the largest search distance, EPSG:25832 */
	grownArea: AreaGeometry;
	/** area of the drawn work area, m² */
	areaM2: number;
	operators: PdfOperator[];
	externalOperators: PdfExternalOperator[];
	/** street axes for orientation and labels (EPSG:25832) */
	streets: PdfStreet[];
	basemap?: PdfBasemap;
	/** absolute URL of the public verification page, e.g. https://tiefblick.example/verify/LA-2026-000123 */
	verifyUrl: string;
	/** the intermediary named on every page */
	platformName: string;
}
