import { describe, expect, it } from 'vitest';
import type { BaustelleStatus, PermitStatus } from '$lib/baustellen';
import { applyBaustelleAction, statusAfterPermits } from './lifecycle';

const permits = (...statuses: PermitStatus[]) => statuses.map((status) => ({ status }));

describe('statusAfterPermits', () => {
	it('moves geplant → beantragt on the first submitted permit', () => {
		expect(statusAfterPermits('geplant', permits('offen', 'offen'))).toBe('geplant');
		expect(statusAfterPermits('geplant', permits('eingereicht', 'offen'))).toBe('beantragt');
	});

	it('moves beantragt → genehmigt when every permit is granted, fictional grants included', () => {
		expect(statusAfterPermits('beantragt', permits('erteilt', 'vollstaendig'))).toBe('beantragt');
		expect(statusAfterPermits('beantragt', permits('erteilt', 'erteilt_mit_auflagen', 'fiktiv_erteilt'))).toBe('genehmigt');
	});

	it('keeps a Baustelle with a refused permit beantragt', () => {
		expect(statusAfterPermits('beantragt', permits('erteilt', 'abgelehnt'))).toBe('beantragt');
	});

	it('takes genehmigt back to beantragt when a changed Baustelle needs a new permit', () => {
		expect(statusAfterPermits('genehmigt', permits('erteilt', 'offen'))).toBe('beantragt');
	});

	it('leaves a Baustelle without required permits geplant (nobody approved anything)', () => {
		expect(statusAfterPermits('geplant', [])).toBe('geplant');
	});

	it('never changes a Baustelle in or after execution, or a cancelled one', () => {
		for (const status of ['in_ausfuehrung', 'abgeschlossen', 'abgenommen', 'storniert'] as const) {
			expect(statusAfterPermits(status, permits('offen'))).toBe(status);
			expect(statusAfterPermits(status, permits('erteilt'))).toBe(status);
		}
	});
});

