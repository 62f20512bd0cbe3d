/**
 * @module strassenraum
 * The cross-section of the street space as the API gives it (GET /api/v1/strassenraum): which lines a
 * section square to the street axis crosses, how far from the axis (right positive, looking along the
 * axis) and how deep. Shared by the API and the pages.
 */
import type { Network } from './layers/catalogue';

export interface SectionLine {
	operator: { id: string; name: string };
	network: Network;
	kind: string;
	status: string;
	dimension: string | null;
	material: string | null;
	/** metres from the street axis; right of its direction positive */
	offsetM: number;
	side: 'links' | 'rechts' | 'Achse';
	/** angle to the street axis, 0–90° (0 = along the street, 90 = straight across) */
	angleDeg: number;
	/** cover to the crown, metres */
	depthM: number | null;
	depthSource: string | null;
	accuracyCm: number | null;
	ductsTotal: number | null;
	ductsFree: number | null;
	pressureLevel: string | null;
	voltageLevel: string | null;
	/** where the line came from: the operator's own current data, or an Auskunft of the caller's org */
	source: { kind: 'eigene_daten'; layer: string; datenstand: string } | { kind: 'auskunft'; number: string; validUntil: string };
}

export interface WithheldOperator {
	operator: { id: string; name: string };
	networks: string[];
	/** why no lines are shown, and what to do (German) */
	reason: string;
}

export interface StrassenraumJson {
	/** the asked point, EPSG:4326 */
	at: [number, number];
	street: { name: string; distanceM: number };
	section: {
		halfWidthM: number;
		bearingDeg: number;
		/** the foot of the asked point on the axis */
		foot: [number, number];
		/** left end → right end, EPSG:4326 */
		line: { type: 'LineString'; coordinates: [number, number][] };
		/**
		 * Offsets (metres, right positive) where the caller's Auskünfte reach: other operators' lines are
		 * known only there; elsewhere the section shows the caller's own network alone.
		 */
		covered: { fromM: number; toM: number }[];
	};
	/** the networks of `lines`, in order of first appearance from left to right */
	networks: Network[];
	lines: SectionLine[];
	/** operators with coverage here whose lines the caller may not see at this point */
	withheld: WithheldOperator[];
	/** operators that answered „nicht betroffen“ for this place in a valid Auskunft */
	notAffected: { id: string; name: string }[];
}

export const HALF_WIDTH_DEFAULT_M = 15;
export const HALF_WIDTH_MAX_M = 50;
/** how far the asked point may lie from a street axis */
export const STREET_SEARCH_M = 40;
