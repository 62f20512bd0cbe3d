/**
 * @module pdf/labels
 * Everything the PDF prints as words or numbers: German labels for the model's codes, and dates and
 * numbers formatted the German way. Instants are shown in Europe/Berlin whatever the server's zone.
 */
import { NETWORK_INFO, type Kind, type LineStatus, type Network, type DepthSource } from '$lib/layers/catalogue';
import type { AuskunftStatus, AuskunftType, DateLike, OperatorStatus, WorkClass } from './model';

export const TYPE_LABELS: Record<AuskunftType, string> = {
	bau: 'Bauauskunft',
	planung: 'Planungsauskunft',
	notfall: 'Notfallauskunft'
};

export const WORK_CLASS_LABELS: Record<WorkClass, string> = {
	handschachtung: 'Handschachtung',
	aufgrabung: 'Aufgrabung (maschinell)',
	bohrung: 'Horizontalspülbohrung',
	rammarbeiten: 'Ramm-/Spundarbeiten',
	grossbaustelle: 'Großbaustelle'
};

export const AUSKUNFT_STATUS_LABELS: Record<AuskunftStatus, string> = {
	vorlaeufig: 'VORLÄUFIG – unvollständig, Antworten stehen aus',
	erteilt: 'erteilt',
	unvollstaendig: 'UNVOLLSTÄNDIG – nicht alle Betreiber haben geantwortet',
	abgelaufen: 'ABGELAUFEN – neue Auskunft einholen'
};

export const OPERATOR_STATUS_LABELS: Record<OperatorStatus, string> = {
	betroffen: 'betroffen',
	nicht_betroffen: 'nicht betroffen',
	ausstehend: 'Antwort ausstehend',
	keine_antwort: 'keine Antwort'
};

/** The second line under the status in the Formblatt. */
export const OPERATOR_STATUS_NOTES: Record<OperatorStatus, string> = {
	betroffen: 'Anlagen im Suchraum',
	nicht_betroffen: 'Negativauskunft',
	ausstehend: 'neue Fassung folgt',
	keine_antwort: 'keine Negativauskunft – direkt anfragen'
};

/** Short line-status labels for tables; the legend explains them. */
export const LINE_STATUS_SHORT: Record<LineStatus, string> = {
	in_betrieb: 'in Betrieb',
	ausser_betrieb: 'außer Betrieb¹',
	stillgelegt: 'stillgelegt²',
	geplant: 'geplant'
};

export const DEPTH_SOURCE_LABELS: Record<DepthSource, string> = {
	gemessen: 'gemessen',
	plan: 'aus Plan',
	regelwert: 'Regelwert'
};

export const KIND_SHORT: Record<Kind, string> = {
	leitung: 'Leitung',
	kabel: 'Kabel',
	schutzrohr: 'Schutzrohr',
	freileitung: 'Freileitung',
	mast: 'Mast',
	schacht: 'Schacht',
	armatur: 'Armatur',
	hausanschluss: 'Hausanschl.',
	schutzstreifen: 'Schutzstreifen'
};

/** One- or two-letter network codes printed in line labels, so black-and-white copies stay legible. */
export const NETWORK_CODES: Record<Network, string> = {
	breitband: 'BB',
	telekommunikation: 'TK',
	wasser: 'W',
	abwasser: 'AW',
	gas: 'G',
	strom: 'S',
	fernwaerme: 'FW',
	beleuchtung: 'BL',
	lsa: 'LSA',
	produktenleitung: 'P'
};

export function networkLabel(n: Network): string {
	return NETWORK_INFO[n]?.label ?? n;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const berlinDate = new Intl.DateTimeFormat('de-DE', {
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	timeZone: 'Europe/Berlin'
});
const berlinTime = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });

/** "09.04.2026"; a bare `YYYY-MM-DD` is a calendar date and printed without any zone shift. */
export function fmtDate(value: DateLike | null | undefined): string {
	if (value == null || value === '') return '–';
	if (typeof value === 'string') {
		const m = DATE_ONLY.exec(value);
		if (m) return `${m[3]}.${m[2]}.${m[1]}`;
	}
	const d = new Date(value);
	return Number.isNaN(d.getTime()) ? String(value) : berlinDate.format(d);
}

/** "12.03.2026, 10:15 Uhr" in Europe/Berlin. */
export function fmtDateTime(value: DateLike): string {
	const d = new Date(value);
	if (Number.isNaN(d.getTime())) return String(value);
	return `${berlinDate.format(d)}, ${berlinTime.format(d)} Uhr`;
}

const numberFormats = new Map<number, Intl.NumberFormat>();
/** German number with a fixed number of decimals: 1.234,5 */
export function fmtNumber(value: number, decimals = 0): string {
	let f = numberFormats.get(decimals);
	if (!f) {
		f = new Intl.NumberFormat('de-DE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
		numberFormats.set(decimals, f);
	}
	return f.format(value);
}

/** EPSG:25832 coordinate for grid labels: 704 450 (thin-space groups read better than dots on a plan). */
export function fmtCoordinate(value: number): string {
	return Math.round(value)
		.toString()
		.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** "1:500" */
export function fmtScale(scale: number): string {
	return `1:${scale}`;
}

/** "1,2 m", with "≈" when the depth is only a rule value. */
export function fmtDepth(depthM: number | null, source: DepthSource | null): string | null {
	if (depthM == null) return null;
	return `${source === 'regelwert' ? '≈' : ''}${fmtNumber(depthM, 1)} m`;
}
