import { describe, expect, it } from 'vitest';
import { effectiveWindow, toPublic } from './query';
import { sampleRow } from './testing';

describe('toPublic', () => {
	it('keeps exactly the public fields, with German labels', () => {
		const b = toPublic(sampleRow());
		expect(Object.keys(b).sort()).toEqual(
			[
				'actual', 'axis', 'end', 'footprint', 'id', 'networks', 'number', 'period', 'promoter', 'revision', 'start', 'status',
				'statusLabel', 'streets', 'title', 'traffic', 'trafficLabel', 'updatedAt', 'workKind', 'workKindLabel'
			].sort()
		);
		expect(b).toMatchObject({ workKindLabel: 'Leitungsbau', trafficLabel: 'Halbseitige Sperrung', statusLabel: 'Genehmigt', updatedAt: '2026-04-20T08:15:00.000Z' });
	});
	it('passes nothing else on, even if a row carried it', () => {
		const row = { ...sampleRow(), contact: { name: 'Erika Mustermann' }, description: 'Max Mustermann ruft an', created_by: 'u' } as never;
		expect(JSON.stringify(toPublic(row))).not.toMatch(/Mustermann|created_by|contact/);
	});
});

describe('effectiveWindow', () => {
	it('takes actual dates where known and never ends before it starts', () => {
		expect(effectiveWindow('2026-05-04', '2026-05-15', null, null)).toEqual({ start: '2026-05-04', end: '2026-05-15' });
		expect(effectiveWindow('2026-05-04', '2026-05-15', '2026-05-06', null)).toEqual({ start: '2026-05-06', end: '2026-05-15' });
		expect(effectiveWindow('2026-05-04', '2026-05-15', '2026-05-20', null)).toEqual({ start: '2026-05-20', end: '2026-05-20' });
		expect(effectiveWindow('2026-05-04', '2026-05-15', '2026-05-06', '2026-05-12')).toEqual({ start: '2026-05-06', end: '2026-05-12' });
	});
});
