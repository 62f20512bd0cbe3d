import { describe, expect, it } from 'vitest';
import { DEFAULT_PERIODS, TKG_CLOCK_LEGAL_BASIS, describePeriod, parsePeriodOverrides, periodsFor } from './periods';

describe('default periods', () => {
	it('are 10/10/20 Arbeitstage and three months for the TK consent, extendable once, with fictional grant', () => {
		expect(DEFAULT_PERIODS.aufgrabeerlaubnis).toEqual({ unit: 'arbeitstage', value: 10, fiction: false });
		expect(DEFAULT_PERIODS.verkehrsrechtliche_anordnung).toEqual({ unit: 'arbeitstage', value: 10, fiction: false });
		expect(DEFAULT_PERIODS.sondernutzung).toEqual({ unit: 'arbeitstage', value: 20, fiction: false });
		expect(DEFAULT_PERIODS.tkg_zustimmung).toEqual({ unit: 'monate', value: 3, extension: { unit: 'monate', value: 1 }, fiction: true });
		expect(TKG_CLOCK_LEGAL_BASIS).toMatch(/TKG$/);
	});

	it('read in German', () => {
		expect(describePeriod(DEFAULT_PERIODS.aufgrabeerlaubnis)).toBe('10 Arbeitstage');
		expect(describePeriod(DEFAULT_PERIODS.sondernutzung)).toBe('20 Arbeitstage');
		expect(describePeriod(DEFAULT_PERIODS.tkg_zustimmung)).toBe('3 Monate (einmal um 1 Monat verlängerbar, danach gilt die Zustimmung als erteilt)');
		expect(describePeriod({ unit: 'arbeitstage', value: 1, fiction: false })).toBe('1 Arbeitstag');
		expect(describePeriod({ unit: 'monate', value: 2, fiction: true })).toBe('2 Monate (danach gilt die Zustimmung als erteilt)');
		expect(describePeriod({ unit: 'monate', value: 3, extension: { unit: 'monate', value: 2 }, fiction: false })).toBe('3 Monate (einmal um 2 Monate verlängerbar)');
	});
});

describe('periodsFor', () => {
	it('gives the defaults for missing or junk settings', () => {
		for (const junk of [undefined, null, 'zehn', 42, [], {}, { unbekannt: { unit: 'arbeitstage', value: 5 } }]) {
			expect(periodsFor(junk)).toEqual(DEFAULT_PERIODS);
		}
	});

	it('takes valid overrides kind by kind and ignores the broken ones', () => {
		const periods = periodsFor({
			aufgrabeerlaubnis: { unit: 'arbeitstage', value: 15 },
			verkehrsrechtliche_anordnung: { unit: 'wochen', value: 2 },
			sondernutzung: { unit: 'arbeitstage', value: 61 },
			tkg_zustimmung: { value: 2 }
		});
		expect(periods.aufgrabeerlaubnis).toEqual({ unit: 'arbeitstage', value: 15, fiction: false });
		expect(periods.verkehrsrechtliche_anordnung).toEqual(DEFAULT_PERIODS.verkehrsrechtliche_anordnung);
		expect(periods.sondernutzung).toEqual(DEFAULT_PERIODS.sondernutzung);
		// unit, extension and fiction keep their defaults when not stored
		expect(periods.tkg_zustimmung).toEqual({ unit: 'monate', value: 2, extension: { unit: 'monate', value: 1 }, fiction: true });
	});

	it('rejects fractions, zero, strings and months beyond six', () => {
		for (const value of [0, 2.5, '10', 7]) {
			expect(periodsFor({ tkg_zustimmung: { unit: 'monate', value } }).tkg_zustimmung).toEqual(DEFAULT_PERIODS.tkg_zustimmung);
		}
		expect(periodsFor({ aufgrabeerlaubnis: { unit: 'arbeitstage', value: 60 } }).aufgrabeerlaubnis.value).toBe(60);
		expect(periodsFor({ aufgrabeerlaubnis: { unit: 'arbeitstage', value: 1 } }).aufgrabeerlaubnis.value).toBe(1);
	});

	it('allows fiction and extension only for the TK consent', () => {
		const periods = periodsFor({
			aufgrabeerlaubnis: { unit: 'arbeitstage', value: 10, fiction: true, extension: { unit: 'arbeitstage', value: 5 } },
			tkg_zustimmung: { unit: 'monate', value: 3, extension: null, fiction: false }
		});
		expect(periods.aufgrabeerlaubnis).toEqual({ unit: 'arbeitstage', value: 10, fiction: false });
		expect(periods.tkg_zustimmung).toEqual({ unit: 'monate', value: 3, fiction: false });
		// a broken extension makes the whole override junk
		expect(periodsFor({ tkg_zustimmung: { unit: 'monate', value: 3, extension: { unit: 'monate', value: 9 } } }).tkg_zustimmung).toEqual(DEFAULT_PERIODS.tkg_zustimmung);
	});

	it('hands out copies, never the shared defaults', () => {
		const periods = periodsFor(null);
		periods.tkg_zustimmung.extension!.value = 5;
		periods.aufgrabeerlaubnis.value = 99;
		expect(DEFAULT_PERIODS.tkg_zustimmung.extension!.value).toBe(1);
		expect(DEFAULT_PERIODS.aufgrabeerlaubnis.value).toBe(10);
	});
});

