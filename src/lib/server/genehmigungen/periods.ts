/**
 * @module genehmigungen/periods
 * How long an authority has to decide each kind of permit, pure: the platform defaults, the authority's
 * overrides (`authority_settings.permit_periods`, jsonb) and their validation for the settings form.
 *
 * Working-day periods are the Tiefbauämter's own processing promises and may be configured. The TK
 * consent's period is statutory: three months from the complete application, extendable once, after
 * which the consent counts as granted. It stays configurable only so a change in the law can be followed
 * without a release; the settings page may show it read-only.
 */
import { PERMIT_KINDS, PERMIT_KIND_LABELS, type PermitKind } from '$lib/baustellen';

export type PeriodUnit = 'arbeitstage' | 'monate';
export const PERIOD_UNITS: readonly PeriodUnit[] = ['arbeitstage', 'monate'];

export interface PeriodLength {
	unit: PeriodUnit;
	value: number;
}

export interface Period extends PeriodLength {
	/** the authority may extend the period once by this much */
	extension?: PeriodLength;
	/** missing the due date grants the permit (fiktiv_erteilt) */
	fiction: boolean;
}

/**
 * The legal basis of the TK consent's clock and its fictional grant, in one place so it can be corrected.
 * The issue speaks of "§ 150 TKG"; the TKG in force since 01.12.2021 puts the three-month period, its
 * restart after changes and the Zustimmungsfiktion into § 127 Abs. 3 (the consent itself: § 127 Abs. 1).
 */
export const TKG_CLOCK_LEGAL_BASIS = '§ 127 Abs. 3 TKG';

/** The only kind with a statutory fictional grant and a once-only extension. */
export const FICTION_KIND: PermitKind = 'tkg_zustimmung';

export const PERIOD_BOUNDS: Record<PeriodUnit, { min: number; max: number }> = {
	arbeitstage: { min: 1, max: 60 },
	monate: { min: 1, max: 6 }
};

export const DEFAULT_PERIODS: Readonly<Record<PermitKind, Readonly<Period>>> = Object.freeze({
	aufgrabeerlaubnis: Object.freeze({ unit: 'arbeitstage', value: 10, fiction: false }),
	verkehrsrechtliche_anordnung: Object.freeze({ unit: 'arbeitstage', value: 10, fiction: false }),
	tkg_zustimmung: Object.freeze({ unit: 'monate', value: 3, extension: Object.freeze({ unit: 'monate', value: 1 }), fiction: true }),
	sondernutzung: Object.freeze({ unit: 'arbeitstage', value: 20, fiction: false })
} as const);

const UNIT_WORDS: Record<PeriodUnit, [singular: string, plural: string]> = {
	arbeitstage: ['Arbeitstag', 'Arbeitstage'],
	monate: ['Monat', 'Monate']
};

function describeLength(p: PeriodLength): string {
	return `${p.value} ${UNIT_WORDS[p.unit][p.value === 1 ? 0 : 1]}`;
}

