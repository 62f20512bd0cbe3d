/**
 * @module kalender/colours
 * One palette for the construction calendar, so a status looks the same in the list, the calendars, the
 * timeline, the map and the public atlas. The lifecycle reads as a progression: pale blue (geplant,
 * beantragt) → blue (genehmigt) → orange (in Ausführung: the street is open now) → green (done); storniert
 * is grey and dashed. Red is kept for conflicts, so a red mark always means "look here".
 * Text colours are chosen for ≥ 4.5:1 contrast on their fill.
 */
import type { BaustelleStatus, Severity } from '$lib/baustellen';

export interface StatusColour {
	/** bar and polygon fill */
	fill: string;
	/** outline */
	stroke: string;
	/** text on the fill */
	text: string;
	/** a footprint's outline on the map: saturated enough to read on the basemap at city zoom */
	line: string;
	/** dashed outline (storniert) */
	dashed: boolean;
}

export const STATUS_COLOURS: Record<BaustelleStatus, StatusColour> = {
	geplant: { fill: '#d6e2ee', stroke: '#6f8aa3', text: '#1b2733', line: '#7f97ae', dashed: false },
	beantragt: { fill: '#a9c8e6', stroke: '#4f7ea8', text: '#1b2733', line: '#4f97d6', dashed: false },
	genehmigt: { fill: '#2f6fb0', stroke: '#1f4f82', text: '#ffffff', line: '#245f9e', dashed: false },
	in_ausfuehrung: { fill: '#e8892b', stroke: '#a85a10', text: '#1b2733', line: '#e07a12', dashed: false },
	abgeschlossen: { fill: '#9fcba8', stroke: '#4f8a5c', text: '#1b2733', line: '#5fa56f', dashed: false },
	abgenommen: { fill: '#2e7d4f', stroke: '#1d5434', text: '#ffffff', line: '#2e7d4f', dashed: false },
	storniert: { fill: '#eceff2', stroke: '#8a96a3', text: '#4a5866', line: '#8a96a3', dashed: true }
};

export interface SeverityColour {
	/** marker and badge colour */
	colour: string;
	/** badge background */
	background: string;
}

export const SEVERITY_COLOURS: Record<Severity, SeverityColour> = {
	hoch: { colour: '#a4161a', background: '#f6d5d5' },
	mittel: { colour: '#9a4d00', background: '#fbe3c8' },
	niedrig: { colour: '#6b5a00', background: '#f4ecc2' },
	hinweis: { colour: '#3d5a73', background: '#e3ebf2' }
};

/** A moratorium (Aufbruchsperre) band: hatched, in the err red but faint. */
export const MORATORIUM_COLOUR = { stroke: '#a4161a', fill: 'rgba(164, 22, 26, 0.08)' } as const;
