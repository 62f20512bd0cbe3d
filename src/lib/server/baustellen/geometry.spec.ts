import { describe, expect, it } from 'vitest';
import { resolvePlace } from './geometry';

// a 4 m × 90 m strip on the Große Ulrichstraße (Halle), EPSG:4326
const ULRICH = { type: 'Polygon' as const, coordinates: [[[11.9668, 51.4862], [11.9672, 51.4862], [11.9672, 51.487], [11.9668, 51.487], [11.9668, 51.4862]]] };

describe('resolvePlace', () => {
	it('derives the streets and the axis from the street data inside the footprint', () => {
		const r = resolvePlace({ footprint: ULRICH, axis: null, widthM: 3, streets: null });
		if (!r.ok) throw new Error(r.message);
		expect(r.place.streets[0]).toBe('Große Ulrichstraße');
		expect(r.place.axisDerived).toBe(true);
		expect(['LineString', 'MultiLineString']).toContain(r.place.axis4326.type);
		expect(r.place.areaM2).toBeGreaterThan(1000);
	});

	it('keeps streets the client names (the data may not know a new street)', () => {
		const r = resolvePlace({ footprint: ULRICH, axis: null, widthM: 3, streets: ['Neue Straße'] });
		expect(r.ok && r.place.streets).toEqual(['Neue Straße']);
	});

	it('falls back to the long centre line where no street is known', () => {
		// open field south of the Altstadt data: 200 m × 10 m, east–west
		const field = { type: 'Polygon' as const, coordinates: [[[11.90, 51.40], [11.9029, 51.40], [11.9029, 51.40009], [11.90, 51.40009], [11.90, 51.40]]] };
		const r = resolvePlace({ footprint: field, axis: null, widthM: 3, streets: null });
		if (!r.ok) throw new Error(r.message);
		expect(r.place.streets).toEqual([]);
		expect(r.place.axis25832.type).toBe('LineString');
		const [a, b] = (r.place.axis25832 as { coordinates: number[][] }).coordinates;
		expect(Math.hypot(a![0]! - b![0]!, a![1]! - b![1]!)).toBeGreaterThan(190);
		expect(Math.abs(a![1]! - b![1]!)).toBeLessThan(15);
	});

	it('grows a footprint from an axis alone', () => {
		const axis = { type: 'LineString' as const, coordinates: [[11.9669, 51.4862], [11.9671, 51.487]] };
		const r = resolvePlace({ footprint: null, axis, widthM: 6, streets: null });
		if (!r.ok) throw new Error(r.message);
		expect(r.place.axisDerived).toBe(false);
		// ~90 m long, 6 m wide
		expect(r.place.areaM2).toBeGreaterThan(450);
		expect(r.place.areaM2).toBeLessThan(650);
	});

	it('refuses places outside Sachsen-Anhalt and self-intersecting footprints, in German', () => {
		const swapped = { type: 'Polygon' as const, coordinates: [[[51.4862, 11.9668], [51.4862, 11.9672], [51.487, 11.9672], [51.4862, 11.9668]]] };
		const out = resolvePlace({ footprint: swapped, axis: null, widthM: 3, streets: null });
		expect(!out.ok && out.code).toBe('outside_service_area');
		const bow = { type: 'Polygon' as const, coordinates: [[[11.966, 51.486], [11.967, 51.487], [11.967, 51.486], [11.966, 51.487], [11.966, 51.486]]] };
		const r = resolvePlace({ footprint: bow, axis: null, widthM: 3, streets: null });
		expect(!r.ok && r.code).toBe('self_intersection');
	});
});