/** "10 Arbeitstage", "3 Monate (einmal um 1 Monat verlängerbar, danach gilt die Zustimmung als erteilt)". */
export function describePeriod(p: Period): string {
	const notes: string[] = [];
	if (p.extension) notes.push(`einmal um ${describeLength(p.extension)} verlängerbar`);
	if (p.fiction) notes.push('danach gilt die Zustimmung als erteilt');
	return notes.length ? `${describeLength(p)} (${notes.join(', ')})` : describeLength(p);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validLength(value: unknown): PeriodLength | null {
	if (!isRecord(value)) return null;
	const { unit, value: n } = value;
	if (unit !== 'arbeitstage' && unit !== 'monate') return null;
	if (typeof n !== 'number' || !Number.isInteger(n)) return null;
	const { min, max } = PERIOD_BOUNDS[unit];
	return n >= min && n <= max ? { unit, value: n } : null;
}

/**
 * One kind's stored override merged over its default, or null when the override is junk. Missing
 * `extension`/`fiction` keep the default; extension and fiction exist only for the TK consent.
 */
function overrideFor(kind: PermitKind, raw: unknown): Period | null {
	if (!isRecord(raw)) return null;
	const base = DEFAULT_PERIODS[kind];
	const length = validLength({ unit: raw.unit ?? base.unit, value: raw.value });
	if (!length) return null;
	const period: Period = { ...length, fiction: false };
	if (kind === FICTION_KIND) {
		// null: explicitly none; undefined: the default; anything else must be a valid length
		if (raw.extension !== null) {
			const extension = raw.extension === undefined ? base.extension : validLength(raw.extension);
			if (extension === null) return null;
			if (extension) period.extension = { ...extension };
		}
		if (raw.fiction !== undefined && typeof raw.fiction !== 'boolean') return null;
		period.fiction = typeof raw.fiction === 'boolean' ? raw.fiction : base.fiction;
	}
	return period;
}

/**
 * The periods an authority works with: its stored overrides (`authority_settings.permit_periods`) over
 * the defaults. Whatever does not validate — unknown kinds, wrong units, out-of-range values — is
 * ignored kind by kind, so a damaged setting never stops a clock.
 */
export function periodsFor(overrides: unknown): Record<PermitKind, Period> {
	const result = {} as Record<PermitKind, Period>;
	for (const kind of PERMIT_KINDS) {
		const override = isRecord(overrides) ? overrideFor(kind, overrides[kind]) : null;
		const base = DEFAULT_PERIODS[kind];
		result[kind] = override ?? { ...base, ...(base.extension ? { extension: { ...base.extension } } : {}) };
	}
	return result;
}

/** One kind's override as stored: `extension: null` says "no extension" (absent would mean the default). */
export interface PeriodOverride extends PeriodLength {
	extension: PeriodLength | null;
	fiction: boolean;
}
export type PeriodOverrides = Partial<Record<PermitKind, PeriodOverride>>;
export interface PeriodProblem {
	field: string;
	message: string;
}

/** What a form or JSON body sent for one field: nested (`{ kind: { value } }`) or flat (`kind.value`). */
function fieldOf(input: Record<string, unknown>, kind: PermitKind, name: string): unknown {
	const nested = input[kind];
	if (isRecord(nested) && name in nested) return nested[name];
	return input[`${kind}.${name}`];
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Whole numbers from JSON or from form strings ("10"); anything else is NaN. */
function toInteger(value: unknown): number {
	if (typeof value === 'number') return Number.isInteger(value) ? value : NaN;
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
	return NaN;
}

function toBoolean(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (value === 'on' || value === 'true' || value === '1') return true;
	if (value === 'false' || value === '0' || value === 'off' || value === '') return false;
	return null;
}

function parseLength(
	kind: PermitKind,
	unitRaw: unknown,
	valueRaw: unknown,
	defaultUnit: PeriodUnit,
	fields: { unit: string; value: string },
	what: string,
	problems: PeriodProblem[]
): PeriodLength | null {
	const unit = isBlank(unitRaw) ? defaultUnit : unitRaw;
	if (unit !== 'arbeitstage' && unit !== 'monate') {
		problems.push({ field: fields.unit, message: `${PERMIT_KIND_LABELS[kind]}: Bitte als Einheit „Arbeitstage“ oder „Monate“ wählen.` });
		return null;
	}
	const value = toInteger(valueRaw);
	const { min, max } = PERIOD_BOUNDS[unit];
	if (!Number.isInteger(value) || value < min || value > max) {
		problems.push({ field: fields.value, message: `${PERMIT_KIND_LABELS[kind]}: Bitte für ${what} eine ganze Zahl von ${min} bis ${max} angeben (${UNIT_WORDS[unit][1]}).` });
		return null;
	}
	return { unit, value };
}

/**
 * Validates the settings form (or a JSON body) for the permit periods. Per kind, nested
 * `{ [kind]: { unit, value, extension: { unit, value } | null, fiction } }` or flat form fields
 * `[kind].unit`, `[kind].value`, `[kind].extensionUnit`, `[kind].extensionValue`, `[kind].fiction`.
 * A kind whose value is left empty keeps the platform default (no override). For a kind that is
 * given, a missing extension or fiction means "none" (an unticked checkbox sends nothing), so the form
 * should be prefilled from `periodsFor`. Other keys (CSRF token …) are ignored.
 * The result is what `authority_settings.permit_periods` stores and `periodsFor` reads.
 */
export function parsePeriodOverrides(
	input: Record<string, unknown>
): { ok: true; value: PeriodOverrides } | { ok: false; problems: PeriodProblem[] } {
	const problems: PeriodProblem[] = [];
	const value: PeriodOverrides = {};
	for (const kind of PERMIT_KINDS) {
		const valueRaw = fieldOf(input, kind, 'value');
		const extensionRaw = fieldOf(input, kind, 'extension');
		const extensionValueRaw = isRecord(extensionRaw) ? extensionRaw.value : fieldOf(input, kind, 'extensionValue');
		const extensionUnitRaw = isRecord(extensionRaw) ? extensionRaw.unit : fieldOf(input, kind, 'extensionUnit');
		const fictionRaw = fieldOf(input, kind, 'fiction');
		if (isBlank(valueRaw)) {
			if (!isBlank(extensionValueRaw) || toBoolean(fictionRaw) === true) {
				problems.push({ field: `${kind}.value`, message: `${PERMIT_KIND_LABELS[kind]}: Bitte zuerst die Frist angeben.` });
			}
			continue;
		}
		const base = DEFAULT_PERIODS[kind];
		const length = parseLength(kind, fieldOf(input, kind, 'unit'), valueRaw, base.unit, { unit: `${kind}.unit`, value: `${kind}.value` }, 'die Frist', problems);

		let extension: PeriodLength | undefined;
		if (!isBlank(extensionValueRaw)) {
			if (kind !== FICTION_KIND) {
				problems.push({ field: `${kind}.extensionValue`, message: `${PERMIT_KIND_LABELS[kind]}: Eine Fristverlängerung gibt es nur für die ${PERMIT_KIND_LABELS[FICTION_KIND]}. Bitte das Feld leer lassen.` });
			} else {
				extension =
					parseLength(kind, extensionUnitRaw, extensionValueRaw, length?.unit ?? base.unit, { unit: `${kind}.extensionUnit`, value: `${kind}.extensionValue` }, 'die Verlängerung', problems) ?? undefined;
			}
		}

		let fiction = false;
		if (!isBlank(fictionRaw)) {
			const flag = toBoolean(fictionRaw);
			if (flag === null) {
				problems.push({ field: `${kind}.fiction`, message: `${PERMIT_KIND_LABELS[kind]}: Bitte die Genehmigungsfiktion an- oder abwählen.` });
			} else if (flag && kind !== FICTION_KIND) {
				problems.push({ field: `${kind}.fiction`, message: `${PERMIT_KIND_LABELS[kind]}: Eine Genehmigungsfiktion gibt es nur für die ${PERMIT_KIND_LABELS[FICTION_KIND]} (${TKG_CLOCK_LEGAL_BASIS}). Bitte abwählen.` });
			} else {
				fiction = flag;
			}
		}
		if (length) value[kind] = { ...length, extension: extension ?? null, fiction };
	}
	return problems.length ? { ok: false, problems } : { ok: true, value };
}
