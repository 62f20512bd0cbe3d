import { describe, expect, it } from 'vitest';
import { freeDucts, metres, onBand, percent, range, section, sectionsLength, setting } from './figures';

describe('figures of a Mitnutzung check', () => {
	it('writes metres and percentages the German way', () => {
		expect(metres(285.9)).toBe('285,9');
		expect(metres(1234)).toBe('1.234,0');
		expect(percent(72.8)).toBe('72,8 %');
		expect(percent(100)).toBe('100 %');
		expect(section({ fromM: 3.7, toM: 266.8 })).toBe('m 3,7–266,8');
		expect(setting(5)).toBe('5');
		expect(setting(2.5)).toBe('2,5');
	});

	it('adds up stretches', () => {
		expect(sectionsLength([{ fromM: 0, toM: 3.7 }, { fromM: 266.8, toM: 392.7 }])).toBeCloseTo(129.6, 6);
		expect(sectionsLength([])).toBe(0);
	});

	it('gives free ducts as ranges, with the total where known', () => {
		expect(range(2, 2)).toBe('2');
		expect(freeDucts({ min: 2, max: 4 }, { min: 6, max: 6 })).toBe('2–4 von 6');
		expect(freeDucts({ min: 1, max: 1 }, { min: null, max: null })).toBe('1');
	});

	it('places a stretch on the band, clamped to the route', () => {
		expect(onBand({ fromM: 25, toM: 75 }, 100)).toEqual({ left: 25, width: 50 });
		expect(onBand({ fromM: 90, toM: 120 }, 100)).toEqual({ left: 90, width: 10 });
		expect(onBand({ fromM: 0, toM: 1 }, 0)).toEqual({ left: 0, width: 0 });
	});
});
