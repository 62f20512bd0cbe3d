/**
 * @module kalender/types
 * What the calendar views show of a Baustelle, shared by the server query (server/kalender/query.ts,
 * which re-exports these) and the components. Dates are `YYYY-MM-DD` in Europe/Berlin.
 */
import type { BaustelleStatus, Polygonal, Severity, TrafficImpact, WorkKind } from '$lib/baustellen';

export interface ConflictSummary {
	count: number;
	highest: Severity | null;
	blocking: boolean;
}

export interface CalendarItem {
	id: string;
	number: string;
	title: string;
	status: BaustelleStatus;
	/** actual start where known, else planned */
	start: string;
	/** actual end where known, else planned (never before `start`) */
	end: string;
	/** planned dates confirmed (not estimated) */
	confirmed: boolean;
	streets: string[];
	/** the promoter organisation's name, or 'privat' where the viewer may not know more */
	promoter: string;
	/** '' where the viewer sees only the public fields of a private promoter's Baustelle */
	promoterOrgId: string;
	networks: string[];
	workKind: WorkKind;
	excavation: boolean;
	traffic: TrafficImpact;
	authorities: { id: string; name: string }[];
	/** empty (0, null, false) where the viewer sees only the public fields */
	conflicts: ConflictSummary;
	/** EPSG:4326 */
	footprint: Polygonal;
	/** the viewer's organisation registered it */
	own: boolean;
	/** the viewer sees only the public fields (neither promoter, authority nor platform) */
	publicOnly: boolean;
}

export interface CalendarFilter {
	/** items whose period overlaps [from, to] */
	from?: string;
	to?: string;
	/** any of these networks */
	networks?: string[];
	statuses?: BaustelleStatus[];
	promoterOrgId?: string;
	authorityOrgId?: string;
	/** normalised match on any of the item's streets (case, ß/ss, „Str.“/„Straße“) */
	street?: string;
	/** part of number, title, street or promoter */
	q?: string;
	/** at most this many items (earliest first) */
	limit?: number;
}

export interface MoratoriumItem {
	id: string;
	title: string;
	street: string;
	validFrom: string;
	validUntil: string;
	mode: 'warnung' | 'sperre';
	legalBasis: string;
	status: 'vorgeschlagen' | 'aktiv' | 'aufgehoben';
}

export interface Viewer {
	orgId: string;
	isPlatform: boolean;
}

/** What the map with the time slider needs of an item. */
export type MapItem = Pick<CalendarItem, 'id' | 'number' | 'title' | 'status' | 'start' | 'end' | 'streets' | 'promoter' | 'footprint' | 'conflicts'>;

/** What the list table needs of an item. */
export type TableItem = Pick<
	CalendarItem,
	'id' | 'number' | 'title' | 'status' | 'start' | 'end' | 'confirmed' | 'streets' | 'promoter' | 'traffic' | 'excavation' | 'conflicts' | 'own' | 'publicOnly'
>;
