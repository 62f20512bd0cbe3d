import { describe, expect, it } from 'vitest';
import { PERMIT_STATUSES, type PermitKind, type PermitStatus } from '$lib/baustellen';
import { PERMIT_ACTIONS, applyPermitAction, type PermitActionInput, type PermitState } from './actions';
import { DEFAULT_PERIODS } from './periods';

function permit(kind: PermitKind, status: PermitStatus, more: Partial<PermitState> = {}): PermitState {
	return { kind, status, submittedAt: null, completeAt: null, dueAt: null, extended: false, conditions: '', reason: '', ...more };
}
const input = (kind: PermitKind, today: string, more: Partial<PermitActionInput> = {}): PermitActionInput => ({ today, period: DEFAULT_PERIODS[kind], ...more });

/** a TK consent complete on 15.03.2026, due 15.06.2026 */
const tkgRunning = permit('tkg_zustimmung', 'vollstaendig', { submittedAt: '2026-03-02', completeAt: '2026-03-15', dueAt: '2026-06-15' });
/** an Aufgrabeerlaubnis complete on 27.03.2026, due 14.04.2026 (Easter in between) */
const aufgrabeRunning = permit('aufgrabeerlaubnis', 'vollstaendig', { submittedAt: '2026-03-20', completeAt: '2026-03-27', dueAt: '2026-04-14' });

describe('einreichen', () => {
	it('submits an open application', () => {
		expect(applyPermitAction(permit('aufgrabeerlaubnis', 'offen'), 'einreichen', input('aufgrabeerlaubnis', '2026-03-20'))).toEqual({
			ok: true,
			decision: false,
			patch: { status: 'eingereicht', submittedAt: '2026-03-20', completeAt: null, dueAt: null, extended: false, reason: '' }
		});
	});

	it('resubmits after requested changes; the old request is answered and the clock waits for completeness', () => {
		const changed = permit('tkg_zustimmung', 'nachforderung', { submittedAt: '2026-03-02', reason: 'Lageplan im Maßstab 1:500 fehlt.' });
		expect(applyPermitAction(changed, 'einreichen', input('tkg_zustimmung', '2026-03-10'))).toMatchObject({
			ok: true,
			patch: { status: 'eingereicht', submittedAt: '2026-03-10', completeAt: null, dueAt: null, reason: '' }
		});
	});

	it('refuses a second submission', () => {
		expect(applyPermitAction(permit('aufgrabeerlaubnis', 'eingereicht'), 'einreichen', input('aufgrabeerlaubnis', '2026-03-20'))).toEqual({
			ok: false,
			code: 'wrong_status',
			message:
				'„Antrag einreichen“ ist im Stand „Eingereicht“ nicht möglich. Der Antrag ist eingereicht, aber noch nicht als vollständig bestätigt. Bitte zuerst die Vollständigkeit bestätigen oder Änderungen anfordern.'
		});
		expect(applyPermitAction(aufgrabeRunning, 'einreichen', input('aufgrabeerlaubnis', '2026-04-01'))).toEqual({
			ok: false,
			code: 'wrong_status',
			message:
				'„Antrag einreichen“ ist im Stand „Vollständig, in Prüfung“ nicht möglich. Der Antrag ist bereits vollständig (seit 27.03.2026); die Frist läuft bis 14.04.2026. Bitte entscheiden oder Änderungen anfordern.'
		});
	});
});

describe('vollstaendig', () => {
	it('starts the clock: working days across Easter', () => {
		expect(applyPermitAction(permit('aufgrabeerlaubnis', 'eingereicht', { submittedAt: '2026-03-20' }), 'vollstaendig', input('aufgrabeerlaubnis', '2026-03-27'))).toEqual({
			ok: true,
			decision: false,
			patch: { status: 'vollstaendig', completeAt: '2026-03-27', dueAt: '2026-04-14', extended: false }
		});
	});

	it('starts the TK clock of three months, with the authority`s own period for other kinds', () => {
		expect(applyPermitAction(permit('tkg_zustimmung', 'eingereicht'), 'vollstaendig', input('tkg_zustimmung', '2026-03-15'))).toMatchObject({ ok: true, patch: { dueAt: '2026-06-15' } });
		const own = input('sondernutzung', '2026-12-21', { period: { unit: 'arbeitstage', value: 10, fiction: false } });
		expect(applyPermitAction(permit('sondernutzung', 'eingereicht'), 'vollstaendig', own)).toMatchObject({ ok: true, patch: { dueAt: '2027-01-07' } });
	});

	it('refuses before submission and while changes are requested', () => {
		expect(applyPermitAction(permit('aufgrabeerlaubnis', 'offen'), 'vollstaendig', input('aufgrabeerlaubnis', '2026-03-27'))).toEqual({
			ok: false,
			code: 'wrong_status',
			message: '„Vollständigkeit bestätigen“ ist im Stand „Noch nicht beantragt“ nicht möglich. Der Antrag ist noch nicht eingereicht. Bitte zuerst den Antrag einreichen.'
		});
		expect(applyPermitAction(permit('aufgrabeerlaubnis', 'nachforderung'), 'vollstaendig', input('aufgrabeerlaubnis', '2026-03-27'))).toEqual({
			ok: false,
			code: 'wrong_status',
			message:
				'„Vollständigkeit bestätigen“ ist im Stand „Änderungen angefordert“ nicht möglich. Es sind Änderungen angefordert. Der Antragsteller muss den Antrag zuerst geändert erneut einreichen.'
		});
		expect(applyPermitAction(aufgrabeRunning, 'vollstaendig', input('aufgrabeerlaubnis', '2026-04-01'))).toMatchObject({ ok: false, code: 'wrong_status' });
	});
});

