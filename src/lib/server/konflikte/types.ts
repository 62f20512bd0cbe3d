/**
 * @module konflikte/types
 * What the conflict engine sees and says. Everything here is plain data: the engine is pure, the
 * database service (load.ts and the lead's service) maps rows onto these shapes.
 * Geometries are EPSG:25832 (metres); dates are calendar dates `YYYY-MM-DD` (Europe/Berlin).
 */
import type { BaustelleStatus, ConflictKind, Duct, Exemption, Polygonal, Severity } from '$lib/baustellen';

/** [minX, minY, maxX, maxY], EPSG:25832 */
export type Bbox = [number, number, number, number];

/** A Baustelle as the engine sees it. */
export interface Candidate {
	id: string;
	number: string;
	title: string;
	/** the promoter org's name, or 'privat' for a private Bauherr (never a natural person's name) */
	promoter: string;
	footprint: Polygonal;
	bbox: Bbox;
	/** effective window, inclusive: actual dates where known, else planned (see load.ts#effectiveWindow) */
	start: string;
	end: string;
	excavation: boolean;
	publiclyFunded: boolean;
	exemption: Exemption;
	streets: string[];
	status: BaustelleStatus;
	networks: string[];
	ducts: Duct[];
}

export interface MoratoriumInput {
	id: string;
	title: string;
	area: Polygonal;
	bbox: Bbox;
	validFrom: string;
	validUntil: string;
	mode: 'warnung' | 'sperre';
	exemptions: Exemption[];
	legalBasis: string;
}

export interface ConflictSettings {
	/** footprints at most this far apart (metres) are neighbours; default 50 */
	distanceM: number;
	/** months 1–12 in which an excavation gets the frost hint; default [12, 1, 2] */
	frostMonths: number[];
	/** co-laying: starts at most this many calendar months apart; default 6 */
	colayingMonths: number;
	/** co-laying: the partner must be asked this many days before the earlier start; default 42 */
	colayingLeadDays: number;
}

export interface Finding {
	kind: ConflictKind;
	severity: Severity;
	blocking: boolean;
	/** German, one sentence a Tiefbauamt clerk understands */
	message: string;
	otherId?: string;
	moratoriumId?: string;
	/** kind-specific figures, e.g. distanceM, overlapDays, sameStreet, street, askBy, tkg146 */
	details: Record<string, unknown>;
}

export const DEFAULT_SETTINGS: ConflictSettings = Object.freeze({
	distanceM: 50,
	frostMonths: Object.freeze([12, 1, 2]) as number[],
	colayingMonths: 6,
	colayingLeadDays: 42
});
