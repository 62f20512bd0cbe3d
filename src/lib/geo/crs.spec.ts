import { describe, expect, it } from 'vitest';
import { lonLatToUtm, utmToLonLat } from './crs';

describe('EPSG:25832', () => {
	it('puts the Marktplatz of Halle (Saale) where the UTM grid has it', () => {
		// Roter Turm / Marktplatz, 51.4826 N 11.9697 E → about 706 400 E, 5 707 300 N
		const [x, y] = lonLatToUtm([11.9697, 51.4826]);
		expect(x).toBeGreaterThan(706_000);
		expect(x).toBeLessThan(707_000);
		expect(y).toBeGreaterThan(5_706_800);
		expect(y).toBeLessThan(5_707_800);
	});

	it('round-trips to well under a millimetre', () => {
		const p = [11.97, 51.48];
		const back = utmToLonLat(lonLatToUtm(p));
		expect(Math.abs(back[0] - p[0]!)).toBeLessThan(1e-9);
		expect(Math.abs(back[1] - p[1]!)).toBeLessThan(1e-9);
	});
});