describe('nachfordern', () => {
	it('asks for changes and stops the clock, from eingereicht and from vollstaendig', () => {
		const reason = '  Bitte Querschnitt der Baugrube und Verkehrszeichenplan nachreichen.  ';
		for (const p of [permit('aufgrabeerlaubnis', 'eingereicht'), aufgrabeRunning]) {
			expect(applyPermitAction(p, 'nachfordern', input('aufgrabeerlaubnis', '2026-04-01', { reason }))).toEqual({
				ok: true,
				decision: false,
				patch: { status: 'nachforderung', reason: 'Bitte Querschnitt der Baugrube und Verkehrszeichenplan nachreichen.', completeAt: null, dueAt: null, extended: false }
			});
		}
	});

	it('needs to say what must change', () => {
		for (const reason of [undefined, '', '   ', 'Plan?']) {
			expect(applyPermitAction(aufgrabeRunning, 'nachfordern', input('aufgrabeerlaubnis', '2026-04-01', { reason }))).toEqual({
				ok: false,
				code: 'text_required',
				message: 'Bitte die angeforderten Änderungen angeben (mindestens 10 Zeichen).'
			});
		}
	});

	it('is not possible before submission', () => {
		expect(applyPermitAction(permit('aufgrabeerlaubnis', 'offen'), 'nachfordern', input('aufgrabeerlaubnis', '2026-04-01', { reason: 'Lageplan fehlt noch.' }))).toMatchObject({
			ok: false,
			code: 'wrong_status'
		});
	});
});

describe('erteilen and erteilen_mit_auflagen', () => {
	it('grants from eingereicht (completeness implied that day) and from vollstaendig (completeness kept)', () => {
		expect(applyPermitAction(permit('aufgrabeerlaubnis', 'eingereicht'), 'erteilen', input('aufgrabeerlaubnis', '2026-03-25'))).toEqual({
			ok: true,
			decision: true,
			patch: { status: 'erteilt', conditions: '', completeAt: '2026-03-25' }
		});
		expect(applyPermitAction(aufgrabeRunning, 'erteilen', input('aufgrabeerlaubnis', '2026-04-20'))).toEqual({
			ok: true,
			decision: true,
			patch: { status: 'erteilt', conditions: '', completeAt: '2026-03-27' }
		});
	});

	it('grants with conditions, which must say something', () => {
		const conditions = ' Oberfläche in Asphaltbauweise wiederherstellen; Abnahme mit dem Tiefbauamt vereinbaren. ';
		expect(applyPermitAction(aufgrabeRunning, 'erteilen_mit_auflagen', input('aufgrabeerlaubnis', '2026-04-10', { conditions }))).toEqual({
			ok: true,
			decision: true,
			patch: { status: 'erteilt_mit_auflagen', conditions: conditions.trim(), completeAt: '2026-03-27' }
		});
		expect(applyPermitAction(aufgrabeRunning, 'erteilen_mit_auflagen', input('aufgrabeerlaubnis', '2026-04-10', { conditions: 'Asphalt' }))).toEqual({
			ok: false,
			code: 'text_required',
			message: 'Bitte die Auflagen angeben (mindestens 10 Zeichen).'
		});
	});

	it('refuses the Aufgrabeerlaubnis and the TK consent under an Aufbruchsperre, not the other kinds', () => {
		const blocked = 'Aufbruchsperre „Große Ulrichstraße“ bis 30.09.2029 (Deckensanierung 2024)';
		expect(applyPermitAction(aufgrabeRunning, 'erteilen', input('aufgrabeerlaubnis', '2026-04-10', { blocked }))).toEqual({
			ok: false,
			code: 'blocked',
			message:
				'Die Aufbruch-/Aufgrabeerlaubnis kann nicht erteilt werden: Aufbruchsperre „Große Ulrichstraße“ bis 30.09.2029 (Deckensanierung 2024). Bitte den Antrag ablehnen, eine Ausnahme der Aufbruchsperre prüfen oder die Sperre aufheben.'
		});
		expect(applyPermitAction(tkgRunning, 'erteilen_mit_auflagen', input('tkg_zustimmung', '2026-05-04', { blocked, conditions: 'Verlegetiefe mindestens 0,6 m.' }))).toMatchObject({
			ok: false,
			code: 'blocked'
		});
		for (const kind of ['verkehrsrechtliche_anordnung', 'sondernutzung'] as const) {
			expect(applyPermitAction(permit(kind, 'eingereicht'), 'erteilen', input(kind, '2026-04-10', { blocked }))).toMatchObject({ ok: true, patch: { status: 'erteilt' } });
		}
	});

	it('is not possible before submission or while changes are requested', () => {
		for (const status of ['offen', 'nachforderung'] as const) {
			expect(applyPermitAction(permit('aufgrabeerlaubnis', status), 'erteilen', input('aufgrabeerlaubnis', '2026-04-10'))).toMatchObject({ ok: false, code: 'wrong_status' });
		}
	});

	it('still decides a working-day permit after its due date (no fiction there)', () => {
		expect(applyPermitAction(aufgrabeRunning, 'erteilen', input('aufgrabeerlaubnis', '2026-05-30'))).toMatchObject({ ok: true, patch: { status: 'erteilt' } });
	});
});

