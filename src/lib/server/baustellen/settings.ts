/**
 * @module baustellen/settings
 * A road authority's settings for its area: conflict distance, frost months, the moratorium length
 * proposed after an accepted surface, the co-laying window and permit periods. Missing rows mean
 * the platform defaults.
 */
import type { Db } from '../db';
import { DEFAULT_SETTINGS, type ConflictSettings } from '../konflikte/types';
import { periodsFor, parsePeriodOverrides } from '../genehmigungen/periods';
import type { Problem } from './input';

export interface AuthoritySettings {
	conflictDistanceM: number;
	frostMonths: number[];
	moratoriumYears: number;
	colayingMonths: number;
	permitPeriods: Record<string, unknown>;
}

export const DEFAULT_AUTHORITY_SETTINGS: AuthoritySettings = {
	conflictDistanceM: DEFAULT_SETTINGS.distanceM,
	frostMonths: DEFAULT_SETTINGS.frostMonths,
	moratoriumYears: 5,
	colayingMonths: DEFAULT_SETTINGS.colayingMonths,
	permitPeriods: {}
};

export async function getAuthoritySettings(db: Db, orgId: string | null): Promise<AuthoritySettings> {
	if (!orgId) return DEFAULT_AUTHORITY_SETTINGS;
	const [r] = await db<{ conflict_distance_m: number; frost_months: number[]; moratorium_years: number; colaying_months: number; permit_periods: Record<string, unknown> }[]>`
		select conflict_distance_m, frost_months, moratorium_years, colaying_months, permit_periods from authority_settings where org_id = ${orgId}`;
	if (!r) return DEFAULT_AUTHORITY_SETTINGS;
	return {
		conflictDistanceM: r.conflict_distance_m,
		frostMonths: r.frost_months,
		moratoriumYears: r.moratorium_years,
		colayingMonths: r.colaying_months,
		permitPeriods: r.permit_periods
	};
}

export function conflictSettings(s: AuthoritySettings): ConflictSettings {
	return { ...DEFAULT_SETTINGS, distanceM: s.conflictDistanceM, frostMonths: s.frostMonths, colayingMonths: s.colayingMonths };
}

export function permitPeriods(s: AuthoritySettings) {
	return periodsFor(s.permitPeriods);
}

/** Reads the settings form (German field problems, bounds as in the table's checks). */
export function parseAuthoritySettings(form: Record<string, unknown>): { ok: true; value: AuthoritySettings } | { ok: false; problems: Problem[] } {
	const problems: Problem[] = [];
	const num = (v: unknown) => Number(String(v ?? '').replace(',', '.'));
	const distance = num(form.conflictDistanceM);
	if (!Number.isFinite(distance) || distance < 0 || distance > 1000) problems.push({ field: 'conflictDistanceM', message: 'Der Konfliktabstand muss zwischen 0 und 1.000 m liegen.' });
	const years = num(form.moratoriumYears);
	if (!Number.isInteger(years) || years < 3 || years > 5) problems.push({ field: 'moratoriumYears', message: 'Die Aufbruchsperre nach Abnahme dauert 3 bis 5 Jahre.' });
	const colaying = num(form.colayingMonths);
	if (!Number.isInteger(colaying) || colaying < 1 || colaying > 24) problems.push({ field: 'colayingMonths', message: 'Das Mitverlegungsfenster muss zwischen 1 und 24 Monaten liegen.' });
	const rawMonths = Array.isArray(form.frostMonths) ? form.frostMonths : String(form.frostMonths ?? '').split(/[,\s]+/).filter(Boolean);
	const frostMonths = [...new Set(rawMonths.map(num))].sort((a, b) => a - b);
	if (frostMonths.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) problems.push({ field: 'frostMonths', message: 'Frostmonate bitte als Zahlen von 1 bis 12 angeben, z. B. „12, 1, 2“.' });
	const periods = parsePeriodOverrides((form.permitPeriods && typeof form.permitPeriods === 'object' ? form.permitPeriods : {}) as Record<string, unknown>);
	if (!periods.ok) problems.push(...periods.problems);
	if (problems.length || !periods.ok) return { ok: false, problems };
	return { ok: true, value: { conflictDistanceM: distance, frostMonths, moratoriumYears: years, colayingMonths: colaying, permitPeriods: periods.value as Record<string, unknown> } };
}

export async function saveAuthoritySettings(tx: Db, orgId: string, s: AuthoritySettings): Promise<void> {
	await tx`insert into authority_settings (org_id, conflict_distance_m, frost_months, moratorium_years, colaying_months, permit_periods, updated_at)
		values (${orgId}, ${s.conflictDistanceM}, ${`{${s.frostMonths.join(',')}}`}::int[], ${s.moratoriumYears}, ${s.colayingMonths}, ${tx.json(s.permitPeriods as never)}, now())
		on conflict (org_id) do update set conflict_distance_m = excluded.conflict_distance_m, frost_months = excluded.frost_months,
			moratorium_years = excluded.moratorium_years, colaying_months = excluded.colaying_months, permit_periods = excluded.permit_periods, updated_at = now()`;
}
