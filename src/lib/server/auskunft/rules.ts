/**
 * @module auskunft/rules
 * The domain rules of a Leitungsauskunft (DESIGN.md, "What an Auskunft says"), pure: work classes and
 * their distances, area limits per type, which buffer a layer gets, each operator's status and the
 * Auskunft's overall status and validity.
 */

export {
	AUSKUNFT_TYPES,
	AREA_LIMIT_M2,
	TYPE_LABELS,
	WORK_CLASSES,
	WORK_CLASS_DISTANCE_M,
	WORK_CLASS_LABELS,
	type AuskunftType,
	type WorkClass
} from '$lib/auskunft';
import { WORK_CLASS_DISTANCE_M, type AuskunftType, type WorkClass } from '$lib/auskunft';

export const MIN_DISTANCE_M = 5;

/** The distance a layer's features are searched within: the larger of work class and layer buffer. */
export function bufferFor(workClass: WorkClass, layerRequestBufferM: number | null): number {
	return Math.max(MIN_DISTANCE_M, WORK_CLASS_DISTANCE_M[workClass], layerRequestBufferM ?? 0);
}

export type OperatorStatus = 'betroffen' | 'nicht_betroffen' | 'ausstehend' | 'keine_antwort';
export type AuskunftStatus = 'vorlaeufig' | 'erteilt' | 'unvollstaendig' | 'abgelaufen';

export const OPERATOR_STATUS_LABELS: Record<OperatorStatus, string> = {
	betroffen: 'betroffen',
	nicht_betroffen: 'nicht betroffen',
	ausstehend: 'Antwort ausstehend',
	keine_antwort: 'keine Antwort (nicht als Negativauskunft werten)'
};

export interface OperatorPolicy {
	answerMode: 'automatic' | 'manual';
	/** data complete incl. Hausanschlüsse: only then may "nicht betroffen" be given automatically */
	dataComplete: boolean;
}

/**
 * The automatic answer for one operator whose coverage the grown area touches. Lines found → betroffen
 * (unless the operator releases manually); none found → nicht_betroffen only for operators who
 * declared complete data, otherwise the request waits in their inbox. Notfall never waits.
 */
export function initialOperatorStatus(featureCount: number, policy: OperatorPolicy, type: AuskunftType): OperatorStatus {
	if (type === 'notfall') return featureCount > 0 ? 'betroffen' : policy.dataComplete ? 'nicht_betroffen' : 'betroffen';
	if (policy.answerMode === 'manual') return 'ausstehend';
	if (featureCount > 0) return 'betroffen';
	return policy.dataComplete ? 'nicht_betroffen' : 'ausstehend';
}

export function auskunftStatus(operatorStatuses: OperatorStatus[], validUntil: string, today: string): AuskunftStatus {
	if (validUntil < today) return 'abgelaufen';
	if (operatorStatuses.includes('ausstehend')) return 'vorlaeufig';
	if (operatorStatuses.includes('keine_antwort')) return 'unvollstaendig';
	return 'erteilt';
}

/** ISO date (YYYY-MM-DD) `days` after `from`, in Europe/Berlin calendar days. */
export function addDays(from: string, days: number): string {
	const d = new Date(`${from}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** Today in Europe/Berlin as YYYY-MM-DD (the server may run in UTC). */
export function berlinDate(instant: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The Auskunft is valid until its earliest operator validity. */
export function overallValidUntil(operatorValidUntil: string[], fallback: string): string {
	return operatorValidUntil.length ? operatorValidUntil.reduce((a, b) => (b < a ? b : a)) : fallback;
}

/** "LA-2026-000123" */
export function formatNumber(year: number, seq: number): string {
	return `LA-${year}-${String(seq).padStart(6, '0')}`;
}
