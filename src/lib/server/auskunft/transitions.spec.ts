import { describe, expect, it } from 'vitest';
import { answerOutcome, answerValidUntil, canAnswer, isOverdue, validUntilAfterAnswers } from './transitions';
import { auskunftStatus } from './rules';

describe('an operator answers from its inbox', () => {
	const pending = { status: 'ausstehend' as const, featureCount: 4 };

	it('releases the computed plan: betroffen', () => {
		expect(answerOutcome(pending, 'freigabe')).toEqual({ ok: true, status: 'betroffen', planReleased: true });
	});

	it('cannot release an empty plan', () => {
		const r = answerOutcome({ ...pending, featureCount: 0 }, 'freigabe');
		expect(r).toMatchObject({ ok: false, code: 'nothing_to_release' });
	});

	it('answers nicht_betroffen, and the computed lines stay withheld', () => {
		expect(answerOutcome(pending, 'nicht_betroffen')).toEqual({ ok: true, status: 'nicht_betroffen', planReleased: false });
	});

	it('sends own documents: betroffen, the computed plan only when also released', () => {
		expect(answerOutcome(pending, 'unterlagen', { hasAttachment: true })).toEqual({ ok: true, status: 'betroffen', planReleased: false });
		expect(answerOutcome(pending, 'unterlagen', { hasAttachment: true, releasePlan: true })).toEqual({ ok: true, status: 'betroffen', planReleased: true });
		expect(answerOutcome({ ...pending, featureCount: 0 }, 'unterlagen', { hasAttachment: true, releasePlan: true })).toMatchObject({ planReleased: false });
		expect(answerOutcome(pending, 'unterlagen')).toMatchObject({ ok: false, code: 'attachment_missing' });
	});

	it('answers once; a late answer after keine_antwort is still taken', () => {
		expect(canAnswer('ausstehend')).toBe(true);
		expect(canAnswer('keine_antwort')).toBe(true);
		expect(answerOutcome({ status: 'keine_antwort', featureCount: 1 }, 'freigabe')).toMatchObject({ ok: true, status: 'betroffen' });
		for (const status of ['betroffen', 'nicht_betroffen'] as const) {
			expect(answerOutcome({ status, featureCount: 1 }, 'freigabe')).toMatchObject({ ok: false, code: 'already_answered' });
		}
	});
});

describe('validity after answers', () => {
	it('counts from the day of the answer', () => {
		expect(answerValidUntil('2026-03-09', 28)).toBe('2026-04-06');
	});

	it('is the earliest of the operators that answered; pending and unanswered set none', () => {
		const ops = [
			{ status: 'betroffen' as const, validUntil: '2026-04-06' },
			{ status: 'nicht_betroffen' as const, validUntil: '2026-03-30' },
			{ status: 'ausstehend' as const, validUntil: '2026-03-12' },
			{ status: 'keine_antwort' as const, validUntil: '2026-03-11' }
		];
		expect(validUntilAfterAnswers(ops, '2026-05-01')).toBe('2026-03-30');
		expect(validUntilAfterAnswers([ops[2]!], '2026-05-01')).toBe('2026-05-01');
	});
});

describe('deadline', () => {
	const due = new Date('2026-03-11T22:59:59.999Z');
	it('turns a pending operator overdue at its escalation time, not before', () => {
		expect(isOverdue({ status: 'ausstehend', escalatesAt: due }, new Date('2026-03-11T22:00:00Z'))).toBe(false);
		expect(isOverdue({ status: 'ausstehend', escalatesAt: due }, due)).toBe(true);
		expect(isOverdue({ status: 'betroffen', escalatesAt: due }, new Date('2026-04-01T00:00:00Z'))).toBe(false);
		expect(isOverdue({ status: 'ausstehend', escalatesAt: null }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
	});

	it('makes the Auskunft unvollstaendig once nobody is pending any more', () => {
		expect(auskunftStatus(['betroffen', 'ausstehend'], '2026-04-01', '2026-03-10')).toBe('vorlaeufig');
		expect(auskunftStatus(['betroffen', 'keine_antwort'], '2026-04-01', '2026-03-12')).toBe('unvollstaendig');
		expect(auskunftStatus(['betroffen', 'nicht_betroffen'], '2026-04-01', '2026-03-12')).toBe('erteilt');
		expect(auskunftStatus(['betroffen', 'keine_antwort'], '2026-04-01', '2026-04-02')).toBe('abgelaufen');
	});
});
