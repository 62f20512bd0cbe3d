/**
 * @module strassenraum/text
 * The German words of a cross-section, shared by the drawing, its table and its text alternative:
 * metres with a decimal comma, the side of the axis, depth and where it comes from, the source of a line
 * („Auskunft LA-… gültig bis …“), compass words. Pure.
 */
import { formatDate } from '$lib/format';
import { KIND_LABELS, NETWORK_INFO, STATUS_LABELS, type Kind, type LineStatus, type Network } from '$lib/layers/catalogue';
import type { SectionLine } from '$lib/strassenraum';

const FIXED = new Map<number, Intl.NumberFormat>();

/** A number the German way: 2,37 · 1.250,5 · −0,5 (real minus sign). */
export function formatNumber(value: number, digits = 2): string {
	let f = FIXED.get(digits);
	if (!f) {
		f = new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
		FIXED.set(digits, f);
	}
	// no "−0,00": a value that rounds to zero is zero
	const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
	return f.format(rounded === 0 ? 0 : rounded).replace('-', '−');
}

/** „2,37 m“ */
export function metres(value: number, digits = 2): string {
	return `${formatNumber(value, digits)} m`;
}

/** Closer to the axis than this counts as on it (the offsets come in centimetres). */
const ON_AXIS_M = 0.005;

/** „2,37 m rechts“, „4,65 m links“, „auf der Achse“ — looking along the axis direction. */
export function offsetText(offsetM: number): string {
	if (Math.abs(offsetM) < ON_AXIS_M) return 'auf der Achse';
	return `${metres(Math.abs(offsetM))} ${offsetM > 0 ? 'rechts' : 'links'}`;
}

export const DEPTH_SOURCE_LABELS: Record<string, string> = { gemessen: 'gemessen', plan: 'laut Plan', regelwert: 'Regelwert' };

/** The typical cover of the line's network, drawn where the operator gave no depth. */
export function typicalDepthM(network: string): number {
	return NETWORK_INFO[network as Network]?.typicalDepthM ?? 1;
}

/** „1,32 m (gemessen)“, „1,15 m (laut Plan)“, „unbekannt (üblich ca. 1,50 m)“. */
export function depthText(line: Pick<SectionLine, 'depthM' | 'depthSource' | 'network'>): string {
	if (line.depthM === null) return `unbekannt (üblich ca. ${metres(typicalDepthM(line.network))})`;
	const source = line.depthSource ? DEPTH_SOURCE_LABELS[line.depthSource] ?? line.depthSource : null;
	return source ? `${metres(line.depthM)} (${source})` : metres(line.depthM);
}

/** A network's name without the bracketed detail: „Breitband (Glasfaser)“ → „Breitband“. */
export function networkName(network: string): string {
	const label = NETWORK_INFO[network as Network]?.label ?? network;
	return label.replace(/\s*\(.*\)$/, '');
}

/** „Leitung“, „Kabel, stillgelegt (kann noch in Betrieb sein)“ — the status only when not in operation. */
export function kindText(line: Pick<SectionLine, 'kind' | 'status'>): string {
	const kind = KIND_LABELS[line.kind as Kind] ?? line.kind;
	if (line.status === 'in_betrieb') return kind;
	return `${kind}, ${STATUS_LABELS[line.status as LineStatus] ?? line.status}`;
}

/** „DN 100 · GGG · ND“, „4 Rohre, 2 frei“; „–“ when nothing is known. */
export function dimensionText(line: Pick<SectionLine, 'dimension' | 'material' | 'pressureLevel' | 'voltageLevel' | 'ductsTotal' | 'ductsFree'>): string {
	const parts = [line.dimension, line.material, line.pressureLevel, line.voltageLevel].filter((p): p is string => !!p);
	if (line.ductsTotal !== null) parts.push(`${line.ductsTotal} ${line.ductsTotal === 1 ? 'Rohr' : 'Rohre'}${line.ductsFree !== null ? `, ${line.ductsFree} frei` : ''}`);
	return parts.join(' · ') || '–';
}

/** „Auskunft LA-2026-000001 gültig bis 03.01.2027“ or „eigener Bestand (Wasser Altstadt), Stand 06.12.2026“. */
export function sourceText(source: SectionLine['source']): string {
	if (source.kind === 'auskunft') return `Auskunft ${source.number} gültig bis ${formatDate(source.validUntil)}`;
	return `eigener Bestand (${source.layer}), Stand ${formatDate(source.datenstand)}`;
}

const COMPASS = ['Nord', 'Nordost', 'Ost', 'Südost', 'Süd', 'Südwest', 'West', 'Nordwest'] as const;

/** The nearest of eight compass words for a bearing in degrees clockwise from north. */
export function compassWord(bearingDeg: number): string {
	const i = Math.round((((bearingDeg % 360) + 360) % 360) / 45) % 8;
	return COMPASS[i]!;
}

/** „1 Leitung“, „4 Leitungen“ */
export function linesCount(n: number): string {
	return `${n} ${n === 1 ? 'Leitung' : 'Leitungen'}`;
}
