import { describe, expect, it } from 'vitest';
import { parseAuskunftInput } from './input';

const square = { type: 'Polygon', coordinates: [[[11.97, 51.48], [11.971, 51.48], [11.971, 51.4806], [11.97, 51.4806], [11.97, 51.48]]] };
const ok = { type: 'bau', geometry: square, workClass: 'aufgrabung', period: { start: '2026-12-01', end: '2026-12-12' }, description: 'Hausanschluss Wasser' };

describe('Auskunft input', () => {
	it('reads a complete request', () => {
		const r = parseAuskunftInput({ ...ok, reference: ' BV-17 ', site: { bauleiter: 'B. Bauer', tiefeM: '1,8' } }, '2026-11-26');
		expect('input' in r && r.input).toMatchObject({ type: 'bau', workClass: 'aufgrabung', reference: 'BV-17', site: { bauleiter: 'B. Bauer', tiefeM: 1.8, firma: '' } });
	});

	it('names every faulty field in German', () => {
		const r = parseAuskunftInput({ type: 'eilig', geometry: { type: 'Point', coordinates: [1, 2] }, period: { start: '1.12.2026' } }, '2026-11-26');
		expect('problems' in r && r.problems.map((p) => p.field)).toEqual(['type', 'workClass', 'geometry', 'period.start', 'period.end', 'description']);
	});

	it('refuses a period that ends before it starts or lies in the past', () => {
		const r = parseAuskunftInput({ ...ok, period: { start: '2026-11-01', end: '2026-10-01' } }, '2026-11-26');
		expect('problems' in r && r.problems.map((p) => p.message)).toEqual(['Das Bauende liegt vor dem Baubeginn.', 'Der Zeitraum liegt in der Vergangenheit.']);
	});
});
