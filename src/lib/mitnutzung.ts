/**
 * @module mitnutzung
 * The Mitnutzung check's v1 JSON, shared by the API and the pages: a planned route (EPSG:4326), how much
 * of it runs along existing ducts with free capacity, whose they are, and which coming excavations it
 * could share. Distances along the route in metres from its start.
 */
import type { BaustelleStatus, Lineal } from './baustellen';
import type { Network } from './layers/catalogue';

/** A stretch of the route: metres from its start. */
export interface Section {
	fromM: number;
	toM: number;
}

export interface DuctMatch {
	operator: { id: string; name: string; contact: { name: string; phone: string; email: string } };
	layer: { id: string; name: string };
	network: Network;
	/** e.g. ["4×50 mm"]; empty when the operator gives none */
	dimensions: string[];
	/** free and total ducts over the matched features (they may vary along the route) */
	ductsFree: { min: number; max: number };
	ductsTotal: { min: number | null; max: number | null };
	lengthM: number;
	sections: Section[];
	/** the covered pieces of the route itself (never the duct's own geometry) */
	geometry: Lineal | null;
}

export interface CoLayingChance {
	baustelle: {
		id: string;
		number: string;
		title: string;
		promoter: string;
		streets: string[];
		period: { start: string; end: string };
		status: BaustelleStatus;
		publiclyFunded: boolean;
		networks: string[];
	};
	/** shortest distance between route and footprint, metres (0 = the route runs through it) */
	distanceM: number;
	lengthM: number;
	sections: Section[];
	/** the date by which the promoter should be asked */
	askBy: string;
	/** '§ 146 TKG' for publicly funded works (a right to co-lay), else null (voluntary coordination) */
	legalBasis: string | null;
	/** German, one sentence */
	message: string;
	geometry: Lineal | null;
}

export interface MitnutzungJson {
	id: string;
	number: string;
	title: string;
	createdAt: string;
	route: { lengthM: number; geometry: Lineal };
	corridorM: number;
	/** the co-laying window the calendar was searched in */
	period: { start: string; end: string };
	coverage: { lengthM: number; percent: number; sections: Section[]; geometry: Lineal | null };
	/** stretches with no reusable duct */
	gaps: Section[];
	ducts: DuctMatch[];
	coLaying: CoLayingChance[];
	layerVersions: { layer: string; operator: string; sha256: string }[];
	links: { self: string; page: string };
}

/** How near a duct must run to the route to count as reusable, metres. */
export const CORRIDOR_DEFAULT_M = 5;
export const CORRIDOR_MIN_M = 0.5;
export const CORRIDOR_MAX_M = 25;
/** A route further from an excavation than this cannot share its trench, metres. */
export const COLAYING_DISTANCE_M = 10;
export const MAX_ROUTE_VERTICES = 5_000;
export const MAX_ROUTE_LENGTH_M = 50_000;