describe('applyBaustelleAction', () => {
	const granted = { allPermitsGranted: true, hasPermits: true, today: '2026-05-04' };
	const pending = { allPermitsGranted: false, hasPermits: true, today: '2026-05-04' };
	const none = { allPermitsGranted: false, hasPermits: false, today: '2026-05-04' };

	describe('baubeginn', () => {
		it('starts a genehmigt Baustelle, today by default or on a reported earlier day', () => {
			expect(applyBaustelleAction('genehmigt', 'baubeginn', granted)).toEqual({ ok: true, status: 'in_ausfuehrung', patch: { actualStart: '2026-05-04' } });
			expect(applyBaustelleAction('genehmigt', 'baubeginn', { ...granted, actualStart: '2026-04-30' })).toEqual({ ok: true, status: 'in_ausfuehrung', patch: { actualStart: '2026-04-30' } });
		});

		it('starts a geplant Baustelle that needs no permits', () => {
			expect(applyBaustelleAction('geplant', 'baubeginn', none)).toEqual({ ok: true, status: 'in_ausfuehrung', patch: { actualStart: '2026-05-04' } });
		});

		it('refuses while permits are missing', () => {
			const message = 'Die Bauarbeiten dürfen erst beginnen, wenn alle erforderlichen Genehmigungen erteilt sind. Bitte die Entscheidungen der Behörden abwarten.';
			expect(applyBaustelleAction('geplant', 'baubeginn', pending)).toEqual({ ok: false, code: 'permits_missing', message });
			expect(applyBaustelleAction('beantragt', 'baubeginn', pending)).toEqual({ ok: false, code: 'permits_missing', message });
		});

		it('refuses a start in the future or not a date', () => {
			expect(applyBaustelleAction('genehmigt', 'baubeginn', { ...granted, actualStart: '2026-05-05' })).toEqual({
				ok: false,
				code: 'future_date',
				message: 'Der Baubeginn darf nicht in der Zukunft liegen (05.05.2026). Bitte erst melden, wenn es so weit ist.'
			});
			expect(applyBaustelleAction('genehmigt', 'baubeginn', { ...granted, actualStart: '2026-02-30' })).toEqual({
				ok: false,
				code: 'invalid_date',
				message: 'Bitte den Baubeginn als Datum angeben (JJJJ-MM-TT).'
			});
		});

		it('refuses after the start and for a cancelled Baustelle', () => {
			expect(applyBaustelleAction('in_ausfuehrung', 'baubeginn', { ...granted, actualStart: '2026-04-30' })).toEqual({
				ok: false,
				code: 'wrong_status',
				message: '„Baubeginn anzeigen“ ist im Stand „In Ausführung“ nicht möglich. Die Bauarbeiten laufen bereits (Baubeginn 30.04.2026). Bitte nach Abschluss die Fertigstellung melden.'
			});
			expect(applyBaustelleAction('storniert', 'baubeginn', none)).toEqual({
				ok: false,
				code: 'wrong_status',
				message: '„Baubeginn anzeigen“ ist im Stand „Storniert“ nicht möglich. Die Baustelle ist storniert. Für ein neues Vorhaben bitte eine neue Baustelle anlegen.'
			});
		});
	});

	describe('fertigmeldung', () => {
		const running = { ...granted, actualStart: '2026-04-30' };

		it('closes the works today or on a reported day not before the start', () => {
			expect(applyBaustelleAction('in_ausfuehrung', 'fertigmeldung', running)).toEqual({ ok: true, status: 'abgeschlossen', patch: { actualEnd: '2026-05-04' } });
			expect(applyBaustelleAction('in_ausfuehrung', 'fertigmeldung', { ...running, actualEnd: '2026-04-30' })).toEqual({ ok: true, status: 'abgeschlossen', patch: { actualEnd: '2026-04-30' } });
		});

		it('refuses an end before the start or in the future', () => {
			expect(applyBaustelleAction('in_ausfuehrung', 'fertigmeldung', { ...running, actualEnd: '2026-04-29' })).toEqual({
				ok: false,
				code: 'end_before_start',
				message: 'Das Bauende (29.04.2026) liegt vor dem Baubeginn (30.04.2026). Bitte das Datum prüfen.'
			});
			expect(applyBaustelleAction('in_ausfuehrung', 'fertigmeldung', { ...running, actualEnd: '2026-06-01' })).toEqual({
				ok: false,
				code: 'future_date',
				message: 'Das Bauende darf nicht in der Zukunft liegen (01.06.2026). Bitte erst melden, wenn es so weit ist.'
			});
		});

		it('is only possible during the works', () => {
			expect(applyBaustelleAction('genehmigt', 'fertigmeldung', granted)).toEqual({
				ok: false,
				code: 'wrong_status',
				message: '„Fertigstellung melden“ ist im Stand „Genehmigt“ nicht möglich. Die Baustelle ist noch nicht begonnen. Bitte zuerst den Baubeginn anzeigen.'
			});
		});
	});

	describe('abnahme', () => {
		it('accepts the surface after the Fertigmeldung', () => {
			expect(applyBaustelleAction('abgeschlossen', 'abnahme', granted)).toEqual({ ok: true, status: 'abgenommen', patch: {} });
		});

		it('refuses before the Fertigmeldung and twice', () => {
			expect(applyBaustelleAction('in_ausfuehrung', 'abnahme', granted)).toEqual({
				ok: false,
				code: 'wrong_status',
				message: 'Abnehmen lässt sich eine Baustelle erst nach der Fertigmeldung; sie ist „In Ausführung“.'
			});
			expect(applyBaustelleAction('abgenommen', 'abnahme', granted)).toEqual({
				ok: false,
				code: 'wrong_status',
				message: '„Abnahme bestätigen“ ist im Stand „Abgenommen“ nicht möglich. Die Baustelle ist abgeschlossen und abgenommen; daran ändert sich nichts mehr.'
			});
		});
	});

	describe('stornieren', () => {
		it('cancels any Baustelle before the works begin', () => {
			for (const status of ['geplant', 'beantragt', 'genehmigt'] as const) {
				expect(applyBaustelleAction(status, 'stornieren', pending)).toEqual({ ok: true, status: 'storniert', patch: {} });
			}
		});

		it('refuses once the works have begun, or twice', () => {
			expect(applyBaustelleAction('in_ausfuehrung', 'stornieren', granted)).toEqual({
				ok: false,
				code: 'wrong_status',
				message: 'Eine Baustelle in Ausführung lässt sich nicht stornieren. Bitte nach dem Ende der Arbeiten die Fertigstellung melden.'
			});
			for (const status of ['abgeschlossen', 'abgenommen', 'storniert'] as BaustelleStatus[]) {
				expect(applyBaustelleAction(status, 'stornieren', granted)).toMatchObject({ ok: false, code: 'wrong_status' });
			}
		});
	});
});
