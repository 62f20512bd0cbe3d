/**
 * @module layers/catalogue
 * The network catalogue: network types, the normalised attribute schema every uploaded layer is mapped
 * to, and plan colours. Shared by server (ingest, validation, PDF) and UI (map styles, legends).
 *
 * Colours follow German plan practice (DIN 2425 / utility plan conventions): Strom red, Gas yellow,
 * Wasser blue, Abwasser brown, Fernwärme violet; Telekommunikation green and Breitband magenta so the two
 * telecom networks stay apart on one fused plan.
 */

export const NETWORKS = [
	'breitband',
	'telekommunikation',
	'wasser',
	'abwasser',
	'gas',
	'strom',
	'fernwaerme',
	'beleuchtung',
	'lsa',
	'produktenleitung'
] as const;
export type Network = (typeof NETWORKS)[number];

export interface NetworkInfo {
	label: string;
	/** line colour on plans and map */
	color: string;
	/** typical cover (Überdeckung) in metres, used as `regelwert` when a depth is missing */
	typicalDepthM: number;
}

export const NETWORK_INFO: Record<Network, NetworkInfo> = {
	breitband: { label: 'Breitband (Glasfaser)', color: '#c2188f', typicalDepthM: 0.6 },
	telekommunikation: { label: 'Telekommunikation', color: '#2e8b3a', typicalDepthM: 0.6 },
	wasser: { label: 'Wasser', color: '#1f5fbf', typicalDepthM: 1.5 },
	abwasser: { label: 'Abwasser', color: '#8b5a2b', typicalDepthM: 2.5 },
	gas: { label: 'Gas', color: '#d4a900', typicalDepthM: 1.0 },
	strom: { label: 'Strom', color: '#d7261e', typicalDepthM: 0.7 },
	fernwaerme: { label: 'Fernwärme', color: '#7b3fa0', typicalDepthM: 1.0 },
	beleuchtung: { label: 'Straßenbeleuchtung', color: '#e36c0a', typicalDepthM: 0.6 },
	lsa: { label: 'Lichtsignalanlagen', color: '#5a6470', typicalDepthM: 0.6 },
	produktenleitung: { label: 'Produktenleitung', color: '#444444', typicalDepthM: 1.2 }
};

export const KINDS = [
	'leitung',
	'kabel',
	'schutzrohr',
	'freileitung',
	'mast',
	'schacht',
	'armatur',
	'hausanschluss',
	'schutzstreifen'
] as const;
export type Kind = (typeof KINDS)[number];

export type GeometryClass = 'line' | 'point' | 'polygon';

/** Which geometry each kind must have (Multi* variants count as the same class). */
export const KIND_GEOMETRY: Record<Kind, GeometryClass> = {
	leitung: 'line',
	kabel: 'line',
	schutzrohr: 'line',
	freileitung: 'line',
	hausanschluss: 'line',
	mast: 'point',
	schacht: 'point',
	armatur: 'point',
	schutzstreifen: 'polygon'
};

export const KIND_LABELS: Record<Kind, string> = {
	leitung: 'Leitung',
	kabel: 'Kabel',
	schutzrohr: 'Schutzrohr / Leerrohr',
	freileitung: 'Freileitung',
	mast: 'Mast',
	schacht: 'Schacht',
	armatur: 'Armatur',
	hausanschluss: 'Hausanschluss',
	schutzstreifen: 'Schutzstreifen'
};

export const STATUSES = ['in_betrieb', 'ausser_betrieb', 'stillgelegt', 'geplant'] as const;
export type LineStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<LineStatus, string> = {
	in_betrieb: 'in Betrieb',
	// an operator's "außer Betrieb" line can be re-energised at any time: treat as live
	ausser_betrieb: 'außer Betrieb (wie in Betrieb behandeln)',
	stillgelegt: 'stillgelegt (kann noch in Betrieb sein)',
	geplant: 'geplant (nur Planungsauskunft)'
};

export const DEPTH_SOURCES = ['gemessen', 'plan', 'regelwert'] as const;
export type DepthSource = (typeof DEPTH_SOURCES)[number];

/** The normalised properties of one network feature after ingest (EPSG:25832 geometry). */
export interface NetworkFeatureProperties {
	/** the operator's own id of the feature; unique within a layer version, used for diffs */
	source_id: string;
	network: Network;
	kind: Kind;
	status: LineStatus;
	material: string | null;
	/** e.g. "DN 150", "4×50 mm", "NAYY 4×150" */
	dimension: string | null;
	/** cover to the crown, metres */
	depth_m: number | null;
	depth_source: DepthSource | null;
	/** e.g. "ND", "MD", "HD" for gas */
	pressure_level: string | null;
	/** e.g. "NS", "MS", "HS" */
	voltage_level: string | null;
	ducts_total: number | null;
	ducts_free: number | null;
	/** positional accuracy, centimetres; above ~50 cm plans draw the line dashed */
	accuracy_cm: number | null;
}

/** Attributes a feature must carry after mapping; the rest may be null. */
export const REQUIRED_PROPERTIES: (keyof NetworkFeatureProperties)[] = ['source_id', 'network', 'kind', 'status'];

/** Positions less accurate than this are drawn dashed ("Lage unsicher"). */
export const UNCERTAIN_ACCURACY_CM = 50;