describe('ablehnen', () => {
	it('refuses with a reason, also while changes are requested', () => {
		const reason = 'Vollsperrung der Magistrale während der Messe nicht vertretbar.';
		for (const p of [permit('verkehrsrechtliche_anordnung', 'eingereicht'), permit('verkehrsrechtliche_anordnung', 'vollstaendig', { completeAt: '2026-03-27', dueAt: '2026-04-14' }), permit('verkehrsrechtliche_anordnung', 'nachforderung')]) {
			expect(applyPermitAction(p, 'ablehnen', input('verkehrsrechtliche_anordnung', '2026-04-01', { reason }))).toEqual({ ok: true, decision: true, patch: { status: 'abgelehnt', reason } });
		}
		expect(applyPermitAction(permit('verkehrsrechtliche_anordnung', 'eingereicht'), 'ablehnen', input('verkehrsrechtliche_anordnung', '2026-04-01'))).toEqual({
			ok: false,
			code: 'text_required',
			message: 'Bitte eine Begründung der Ablehnung angeben (mindestens 10 Zeichen).'
		});
		expect(applyPermitAction(permit('verkehrsrechtliche_anordnung', 'offen'), 'ablehnen', input('verkehrsrechtliche_anordnung', '2026-04-01', { reason }))).toMatchObject({ ok: false, code: 'wrong_status' });
	});
});

describe('verlaengern', () => {
	it('extends the TK clock once, up to and including the due date', () => {
		expect(applyPermitAction(tkgRunning, 'verlaengern', input('tkg_zustimmung', '2026-06-15'))).toEqual({ ok: true, decision: false, patch: { extended: true, dueAt: '2026-07-15' } });
	});

	it('extends only once', () => {
		const extended = { ...tkgRunning, extended: true, dueAt: '2026-07-15' };
		expect(applyPermitAction(extended, 'verlaengern', input('tkg_zustimmung', '2026-07-01'))).toEqual({
			ok: false,
			code: 'already_extended',
			message: 'Die Frist wurde bereits verlängert (bis 15.07.2026); sie lässt sich nur einmal verlängern.'
		});
	});

	it('is too late the day after the due date', () => {
		expect(applyPermitAction(tkgRunning, 'verlaengern', input('tkg_zustimmung', '2026-06-16'))).toEqual({
			ok: false,
			code: 'too_late',
			message: 'Die Frist ist am 15.06.2026 abgelaufen; verlängern lässt sie sich nur bis zu diesem Tag. Bitte die fiktive Erteilung vermerken.'
		});
	});

	it('exists only for the TK consent, and only while its clock runs', () => {
		expect(applyPermitAction(aufgrabeRunning, 'verlaengern', input('aufgrabeerlaubnis', '2026-04-01'))).toEqual({
			ok: false,
			code: 'not_extendable',
			message: 'Die Frist für die Aufbruch-/Aufgrabeerlaubnis lässt sich nicht verlängern; verlängerbar ist nur die Frist der Zustimmung nach § 127 TKG.'
		});
		const noExtension = input('tkg_zustimmung', '2026-04-01', { period: { unit: 'monate', value: 3, fiction: true } });
		expect(applyPermitAction(tkgRunning, 'verlaengern', noExtension)).toMatchObject({ ok: false, code: 'not_extendable' });
		expect(applyPermitAction(permit('tkg_zustimmung', 'eingereicht'), 'verlaengern', input('tkg_zustimmung', '2026-04-01'))).toMatchObject({ ok: false, code: 'wrong_status' });
	});
});

