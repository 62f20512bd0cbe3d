import { describe, expect, it } from 'vitest';
import type { PolygonGeometry, Position } from './model';
import { frameGround, paperToGround, SHEET_OVERLAP_MM } from './scale';
import { layoutSheets, type SheetLayout } from './sheets';

const E0 = 706000;
const N0 = 5708000;

function rect(w: number, h: number): PolygonGeometry {
	return {
		type: 'Polygon',
		coordinates: [
			[
				[E0, N0],
				[E0 + w, N0],
				[E0 + w, N0 + h],
				[E0, N0 + h],
				[E0, N0]
			]
		]
	};
}

/** A corridor of `width` m along a line from (E0, N0) at `deg` degrees, `length` m long. */
function corridor(length: number, width: number, deg: number): PolygonGeometry {
	const a = (deg * Math.PI) / 180;
	const ux = Math.cos(a);
	const uy = Math.sin(a);
	const h = width / 2;
	const p = (s: number, t: number): Position => [E0 + s * ux - t * uy, N0 + s * uy + t * ux];
	return { type: 'Polygon', coordinates: [[p(0, -h), p(length, -h), p(length, h), p(0, h), p(0, -h)]] };
}

function expectUnshrunk(layout: SheetLayout, scale: number): void {
	const { w, h } = frameGround(scale);
	expect(layout.scale).toBe(scale);
	for (const s of layout.sheets) {
		expect(s.extent[2] - s.extent[0]).toBeCloseTo(w, 6);
		expect(s.extent[3] - s.extent[1]).toBeCloseTo(h, 6);
	}
}

function expectCovered(area: PolygonGeometry, layout: SheetLayout): void {
	// every point of the area, sampled on a grid of ~100 × 100 points, lies on at least one sheet
	const ring = area.coordinates[0]!;
	const xs = ring.map((p) => p[0]!);
	const ys = ring.map((p) => p[1]!);
	const step = Math.max(0.5, (Math.max(...xs) - Math.min(...xs)) / 100, (Math.max(...ys) - Math.min(...ys)) / 100);
	let samples = 0;
	for (let x = Math.min(...xs); x <= Math.max(...xs); x += step) {
		for (let y = Math.min(...ys); y <= Math.max(...ys); y += step) {
			if (!inside(x, y, ring)) continue;
			samples++;
			expect(layout.sheets.some((s) => x >= s.extent[0] && x <= s.extent[2] && y >= s.extent[1] && y <= s.extent[3])).toBe(true);
		}
	}
	expect(samples).toBeGreaterThan(0);
}

function inside(x: number, y: number, ring: Position[]): boolean {
	let c = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i] as [number, number];
		const [xj, yj] = ring[j] as [number, number];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
	}
	return c;
}

describe('sheet layout', () => {
	it('fits a small site on one sheet', () => {
		const layout = layoutSheets(rect(150, 100), 500);
		expect(layout.sheets).toHaveLength(1);
		expectUnshrunk(layout, 500);
		// centred: even margins around the area
		const s = layout.sheets[0]!.extent;
		expect(E0 - s[0]).toBeCloseTo(s[2] - (E0 + 150), 6);
	});

	it('splits a 400 m corridor into several 1:500 sheets, none shrunk, all of it covered', () => {
		const area = rect(420, 40); // 400 m × 20 m grown by 10 m
		const layout = layoutSheets(area, 500);
		// 155 m per frame, 5 m overlap: 3 sheets
		expect(layout.sheets).toHaveLength(3);
		expect(layout.sheets.map((s) => s.number)).toEqual([1, 2, 3]);
		expectUnshrunk(layout, 500);
		expectCovered(area, layout);
		// numbered west to east, neighbours overlap by 1 cm of paper
		const [a, b] = layout.sheets;
		expect(b!.extent[0]).toBeGreaterThan(a!.extent[0]);
		expect(a!.extent[2] - b!.extent[0]).toBeCloseTo(paperToGround(SHEET_OVERLAP_MM, 500), 6);
	});

	it('follows a diagonal corridor with fewer sheets than its bounding box needs', () => {
		const area = corridor(400, 40, 35);
		const layout = layoutSheets(area, 500);
		const { w, h } = frameGround(500);
		const fullGrid = Math.ceil(((400 * Math.cos((35 * Math.PI) / 180) + 40) - 5) / (w - 5)) * Math.ceil((400 * Math.sin((35 * Math.PI) / 180) + 40 - 5) / (h - 5));
		expect(layout.sheets.length).toBeGreaterThan(1);
		expect(layout.sheets.length).toBeLessThan(fullGrid);
		expectUnshrunk(layout, 500);
		expectCovered(area, layout);
	});

	it('keeps the scale when the area is large: more sheets, never a smaller scale', () => {
		const area = rect(600, 300);
		const at500 = layoutSheets(area, 500);
		const at250 = layoutSheets(area, 250);
		expectUnshrunk(at500, 500);
		expectUnshrunk(at250, 250);
		expect(at250.sheets.length).toBeGreaterThan(at500.sheets.length);
		expectCovered(area, at250);
	});
});
