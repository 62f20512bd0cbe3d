import { describe, expect, it } from 'vitest';
import { applyMapping, parseMapping, prepareMapping, readNumber, slug, EMPTY_MAPPING } from './mapping';

describe('attribute mapping', () => {
	it('reads same-named fields case-insensitively and normalises enum words', () => {
		const { properties } = applyMapping(
			{ SOURCE_ID: 'W-1', Network: 'Wasser', kind: 'Versorgungsleitung', STATUS: 'Außer Betrieb', Depth_m: '1,20' },
			EMPTY_MAPPING
		);
		expect(properties).toMatchObject({ source_id: 'W-1', network: 'wasser', kind: 'leitung', status: 'ausser_betrieb', depth_m: 1.2 });
	});

	it('applies field names, constants and value maps', () => {
		const { properties } = applyMapping(
			{ OBJ_ID: 17, WERKSTOFF: 'PE-HD', NENNWEITE: 'DN 150', ZUSTAND: 'B' },
			{
				fields: { source_id: 'OBJ_ID', material: 'WERKSTOFF', dimension: 'NENNWEITE', status: 'ZUSTAND' },
				constants: { network: 'gas', kind: 'leitung' },
				valueMaps: { status: { B: 'in_betrieb' }, material: { 'PE-HD': 'PE-HD (Polyethylen)' } }
			}
		);
		expect(properties).toMatchObject({
			source_id: '17',
			network: 'gas',
			kind: 'leitung',
			status: 'in_betrieb',
			material: 'PE-HD (Polyethylen)',
			dimension: 'DN 150'
		});
	});

	it('reports numbers it cannot read instead of guessing', () => {
		const mapped = applyMapping({ depth_m: 'ca. 1 m', ducts_total: '12', ducts_free: 3.6 }, EMPTY_MAPPING);
		expect(mapped.properties.depth_m).toBeNull();
		expect(mapped.unreadable).toEqual({ depth_m: 'ca. 1 m' });
		expect(mapped.properties.ducts_total).toBe(12);
		expect(mapped.properties.ducts_free).toBe(4);
	});

	it('reads German numbers', () => {
		expect(readNumber('0,8')).toBe(0.8);
		expect(readNumber('1.5 m')).toBe(1.5);
		expect(readNumber('')).toBeNull();
		expect(readNumber('tief')).toBeUndefined();
	});

	it('slugs German words', () => {
		expect(slug(' Außer Betrieb ')).toBe('ausser_betrieb');
		expect(slug('Fernwärme')).toBe('fernwaerme');
	});

	it('parses a posted mapping and refuses unknown target fields', () => {
		expect(parseMapping('{"fields":{"material":"WERKST"}}')).toEqual({
			mapping: { fields: { material: 'WERKST' }, constants: {}, valueMaps: {} }
		});
		expect(parseMapping({ fields: { farbe: 'x' } })).toEqual({ error: 'Unbekanntes Zielfeld „farbe“ in „fields“.' });
		expect(parseMapping('{kaputt')).toEqual({ error: 'Die Attributzuordnung ist kein gültiges JSON.' });
	});

	it('maps a file’s features as applyMapping does when prepared for its columns', () => {
		const keys = ['OBJ_ID', 'status', 'STATUS', 'Depth_M', 'kind', 'netz'];
		const mappings = [
			EMPTY_MAPPING,
			{ fields: { source_id: 'obj_id', network: 'NETZ', depth_m: 'depth_m' }, constants: { kind: 'leitung' }, valueMaps: { status: { B: 'in_betrieb' } } }
		];
		const rows = [
			{ OBJ_ID: 17, status: null, STATUS: 'B', Depth_M: '1,20 m', kind: 'Rohr', netz: 'Wasser' },
			{ OBJ_ID: null, status: 'Außer Betrieb', STATUS: null, Depth_M: 'tief', kind: null, netz: 'gas' },
			{ OBJ_ID: 'W-1', status: '  ', STATUS: 'geplant', Depth_M: 0.7, kind: 'Hausanschluss', netz: null }
		];
		for (const mapping of mappings) {
			const prepared = prepareMapping(mapping, keys);
			for (const raw of rows) expect(prepared(raw)).toEqual(applyMapping(raw, mapping));
		}
	});
});
