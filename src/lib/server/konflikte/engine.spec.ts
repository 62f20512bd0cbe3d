import { describe, expect, it } from 'vitest';
import type { Polygonal } from '$lib/baustellen';
import { polygonalBbox } from './distance';
import { addDays } from './dates';
import { askByDate, checkConflicts, colayingStarts, frostMonthsIn, overlapSeverity, startsWithinMonths, timeReach } from './engine';
import { DEFAULT_SETTINGS, type Candidate, type MoratoriumInput } from './types';

const X = 706_000;
const Y = 5_706_000;
const TODAY = '2026-01-05';

/** rectangle x0..x1 × y0..y1 metres east/north of the test origin */
function rect(x0: number, y0: number, x1: number, y1: number): Polygonal {
	return { type: 'Polygon', coordinates: [[[X + x0, Y + y0], [X + x1, Y + y0], [X + x1, Y + y1], [X + x0, Y + y1], [X + x0, Y + y0]]] };
}

let seq = 0;
/** A Baustelle 100 m along the x axis, 4 m wide, digging in Große Ulrichstraße in March 2026. */
function site(over: Partial<Candidate> = {}): Candidate {
	seq++;
	const footprint = over.footprint ?? rect(0, 0, 100, 4);
	return {
		id: `id-${seq}`,
		number: `BS-2026-${String(seq).padStart(5, '0')}`,
		title: 'Leitungsbau Trinkwasser',
		promoter: 'Stadtwerke Saalestadt',
		start: '2026-03-01',
		end: '2026-03-20',
		excavation: true,
		publiclyFunded: false,
		exemption: 'keine',
		streets: ['Große Ulrichstraße'],
		status: 'geplant',
		networks: ['wasser'],
		ducts: [],
		...over,
		footprint,
		bbox: polygonalBbox(footprint)
	};
}

function moratorium(over: Partial<MoratoriumInput> = {}): MoratoriumInput {
	const area = over.area ?? rect(-20, -20, 40, 30);
	return {
		id: 'm-1',
		title: 'Große Ulrichstraße nach Deckenerneuerung',
		validFrom: '2024-10-01',
		validUntil: '2029-09-30',
		mode: 'sperre',
		exemptions: ['dringende_reparatur', 'stoerungsbeseitigung'],
		legalBasis: '§ 6 Aufgrabungssatzung der Stadt Halle (Saale)',
		...over,
		area,
		bbox: polygonalBbox(area)
	};
}

const check = (subject: Candidate, others: Candidate[], moratoria: MoratoriumInput[] = [], settings = DEFAULT_SETTINGS, today = TODAY) =>
	checkConflicts(subject, others, moratoria, settings, today);
const kinds = (findings: { kind: string }[]) => findings.map((f) => f.kind);
// March, no frost: the pair rules alone
const march = { start: '2026-03-01', end: '2026-03-20' };

describe('defaults', () => {
	it('are 50 m, frost in December–February, co-laying ±6 months asked 42 days ahead', () => {
		expect(DEFAULT_SETTINGS).toEqual({ distanceM: 50, frostMonths: [12, 1, 2], colayingMonths: 6, colayingLeadDays: 42 });
	});
});

describe('who is compared', () => {
	it('never compares a Baustelle with itself', () => {
		const s = site(march);
		expect(check(s, [s, { ...s }])).toEqual([]);
	});

	it('ignores cancelled neighbours, and a cancelled subject has no findings at all', () => {
		const s = site({ ...march, status: 'geplant' });
		const cancelled = site({ ...march, footprint: rect(0, 10, 100, 14), status: 'storniert' });
		expect(check(s, [cancelled])).toEqual([]);
		const winter = site({ start: '2026-01-10', end: '2026-01-20', status: 'storniert' });
		expect(check(winter, [site({ start: '2026-01-10', end: '2026-01-20' })], [moratorium()])).toEqual([]);
	});
});

