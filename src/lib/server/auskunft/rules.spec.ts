import { describe, expect, it } from 'vitest';
import { addDays, auskunftStatus, berlinDate, bufferFor, formatNumber, initialOperatorStatus, overallValidUntil } from './rules';

describe('buffer choice', () => {
	it('takes the larger of work class distance and layer buffer', () => {
		expect(bufferFor('aufgrabung', null)).toBe(10);
		expect(bufferFor('aufgrabung', 50)).toBe(50); // Gas-Hochdruck
		expect(bufferFor('grossbaustelle', 30)).toBe(50);
		expect(bufferFor('handschachtung', 0)).toBe(5);
	});
});

describe('operator status', () => {
	const auto = { answerMode: 'automatic' as const, dataComplete: true };
	it('answers automatically for complete, automatic operators', () => {
		expect(initialOperatorStatus(3, auto, 'bau')).toBe('betroffen');
		expect(initialOperatorStatus(0, auto, 'bau')).toBe('nicht_betroffen');
	});
	it('never gives an automatic negative without a completeness declaration', () => {
		expect(initialOperatorStatus(0, { ...auto, dataComplete: false }, 'bau')).toBe('ausstehend');
		expect(initialOperatorStatus(2, { ...auto, dataComplete: false }, 'bau')).toBe('betroffen');
	});
	it('lets manual operators release every answer', () => {
		expect(initialOperatorStatus(2, { answerMode: 'manual', dataComplete: true }, 'bau')).toBe('ausstehend');
		expect(initialOperatorStatus(0, { answerMode: 'manual', dataComplete: true }, 'planung')).toBe('ausstehend');
	});
	it('does not wait in an emergency, and does not claim "nicht betroffen" without complete data', () => {
		expect(initialOperatorStatus(0, { answerMode: 'manual', dataComplete: false }, 'notfall')).toBe('betroffen');
		expect(initialOperatorStatus(0, { answerMode: 'manual', dataComplete: true }, 'notfall')).toBe('nicht_betroffen');
	});
});

describe('Auskunft status', () => {
	it('is vorläufig while anyone is pending, unvollständig after a missed deadline, else erteilt', () => {
		expect(auskunftStatus(['betroffen', 'ausstehend'], '2026-12-24', '2026-11-26')).toBe('vorlaeufig');
		expect(auskunftStatus(['betroffen', 'keine_antwort'], '2026-12-24', '2026-11-26')).toBe('unvollstaendig');
		expect(auskunftStatus(['betroffen', 'nicht_betroffen'], '2026-12-24', '2026-11-26')).toBe('erteilt');
		expect(auskunftStatus(['betroffen'], '2026-11-25', '2026-11-26')).toBe('abgelaufen');
	});
	it('is valid until the earliest operator validity', () => {
		expect(overallValidUntil(['2026-12-24', '2026-12-10', '2027-01-05'], 'x')).toBe('2026-12-10');
	});
});

describe('dates and numbers', () => {
	it('counts calendar days in Berlin', () => {
		expect(addDays('2026-11-26', 28)).toBe('2026-12-24');
		expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // across the DST switch
		expect(berlinDate(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
	});
	it('formats numbers like LA-2026-000123', () => {
		expect(formatNumber(2026, 123)).toBe('LA-2026-000123');
	});
});