describe('fiktion', () => {
	it('is not possible on the due date itself', () => {
		expect(applyPermitAction(tkgRunning, 'fiktion', input('tkg_zustimmung', '2026-06-15'))).toEqual({
			ok: false,
			code: 'not_yet_due',
			message: 'Die Frist läuft noch bis einschließlich 15.06.2026. Die Zustimmung gilt erst ab dem folgenden Tag als erteilt.'
		});
	});

	it('records the fictional grant exactly from the day after the due date', () => {
		expect(applyPermitAction(tkgRunning, 'fiktion', input('tkg_zustimmung', '2026-06-16'))).toEqual({ ok: true, decision: true, patch: { status: 'fiktiv_erteilt' } });
	});

	it('waits for the extended due date', () => {
		const extended = { ...tkgRunning, extended: true, dueAt: '2026-07-15' };
		expect(applyPermitAction(extended, 'fiktion', input('tkg_zustimmung', '2026-07-15'))).toMatchObject({ ok: false, code: 'not_yet_due' });
		expect(applyPermitAction(extended, 'fiktion', input('tkg_zustimmung', '2026-07-16'))).toMatchObject({ ok: true, patch: { status: 'fiktiv_erteilt' } });
	});

	it('does not exist for the other kinds, and needs a running clock', () => {
		expect(applyPermitAction(aufgrabeRunning, 'fiktion', input('aufgrabeerlaubnis', '2026-05-30'))).toEqual({
			ok: false,
			code: 'no_fiction',
			message: 'Für die Aufbruch-/Aufgrabeerlaubnis gibt es keine Genehmigungsfiktion; über den Antrag muss ausdrücklich entschieden werden.'
		});
		expect(applyPermitAction(permit('tkg_zustimmung', 'eingereicht'), 'fiktion', input('tkg_zustimmung', '2026-12-01'))).toMatchObject({ ok: false, code: 'wrong_status' });
	});

	it('once it has occurred, the authority can no longer grant, refuse or ask for changes', () => {
		const message = 'Die Frist ist am 15.06.2026 abgelaufen; die Zustimmung gilt seitdem als erteilt (§ 127 Abs. 3 TKG). Bitte die fiktive Erteilung vermerken.';
		const more = { reason: 'Trassenführung im Wurzelbereich der Allee nicht zulässig.', conditions: 'Handschachtung im Wurzelbereich.' };
		for (const action of ['erteilen', 'erteilen_mit_auflagen', 'ablehnen', 'nachfordern'] as const) {
			expect(applyPermitAction(tkgRunning, action, input('tkg_zustimmung', '2026-06-16', more)), action).toEqual({ ok: false, code: 'fiction_occurred', message });
			expect(applyPermitAction(tkgRunning, action, input('tkg_zustimmung', '2026-06-15', more)), action).toMatchObject({ ok: true });
		}
	});
});

describe('decisions are final', () => {
	it('refuses every action on a decided permit and says so', () => {
		const decided = PERMIT_STATUSES.filter((s) => ['erteilt', 'erteilt_mit_auflagen', 'abgelehnt', 'fiktiv_erteilt'].includes(s));
		expect(decided).toHaveLength(4);
		for (const status of decided) {
			for (const action of PERMIT_ACTIONS) {
				const result = applyPermitAction({ ...tkgRunning, status }, action, input('tkg_zustimmung', '2026-07-01', { reason: 'Neue Planung der Trasse.', conditions: 'Auflagen wie besprochen.' }));
				expect(result.ok, `${status} ${action}`).toBe(false);
				if (!result.ok) expect(result.code).toBe('already_decided');
			}
		}
		expect(applyPermitAction({ ...tkgRunning, status: 'abgelehnt' }, 'einreichen', input('tkg_zustimmung', '2026-07-01'))).toEqual({
			ok: false,
			code: 'already_decided',
			message: 'Über diesen Antrag ist bereits entschieden („Abgelehnt“). Eine Entscheidung lässt sich nicht mehr ändern; für ein geändertes Vorhaben ist ein neuer Antrag nötig.'
		});
	});
});
