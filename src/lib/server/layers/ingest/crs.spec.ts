import { describe, expect, it } from 'vitest';
import { recogniseCrs } from './crs';

describe('CRS recognition', () => {
	it('reads an EPSG id', () => {
		expect(recogniseCrs({ projjson: { name: 'ETRS89 / UTM zone 32N', id: { authority: 'EPSG', code: 25832 } } })).toBe(25832);
	});
	it('reads Esri names without ids', () => {
		expect(recogniseCrs({ wkt: 'PROJCS[…]', projjson: { name: 'ETRS_1989_UTM_Zone_33N' } })).toBe(25833);
		expect(recogniseCrs({ wkt: 'x', projjson: { name: 'DHDN_3_Degree_Gauss_Zone_4' } })).toBe(31468);
	});
	it('tells "none" from "unknown"', () => {
		expect(recogniseCrs(undefined)).toBeNull();
		expect(recogniseCrs({ projjson: { name: 'NAD83 / UTM zone 10N', id: { authority: 'EPSG', code: 26910 } } })).toBe(0);
	});
});