describe('ueberschneidung', () => {
	it('counts a neighbour exactly at the distance threshold, not one a centimetre beyond', () => {
		const s = site({ ...march, streets: ['Markt'] });
		const at = site({ ...march, streets: ['Leipziger Straße'], footprint: rect(0, 54, 100, 60) });
		const beyond = site({ ...march, streets: ['Leipziger Straße'], footprint: rect(0, 54.01, 100, 60) });
		const found = check(s, [at, beyond]);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ kind: 'ueberschneidung', otherId: at.id, details: { distanceM: 50 } });
		// a tighter setting
		expect(check(s, [at], [], { ...DEFAULT_SETTINGS, distanceM: 49 })).toEqual([]);
	});

	it('needs the windows to share a day: touching on one day counts, the next day does not', () => {
		const s = site(march);
		const touching = site({ start: '2026-03-20', end: '2026-04-10', excavation: false, footprint: rect(0, 10, 50, 14) });
		const after = site({ start: '2026-03-21', end: '2026-04-10', excavation: false, footprint: rect(0, 10, 50, 14) });
		const found = check(s, [touching, after]);
		expect(found).toHaveLength(1);
		expect(found[0]!.details).toMatchObject({ overlapDays: 1, overlapFrom: '2026-03-20', overlapTo: '2026-03-20' });
		expect(found[0]!.message).toContain('1 Tag gleichzeitig (20.03.2026–20.03.2026)');
	});

	it('rates same street section + both excavating hoch, one of the two mittel, neither niedrig', () => {
		expect(overlapSeverity(true, true)).toBe('hoch');
		expect(overlapSeverity(true, false)).toBe('mittel');
		expect(overlapSeverity(false, true)).toBe('mittel');
		expect(overlapSeverity(false, false)).toBe('niedrig');
		const s = site(march);
		const near = rect(0, 16, 100, 20);
		const sev = (o: Partial<Candidate>) => check(s, [site({ ...march, footprint: near, ...o })]).find((f) => f.kind === 'ueberschneidung')!.severity;
		expect(sev({ streets: ['Grosse Ulrichstr.'] })).toBe('hoch');
		expect(sev({ streets: ['Markt'] })).toBe('mittel');
		expect(sev({ streets: ['Große Ulrichstraße'], excavation: false })).toBe('mittel');
		expect(check({ ...s, excavation: false }, [site({ ...march, footprint: near, streets: ['Markt'], excavation: false })])[0]!.severity).toBe('niedrig');
	});

	it('says in one sentence who, how far, how long, which street and whether both dig', () => {
		const s = site({ start: '2026-03-03', end: '2026-03-11' });
		const other = site({ number: 'BS-2026-00012', start: '2026-03-01', end: '2026-03-31', footprint: rect(0, 16, 100, 20), streets: ['Große Ulrichstr.'] });
		const f = check(s, [other]).find((x) => x.kind === 'ueberschneidung')!;
		expect(f.message).toBe(
			'Überschneidung mit BS-2026-00012 „Leitungsbau Trinkwasser“ (Stadtwerke Saalestadt): 12 m entfernt, 9 Tage gleichzeitig (03.03.2026–11.03.2026), gleicher Straßenabschnitt (Große Ulrichstraße), beide mit Aufgrabung.'
		);
		expect(f).toMatchObject({ severity: 'hoch', blocking: false, otherId: other.id });
		expect(f.details).toEqual({ distanceM: 12, overlapDays: 9, overlapFrom: '2026-03-03', overlapTo: '2026-03-11', sameStreet: true, street: 'Große Ulrichstraße', bothExcavate: true });
	});

	it('reports overlapping footprints as distance 0 and names a private promoter only as "privat"', () => {
		const s = site(march);
		const f = check(s, [site({ ...march, promoter: 'privat', excavation: false, streets: [], footprint: rect(50, 2, 60, 10) })])[0]!;
		expect(f.details.distanceM).toBe(0);
		expect(f.message).toContain('(privat): Flächen berühren oder überschneiden sich');
		expect(f.message).toContain('Aufgrabung nur bei dieser Baustelle');
		// one digs, no common street
		expect(f.severity).toBe('niedrig');
	});
});

