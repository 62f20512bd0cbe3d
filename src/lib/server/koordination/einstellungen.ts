/**
 * @module koordination/einstellungen
 * The settings form of a road authority: what it shows (current values, each permit period described in
 * words) and how a posted form becomes the input of `parseAuthoritySettings`. Validation and storage
 * stay in baustellen/settings.
 *
 * The TK consent's period is statutory (§ 127 Abs. 3 TKG: three months, extendable once, then the
 * consent counts as granted). The page shows it read-only and posts its current value back unchanged,
 * so saving the other fields never resets an override made for a change in the law.
 */
import { PERMIT_KINDS, PERMIT_KIND_LABELS, type PermitKind } from '$lib/baustellen';
import type { AuthoritySettings } from '../baustellen/settings';
import { permitPeriods } from '../baustellen/settings';
import { DEFAULT_PERIODS, FICTION_KIND, PERIOD_BOUNDS, TKG_CLOCK_LEGAL_BASIS, describePeriod, type Period, type PeriodUnit } from '../genehmigungen/periods';

export interface PeriodView {
	kind: PermitKind;
	label: string;
	unit: PeriodUnit;
	value: number;
	extensionUnit: PeriodUnit | null;
	extensionValue: number | null;
	fiction: boolean;
	/** „10 Arbeitstage“, „3 Monate (einmal um 1 Monat verlängerbar, …)“ */
	description: string;
	/** the platform default applies */
	standard: boolean;
	/** statutory: shown, not edited */
	statutory: boolean;
}

export interface SettingsView {
	conflictDistanceM: number;
	frostMonths: number[];
	moratoriumYears: number;
	colayingMonths: number;
	periods: PeriodView[];
	legalBasis: string;
	bounds: typeof PERIOD_BOUNDS;
}

function samePeriod(a: Period, b: Period): boolean {
	return (
		a.unit === b.unit &&
		a.value === b.value &&
		a.fiction === b.fiction &&
		(a.extension?.unit ?? null) === (b.extension?.unit ?? null) &&
		(a.extension?.value ?? null) === (b.extension?.value ?? null)
	);
}

export function settingsView(s: AuthoritySettings): SettingsView {
	const periods = permitPeriods(s);
	return {
		conflictDistanceM: s.conflictDistanceM,
		frostMonths: s.frostMonths,
		moratoriumYears: s.moratoriumYears,
		colayingMonths: s.colayingMonths,
		periods: PERMIT_KINDS.map((kind) => {
			const p = periods[kind];
			return {
				kind,
				label: PERMIT_KIND_LABELS[kind],
				unit: p.unit,
				value: p.value,
				extensionUnit: p.extension?.unit ?? null,
				extensionValue: p.extension?.value ?? null,
				fiction: p.fiction,
				description: describePeriod(p),
				standard: samePeriod(p, DEFAULT_PERIODS[kind]),
				statutory: kind === FICTION_KIND
			};
		}),
		legalBasis: TKG_CLOCK_LEGAL_BASIS,
		bounds: PERIOD_BOUNDS
	};
}

/**
 * The posted form as `parseAuthoritySettings` reads it: numbers as typed, the ticked frost months as a
 * list, the permit periods as flat `[kind].value` fields. The statutory TKG period is taken from
 * `current`, never from the form.
 */
export function settingsInput(form: FormData, current: AuthoritySettings): Record<string, unknown> {
	const periods: Record<string, unknown> = {};
	for (const kind of PERMIT_KINDS) {
		if (kind === FICTION_KIND) continue;
		periods[`${kind}.unit`] = String(form.get(`${kind}.unit`) ?? '');
		periods[`${kind}.value`] = String(form.get(`${kind}.value`) ?? '').trim();
	}
	const tkg = permitPeriods(current)[FICTION_KIND];
	periods[FICTION_KIND] = { unit: tkg.unit, value: tkg.value, extension: tkg.extension ?? null, fiction: tkg.fiction };
	return {
		conflictDistanceM: String(form.get('conflictDistanceM') ?? '').trim(),
		frostMonths: form.getAll('frostMonths').map(String),
		moratoriumYears: String(form.get('moratoriumYears') ?? '').trim(),
		colayingMonths: String(form.get('colayingMonths') ?? '').trim(),
		permitPeriods: periods
	};
}

/** Overrides equal to the platform default are not stored, so a later change of the default reaches them. */
export function withoutDefaults(s: AuthoritySettings): AuthoritySettings {
	const periods = permitPeriods(s);
	const kept: Record<string, unknown> = {};
	for (const kind of PERMIT_KINDS) {
		const raw = s.permitPeriods[kind];
		if (raw !== undefined && !samePeriod(periods[kind], DEFAULT_PERIODS[kind])) kept[kind] = raw;
	}
	return { ...s, permitPeriods: kept };
}

/** The form's values after a refusal, to show what was typed. */
export function postedValues(form: FormData): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = { frostMonths: form.getAll('frostMonths').map(String) };
	for (const [k, v] of form) if (k !== 'frostMonths' && typeof v === 'string') out[k] = v;
	return out;
}
