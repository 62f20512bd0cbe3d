import { describe, expect, it } from 'vitest';
import { sketch } from './inbox';

describe('inbox sketch', () => {
	it('fits the drawn area and the own lines into the box, north up', () => {
		const area = { coordinates: [[[1000, 2000], [1040, 2000], [1040, 2030], [1000, 2030], [1000, 2000]]] };
		const grown = { coordinates: [[[990, 1990], [1050, 1990], [1050, 2040], [990, 2040], [990, 1990]]] };
		const s = sketch(area, [{ geometry: { type: 'LineString', coordinates: [[990, 2015], [1050, 2015]] } }, { geometry: { type: 'Point', coordinates: [1020, 2030] } }], grown, 260, 170);
		expect(s.area.startsWith('M')).toBe(true);
		expect(s.area.endsWith('Z')).toBe(true);
		expect(s.lines).toHaveLength(1);
		expect(s.points).toHaveLength(1);
		expect(s.grown.startsWith('M')).toBe(true);
		// 60 m fit into ~244 units: a 20 m bar is the longest round one within a third of the width
		expect(s.scaleBar.label).toBe('20 m');
		const nums = [s.area, s.grown, ...s.lines].join(' ').match(/-?\d+(\.\d+)?/g)!.map(Number);
		for (const n of nums) {
			expect(n).toBeGreaterThanOrEqual(0);
			expect(n).toBeLessThanOrEqual(260);
		}
		// the point on the northern edge lies above the line through the middle
		const lineY = Number(s.lines[0]!.split(' ')[1]!.replace(/L.*/, ''));
		expect(s.points[0]![1]).toBeLessThan(lineY);
	});
});