describe('moratorium', () => {
	it('blocks an excavation inside an Aufbruchsperre (sperre) and names title, end date and legal basis', () => {
		const [f] = check(site(march), [], [moratorium()]);
		expect(f).toMatchObject({ kind: 'moratorium', severity: 'hoch', blocking: true, moratoriumId: 'm-1' });
		expect(f!.message).toBe(
			'Aufbruchsperre „Große Ulrichstraße nach Deckenerneuerung“ bis 30.09.2029 (§ 6 Aufgrabungssatzung der Stadt Halle (Saale)): Aufgrabung hier gesperrt, die Aufgrabeerlaubnis kann nicht erteilt werden (Ausnahmen nur für dringende Reparatur, Störungsbeseitigung).'
		);
	});

	it('only warns in mode warnung', () => {
		const [f] = check(site(march), [], [moratorium({ mode: 'warnung' })]);
		expect(f).toMatchObject({ kind: 'moratorium', severity: 'mittel', blocking: false });
		expect(f!.message).toContain('bis 30.09.2029');
	});

	it('lets an exempted excavation through with a hint that says why', () => {
		const [f] = check(site({ ...march, exemption: 'dringende_reparatur' }), [], [moratorium()]);
		expect(f).toMatchObject({ kind: 'moratorium', severity: 'hinweis', blocking: false, details: { exempted: true, exemption: 'dringende_reparatur' } });
		expect(f!.message).toContain('als dringende Reparatur von der Sperre ausgenommen');
		// an exemption the moratorium does not allow does not help
		expect(check(site({ ...march, exemption: 'hausanschluss' }), [], [moratorium()])[0]).toMatchObject({ blocking: true });
	});

	it('applies when the footprint touches the area and the windows share a day, not otherwise', () => {
		const touching = rect(40, 0, 140, 4);
		expect(kinds(check(site({ ...march, footprint: touching }), [], [moratorium()]))).toEqual(['moratorium']);
		expect(check(site({ ...march, footprint: rect(41, 0, 140, 4) }), [], [moratorium()])).toEqual([]);
		expect(kinds(check(site({ start: '2029-09-30', end: '2029-10-20' }), [], [moratorium()]))).toEqual(['moratorium']);
		expect(check(site({ start: '2029-10-01', end: '2029-10-20' }), [], [moratorium()])).toEqual([]);
	});

	it('does not concern works without excavation', () => {
		expect(check(site({ ...march, excavation: false }), [], [moratorium()])).toEqual([]);
	});

	it('leaves out the parentheses when no legal basis is given', () => {
		expect(check(site(march), [], [moratorium({ legalBasis: ' ' })])[0]!.message).toMatch(/^Aufbruchsperre „[^“]+“ bis 30\.09\.2029: /);
	});
});

describe('frost', () => {
	it('hints at an excavation touching a frost month, across the year end, in order', () => {
		expect(frostMonthsIn('2026-11-20', '2027-01-05', [12, 1, 2])).toEqual([12, 1]);
		const found = check(site({ start: '2026-11-20', end: '2027-01-05' }), []);
		expect(found).toEqual([
			{
				kind: 'frost',
				severity: 'hinweis',
				blocking: false,
				message: 'Aufgrabung in der Frostperiode (Dezember, Januar): Oberfläche ggf. nur provisorisch schließen, endgültige Wiederherstellung einplanen.',
				details: { months: [12, 1] }
			}
		]);
	});

	it('is silent outside the frost months, without excavation, or with no frost months configured', () => {
		expect(check(site({ start: '2026-11-01', end: '2026-11-30' }), [])).toEqual([]);
		expect(check(site({ start: '2026-03-01', end: '2026-03-01' }), [])).toEqual([]);
		expect(check(site({ start: '2026-02-28', end: '2026-03-01' }), [])).toHaveLength(1);
		expect(check(site({ start: '2027-01-10', end: '2027-01-20', excavation: false }), [])).toEqual([]);
		expect(check(site({ start: '2027-01-10', end: '2027-01-20' }), [], [], { ...DEFAULT_SETTINGS, frostMonths: [] })).toEqual([]);
	});
});

