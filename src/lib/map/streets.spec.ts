import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexStreets, normaliseName, searchStreets } from './streets';

const line = (name: string | undefined, coordinates: number[][]) => ({ properties: name ? { name } : {}, geometry: { type: 'LineString', coordinates } });

const fixture = {
	features: [
		line('Große Ulrichstraße', [[11.965, 51.484], [11.966, 51.485]]),
		line('Große Ulrichstraße', [[11.966, 51.485], [11.967, 51.487]]),
		line('Ulrichskirchhof', [[11.968, 51.486], [11.969, 51.486]]),
		line('Leipziger Straße', [[11.97, 51.483], [11.975, 51.482]]),
		line('Brüderstraße', [[11.968, 51.483], [11.969, 51.484]]),
		line(undefined, [[11.96, 51.48], [11.961, 51.48]])
	]
};

describe('indexStreets', () => {
	it('groups ways by name, merges extents and skips unnamed ways', () => {
		const streets = indexStreets(fixture);
		expect(streets.map((s) => s.name)).toEqual(['Brüderstraße', 'Große Ulrichstraße', 'Leipziger Straße', 'Ulrichskirchhof']);
		const ulrich = streets[1]!;
		expect(ulrich.lines).toHaveLength(2);
		expect(ulrich.bbox).toEqual([11.965, 51.484, 11.967, 51.487]);
	});
});

describe('searchStreets', () => {
	const streets = indexStreets(fixture);
	const names = (q: string) => searchStreets(streets, q).map((s) => s.name);

	it('finds by any part, name starts first, then word starts', () => {
		expect(names('ulrich')).toEqual(['Ulrichskirchhof', 'Große Ulrichstraße']);
		expect(names('strasse')).toEqual(['Leipziger Straße', 'Brüderstraße', 'Große Ulrichstraße']);
	});

	it('forgives ß/ss, umlauts as ae/oe/ue, abbreviations and case', () => {
		expect(names('BRUEDER')).toEqual(['Brüderstraße']);
		expect(names('leipziger str.')).toEqual(['Leipziger Straße']);
		expect(names('grosse ulr')).toEqual(['Große Ulrichstraße']);
		expect(names('   ')).toEqual([]);
	});

	it('finds the Marktplatz in the demo street data', () => {
		const data = JSON.parse(readFileSync('layers/demo/source/halle_altstadt_subset.geojson', 'utf8'));
		const [markt] = searchStreets(indexStreets(data), 'Marktpl');
		expect(markt?.name).toBe('Marktplatz');
		expect(markt!.bbox[0]).toBeGreaterThan(11.96);
		expect(markt!.bbox[3]).toBeLessThan(51.49);
	});
});

describe('normaliseName', () => {
	it('folds German spelling variants', () => {
		expect(normaliseName('Prof.-Friedrich-Hoffmann-Straße')).toBe('prof friedrich hoffmann strasse');
	});
});