describe('parsePeriodOverrides', () => {
	it('reads the flat fields of the settings form, ignores other fields and round-trips through periodsFor', () => {
		const parsed = parsePeriodOverrides({
			csrf: 'x',
			'aufgrabeerlaubnis.unit': 'arbeitstage',
			'aufgrabeerlaubnis.value': ' 15 ',
			'verkehrsrechtliche_anordnung.value': '',
			'tkg_zustimmung.unit': 'monate',
			'tkg_zustimmung.value': '3',
			'tkg_zustimmung.extensionValue': '1',
			'tkg_zustimmung.fiction': 'on'
		});
		expect(parsed).toEqual({
			ok: true,
			value: {
				aufgrabeerlaubnis: { unit: 'arbeitstage', value: 15, extension: null, fiction: false },
				tkg_zustimmung: { unit: 'monate', value: 3, extension: { unit: 'monate', value: 1 }, fiction: true }
			}
		});
		if (!parsed.ok) return;
		const periods = periodsFor(JSON.parse(JSON.stringify(parsed.value)));
		expect(periods.aufgrabeerlaubnis).toEqual({ unit: 'arbeitstage', value: 15, fiction: false });
		expect(periods.verkehrsrechtliche_anordnung).toEqual(DEFAULT_PERIODS.verkehrsrechtliche_anordnung);
		expect(periods.tkg_zustimmung).toEqual(DEFAULT_PERIODS.tkg_zustimmung);
	});

	it('reads a nested JSON body; an unticked fiction and a missing extension mean none', () => {
		const parsed = parsePeriodOverrides({ sondernutzung: { unit: 'arbeitstage', value: 25 }, tkg_zustimmung: { unit: 'monate', value: 3 } });
		expect(parsed).toEqual({
			ok: true,
			value: {
				sondernutzung: { unit: 'arbeitstage', value: 25, extension: null, fiction: false },
				tkg_zustimmung: { unit: 'monate', value: 3, extension: null, fiction: false }
			}
		});
		if (parsed.ok) expect(periodsFor(parsed.value).tkg_zustimmung).toEqual({ unit: 'monate', value: 3, fiction: false });
	});

	it('uses the default unit when none is sent', () => {
		expect(parsePeriodOverrides({ 'sondernutzung.value': '30' })).toEqual({
			ok: true,
			value: { sondernutzung: { unit: 'arbeitstage', value: 30, extension: null, fiction: false } }
		});
	});

	it('names every problem with its field, in German', () => {
		const parsed = parsePeriodOverrides({
			'aufgrabeerlaubnis.value': '0',
			'aufgrabeerlaubnis.fiction': 'on',
			'verkehrsrechtliche_anordnung.unit': 'wochen',
			'verkehrsrechtliche_anordnung.value': '2',
			'sondernutzung.value': '20',
			'sondernutzung.extensionValue': '5',
			'tkg_zustimmung.unit': 'monate',
			'tkg_zustimmung.value': '7',
			'tkg_zustimmung.extensionValue': 'einen'
		});
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		// in the order of PERMIT_KINDS, as the form shows them
		expect(parsed.problems).toEqual([
			{ field: 'aufgrabeerlaubnis.value', message: 'Aufbruch-/Aufgrabeerlaubnis: Bitte für die Frist eine ganze Zahl von 1 bis 60 angeben (Arbeitstage).' },
			{
				field: 'aufgrabeerlaubnis.fiction',
				message: 'Aufbruch-/Aufgrabeerlaubnis: Eine Genehmigungsfiktion gibt es nur für die Zustimmung nach § 127 TKG (§ 127 Abs. 3 TKG). Bitte abwählen.'
			},
			{ field: 'verkehrsrechtliche_anordnung.unit', message: 'Verkehrsrechtliche Anordnung (§ 45 StVO): Bitte als Einheit „Arbeitstage“ oder „Monate“ wählen.' },
			{ field: 'tkg_zustimmung.value', message: 'Zustimmung nach § 127 TKG: Bitte für die Frist eine ganze Zahl von 1 bis 6 angeben (Monate).' },
			{ field: 'tkg_zustimmung.extensionValue', message: 'Zustimmung nach § 127 TKG: Bitte für die Verlängerung eine ganze Zahl von 1 bis 6 angeben (Monate).' },
			{
				field: 'sondernutzung.extensionValue',
				message: 'Sondernutzungserlaubnis: Eine Fristverlängerung gibt es nur für die Zustimmung nach § 127 TKG. Bitte das Feld leer lassen.'
			}
		]);
	});

	it('asks for the period first when only extension or fiction is given', () => {
		expect(parsePeriodOverrides({ 'tkg_zustimmung.fiction': 'on' })).toEqual({
			ok: false,
			problems: [{ field: 'tkg_zustimmung.value', message: 'Zustimmung nach § 127 TKG: Bitte zuerst die Frist angeben.' }]
		});
	});

	it('takes an empty form as "all defaults"', () => {
		expect(parsePeriodOverrides({})).toEqual({ ok: true, value: {} });
	});
});