describe('mitverlegung', () => {
	const near = rect(0, 16, 100, 20);
	const colaying = (s: Candidate, o: Candidate, today = TODAY) => check(s, [o], [], DEFAULT_SETTINGS, today).filter((f) => f.kind === 'mitverlegung');

	it('suggests co-laying when starts lie at most six months apart, from both sides', () => {
		expect(startsWithinMonths('2026-03-15', '2026-09-15', 6)).toBe(true);
		expect(startsWithinMonths('2026-09-15', '2026-03-15', 6)).toBe(true);
		expect(startsWithinMonths('2026-03-15', '2026-09-16', 6)).toBe(false);
		const s = site({ start: '2026-03-15', end: '2026-03-25' });
		const edge = site({ start: '2026-09-15', end: '2026-09-30', footprint: near });
		const late = site({ start: '2026-09-16', end: '2026-09-30', footprint: near });
		expect(colaying(s, edge)).toHaveLength(1);
		expect(colaying(edge, s)).toHaveLength(1);
		expect(colaying(s, late)).toEqual([]);
		expect(colaying(late, s)).toEqual([]);
		// no time overlap: no ueberschneidung beside it
		expect(kinds(check(s, [edge]))).toEqual(['mitverlegung']);
	});

	it('precomputes per subject exactly the starts the pair rule accepts, month ends and leap years included', () => {
		const wrong: string[] = [];
		for (let day = '2027-01-01'; day <= '2028-12-31'; day = addDays(day, 1)) {
			for (const months of [1, 6]) {
				const { from, to } = colayingStarts(day, months);
				for (const edge of [from, to])
					for (let k = -3; k <= 3; k++) {
						const other = addDays(edge, k);
						if ((other >= from && other <= to) !== startsWithinMonths(day, other, months)) wrong.push(`${day} ±${months}: ${other}`);
					}
			}
		}
		expect(wrong).toEqual([]);
		expect(colayingStarts('2026-03-31', 1)).toEqual({ from: '2026-03-01', to: '2026-04-30' });
	});

	it('sets the ask-by date 42 days before the earlier start, but never before today', () => {
		expect(askByDate('2026-06-01', 42, TODAY)).toBe('2026-04-20');
		expect(askByDate('2026-01-20', 42, TODAY)).toBe(TODAY);
		const s = site({ start: '2026-06-01', end: '2026-06-10' });
		const o = site({ start: '2026-08-01', end: '2026-08-10', footprint: near });
		expect(colaying(s, o)[0]!.details.askBy).toBe('2026-04-20');
		expect(colaying(o, s)[0]!.details.askBy).toBe('2026-04-20');
		const soon = site({ start: '2026-01-20', end: '2026-01-30' });
		const spring = site({ start: '2026-05-01', end: '2026-05-10', footprint: near });
		expect(colaying(soon, spring)[0]!.details.askBy).toBe(TODAY);
		expect(colaying(spring, soon)[0]!.details.askBy).toBe(TODAY);
	});

	it('names § 146 TKG only when the other (whose trench is shared) is publicly funded', () => {
		const s = site({ start: '2026-06-01', end: '2026-06-10', publiclyFunded: true });
		const funded = site({ number: 'BS-2026-00077', start: '2026-07-01', end: '2026-07-20', footprint: near, publiclyFunded: true, ducts: [{ kind: 'Leerrohr', count: 2, diameterMm: 50, note: '' }] });
		const [f] = colaying(s, funded);
		expect(f).toMatchObject({ severity: 'hinweis', blocking: false, otherId: funded.id, details: { tkg146: true, street: 'Große Ulrichstraße', askBy: '2026-04-20' } });
		expect(f!.message).toBe(
			'Mitverlegung möglich mit BS-2026-00077 „Leitungsbau Trinkwasser“ (Stadtwerke Saalestadt): Aufgrabung vom 01.07.2026 bis 20.07.2026, gleicher Straßenabschnitt (Große Ulrichstraße), 12 m entfernt, dort werden verlegt: 2 × Leerrohr Ø 50 mm – Mitverlegungsanspruch nach § 146 TKG (öffentlich finanzierte Bauarbeiten), Anfrage bis 20.04.2026 stellen.'
		);
		// only the subject is publicly funded: the other's trench is private, so voluntary coordination
		const [g] = colaying(s, { ...funded, publiclyFunded: false });
		expect(g!.details.tkg146).toBe(false);
		expect(g!.message).toContain('freiwillige Koordinierung');
		expect(g!.message).not.toContain('146');
	});

	it('needs both to excavate, a shared street and the distance', () => {
		const s = site({ start: '2026-06-01', end: '2026-06-10' });
		const o = { start: '2026-07-01', end: '2026-07-20', footprint: near };
		expect(colaying(s, site({ ...o, excavation: false }))).toEqual([]);
		expect(colaying({ ...s, excavation: false }, site(o))).toEqual([]);
		expect(colaying(s, site({ ...o, streets: ['Markt'] }))).toEqual([]);
		expect(colaying(s, site({ ...o, footprint: rect(0, 60, 100, 64) }))).toEqual([]);
		expect(colaying(s, site({ ...o, streets: ['grosse ulrichstr.'] }))).toHaveLength(1);
	});

	it('is no longer offered once a trench is closed (window over or works completed)', () => {
		const s = site({ start: '2026-06-01', end: '2026-06-10' });
		expect(colaying(s, site({ start: '2026-01-01', end: '2026-01-04', footprint: near }))).toEqual([]);
		expect(colaying(s, site({ start: '2026-01-01', end: '2026-01-05', footprint: near }))).toHaveLength(1);
		expect(colaying(s, site({ start: '2026-07-01', end: '2026-07-20', footprint: near, status: 'abgenommen' }))).toEqual([]);
	});

	it('comes beside the overlap when both dig in the same street at the same time', () => {
		expect(kinds(check(site(march), [site({ ...march, footprint: near })]))).toEqual(['ueberschneidung', 'mitverlegung']);
	});
});

