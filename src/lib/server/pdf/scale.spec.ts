import { describe, expect, it } from 'vitest';
import type { NetworkFeatureProperties } from '$lib/layers/catalogue';
import { MapTransform } from './geometry';
import type { PdfFeature } from './model';
import { chooseScale, density, frameGround, gridInterval, paperToGround, PLAN_FRAME } from './scale';

const props = (over: Partial<NetworkFeatureProperties> = {}): NetworkFeatureProperties => ({
	source_id: 'X-1',
	network: 'wasser',
	kind: 'leitung',
	status: 'in_betrieb',
	material: null,
	dimension: 'DN 100',
	depth_m: 1.2,
	depth_source: 'gemessen',
	pressure_level: null,
	voltage_level: null,
	ducts_total: null,
	ducts_free: null,
	accuracy_cm: 10,
	...over
});

/** `count` parallel east-west lines `spacing` m apart, `length` m long (EPSG:25832 near Halle). */
function parallelLines(count: number, spacing: number, length: number): PdfFeature[] {
	return Array.from({ length: count }, (_, i) => ({
		geometry: {
			type: 'LineString' as const,
			coordinates: [
				[706000, 5708000 + i * spacing],
				[706000 + length, 5708000 + i * spacing]
			]
		},
		properties: props({ source_id: `L-${i}` }),
		lengthM: length
	}));
}

describe('scale math on A3 landscape', () => {
	it('maps the map frame to metres at 1:500', () => {
		// 310 mm × 277 mm of paper at 1:500: 1 mm = 0.5 m
		expect(frameGround(500)).toEqual({ w: 155, h: 138.5 });
		expect(frameGround(250)).toEqual({ w: 77.5, h: 69.25 });
		expect(frameGround(1000, PLAN_FRAME)).toEqual({ w: 310, h: 277 });
		expect(paperToGround(100, 500)).toBe(50);
	});

	it('puts a grid line every 10 cm of paper: 50 m at 1:500', () => {
		expect(gridInterval(500)).toBe(50);
		expect(gridInterval(250)).toBe(25);
		expect(gridInterval(1000)).toBe(100);
	});

	it('transforms ground metres to paper millimetres without distortion', () => {
		const t = new MapTransform([706000, 5708000, 706155, 5708138.5], PLAN_FRAME, 500);
		expect(t.x(706000)).toBe(PLAN_FRAME.x);
		expect(t.x(706050) - t.x(706000)).toBeCloseTo(100, 9);
		// north is up: a larger northing is higher on the sheet (smaller y)
		expect(t.y(5708138.5)).toBeCloseTo(PLAN_FRAME.y, 9);
		expect(t.y(5708000) - t.y(5708050)).toBeCloseTo(100, 9);
	});
});

describe('density and the choice of scale', () => {
	it('keeps an ordinary street cross-section at 1:500', () => {
		// 8 lines 1.5 m apart along 100 m: 80 m of line per 10 m cell at most
		const street = parallelLines(8, 1.5, 100);
		expect(density(street).dense).toBe(false);
		expect(chooseScale('bau', street, () => 1)).toBe(500);
	});

	it('goes to 1:250 where lines crowd closer than about 1 m over a stretch', () => {
		const crowded = parallelLines(14, 0.6, 100);
		const d = density(crowded);
		expect(d.crowdedCells).toBeGreaterThanOrEqual(3);
		expect(d.dense).toBe(true);
		expect(chooseScale('bau', crowded, () => 1)).toBe(250);
		expect(chooseScale('notfall', crowded, () => 1)).toBe(250);
	});

	it('does not enlarge the whole plan for one busy junction', () => {
		const junction = parallelLines(14, 0.6, 12);
		const street = parallelLines(6, 2, 300).map((f, i) => ({ ...f, properties: props({ source_id: `S-${i}` }) }));
		expect(density([...junction, ...street]).dense).toBe(false);
	});

	it('draws a Planungsauskunft at 1:1000 and goes to 1:2000 only when 1:1000 needs many sheets', () => {
		expect(chooseScale('planung', [], (s) => (s === 1000 ? 4 : 1))).toBe(1000);
		expect(chooseScale('planung', [], (s) => (s === 1000 ? 9 : 3))).toBe(2000);
	});
});
