import { describe, expect, it } from 'vitest';
import { isUnchanged, renewalDiff, type DiffOperator } from './renew-diff';

const line = (id: string, x = 0, layer = 'Wasser') => ({
	type: 'Feature',
	geometry: { type: 'LineString', coordinates: [[x, 0], [x + 10, 0]] },
	properties: { source_id: id, layer, network: 'wasser', lengthM: 10 }
});
const op = (id: string, status: DiffOperator['status'], features: ReturnType<typeof line>[] = [], released = status === 'betroffen'): DiffOperator => ({
	id,
	name: `Betreiber ${id}`,
	status,
	released,
	features
});
const layer = (layerId: string, sha256: string) => ({ layerId, layer: `Layer ${layerId}`, operator: 'Betreiber', sha256 });

describe('renewal diff', () => {
	it('reports nothing but the validity when nothing changed', () => {
		const side = { validUntil: '2026-04-01', operators: [op('a', 'betroffen', [line('w1')])], layers: [layer('L1', 'aa')] };
		const d = renewalDiff(side, { ...side, validUntil: '2026-05-01' });
		expect(d.validUntil).toEqual({ from: '2026-04-01', to: '2026-05-01' });
		expect(isUnchanged(d)).toBe(true);
	});

	it('finds new and removed operators and status changes', () => {
		const d = renewalDiff(
			{ validUntil: '2026-04-01', operators: [op('a', 'betroffen'), op('b', 'ausstehend'), op('c', 'nicht_betroffen')], layers: [] },
			{ validUntil: '2026-05-01', operators: [op('a', 'betroffen'), op('b', 'betroffen'), op('n', 'ausstehend')], layers: [] }
		);
		expect(d.operatorsAdded).toEqual([{ id: 'n', name: 'Betreiber n', status: 'ausstehend' }]);
		expect(d.operatorsRemoved).toEqual([{ id: 'c', name: 'Betreiber c', status: 'nicht_betroffen' }]);
		expect(d.statusChanged).toEqual([{ id: 'b', name: 'Betreiber b', from: 'ausstehend', to: 'betroffen' }]);
	});

	it('lists layer versions that changed, appeared or went away', () => {
		const d = renewalDiff(
			{ validUntil: 'x', operators: [], layers: [layer('L1', 'aa'), layer('L2', 'bb'), layer('L3', 'cc')] },
			{ validUntil: 'x', operators: [], layers: [layer('L1', 'aa'), layer('L2', 'b2'), layer('L4', 'dd')] }
		);
		expect(d.layerVersionsChanged).toEqual([
			{ layerId: 'L2', layer: 'Layer L2', operator: 'Betreiber', from: 'bb', to: 'b2' },
			{ layerId: 'L4', layer: 'Layer L4', operator: 'Betreiber', from: null, to: 'dd' },
			{ layerId: 'L3', layer: 'Layer L3', operator: 'Betreiber', from: 'cc', to: null }
		]);
	});

	it('counts features added, removed and changed per operator by layer and source_id', () => {
		const d = renewalDiff(
			{ validUntil: 'x', operators: [op('a', 'betroffen', [line('w1'), line('w2'), line('w3')])], layers: [] },
			{ validUntil: 'x', operators: [op('a', 'betroffen', [line('w1'), line('w3', 5), line('w4'), line('w2', 0, 'Gas')])], layers: [] }
		);
		expect(d.featuresAdded).toEqual([{ id: 'a', name: 'Betreiber a', count: 2, sourceIds: ['w2', 'w4'] }]);
		expect(d.featuresRemoved).toEqual([{ id: 'a', name: 'Betreiber a', count: 1, sourceIds: ['w2'] }]);
		expect(d.featuresChanged).toEqual([{ id: 'a', name: 'Betreiber a', count: 1, sourceIds: ['w3'] }]);
	});

	it('ignores the clip length when comparing (it follows from the geometry)', () => {
		const a = line('w1');
		const b = { ...line('w1'), properties: { ...line('w1').properties, lengthM: 10.004 } };
		const d = renewalDiff({ validUntil: 'x', operators: [op('a', 'betroffen', [a])], layers: [] }, { validUntil: 'x', operators: [op('a', 'betroffen', [b])], layers: [] });
		expect(d.featuresChanged).toEqual([]);
	});

	it('does not mistake reordered keys for a change (jsonb sorts them)', () => {
		const a = line('w1');
		const stored = { type: 'Feature', properties: Object.fromEntries(Object.entries(a.properties).reverse()), geometry: { coordinates: a.geometry.coordinates, type: 'LineString' } };
		const d = renewalDiff({ validUntil: 'x', operators: [op('a', 'betroffen', [stored as never])], layers: [] }, { validUntil: 'x', operators: [op('a', 'betroffen', [a])], layers: [] });
		expect(isUnchanged(d)).toBe(true);
	});

	it('tells nothing about plans the requester does not see', () => {
		// pending before and after: its computed lines changed, but were never released
		const d = renewalDiff(
			{ validUntil: 'x', operators: [op('m', 'ausstehend', [line('s1')])], layers: [] },
			{ validUntil: 'x', operators: [op('m', 'ausstehend', [line('s1'), line('s2')])], layers: [] }
		);
		expect(d.featuresAdded).toEqual([]);
		// released before, pending now: a status change, not "all lines removed"
		const e = renewalDiff(
			{ validUntil: 'x', operators: [op('m', 'betroffen', [line('s1')])], layers: [] },
			{ validUntil: 'x', operators: [op('m', 'ausstehend', [line('s1'), line('s2')])], layers: [] }
		);
		expect(e.featuresRemoved).toEqual([]);
		expect(e.featuresAdded).toEqual([]);
		expect(e.statusChanged).toHaveLength(1);
		// own documents instead of the plan: betroffen but not released
		const f = renewalDiff({ validUntil: 'x', operators: [], layers: [] }, { validUntil: 'x', operators: [op('m', 'betroffen', [line('s1')], false)], layers: [] });
		expect(f.featuresAdded).toEqual([]);
	});

	it('a newcomer with a released plan adds all its lines; a leaver removes its released ones', () => {
		const d = renewalDiff(
			{ validUntil: 'x', operators: [op('old', 'betroffen', [line('o1')])], layers: [] },
			{ validUntil: 'x', operators: [op('new', 'betroffen', [line('n1'), line('n2')])], layers: [] }
		);
		expect(d.featuresAdded).toEqual([{ id: 'new', name: 'Betreiber new', count: 2, sourceIds: ['n1', 'n2'] }]);
		expect(d.featuresRemoved).toEqual([{ id: 'old', name: 'Betreiber old', count: 1, sourceIds: ['o1'] }]);
	});
});