describe('ordering and reach', () => {
	it('puts blocking findings first, then hoch → hinweis, then the nearest', () => {
		const s = site({ start: '2026-02-20', end: '2026-03-20' });
		const far = site({ ...march, streets: ['Markt'], excavation: false, footprint: rect(0, 40, 100, 44) });
		const closer = site({ ...march, streets: ['Markt'], excavation: false, footprint: rect(0, 10, 100, 14) });
		const high = site({ ...march, footprint: rect(0, 30, 100, 34) });
		const found = check(s, [far, closer, high], [moratorium()]);
		expect(found.map((f) => [f.kind, f.severity, f.details.distanceM ?? null])).toEqual([
			['moratorium', 'hoch', 0],
			['ueberschneidung', 'hoch', 26],
			['ueberschneidung', 'niedrig', 6],
			['ueberschneidung', 'niedrig', 36],
			['mitverlegung', 'hinweis', 26],
			['frost', 'hinweis', null]
		]);
	});

	it('reaches back and forward by the co-laying months, and forward at least to the end', () => {
		expect(timeReach({ start: '2026-03-15', end: '2026-03-20' }, DEFAULT_SETTINGS)).toEqual({ from: '2025-09-15', to: '2026-09-15' });
		expect(timeReach({ start: '2026-03-15', end: '2027-03-20' }, DEFAULT_SETTINGS)).toEqual({ from: '2025-09-15', to: '2027-03-20' });
	});
});
