import { describe, expect, it } from 'vitest';
import { foldGerman, slug } from './text';

describe('text', () => {
	it('folds German spelling', () => {
		expect(foldGerman('Große Märkerstraße')).toBe('grosse maerkerstrasse');
		expect(foldGerman('ÖLLEITUNG Über')).toBe('oelleitung ueber');
	});
	it('slugs labels into vocabulary keys', () => {
		expect(slug(' Außer Betrieb ')).toBe('ausser_betrieb');
		expect(slug('Halbseitige Sperrung')).toBe('halbseitige_sperrung');
		expect(slug('Gas-HD / 16 bar')).toBe('gas_hd_16_bar');
		expect(slug('–')).toBe('');
	});
});
