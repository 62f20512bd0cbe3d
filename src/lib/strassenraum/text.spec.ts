import { describe, expect, it } from 'vitest';
import { compassWord, depthText, dimensionText, formatNumber, kindText, metres, networkName, offsetText, sourceText } from './text';

describe('numbers and sides', () => {
	it('writes metres the German way', () => {
		expect(metres(2.371)).toBe('2,37 m');
		expect(metres(1250.5, 1)).toBe('1.250,5 m');
		expect(formatNumber(-0.5, 1)).toBe('−0,5');
		expect(formatNumber(-0.001)).toBe('0,00');
	});

	it('names the side of the axis, looking along it', () => {
		expect(offsetText(2.37)).toBe('2,37 m rechts');
		expect(offsetText(-4.65)).toBe('4,65 m links');
		expect(offsetText(0.004)).toBe('auf der Achse');
	});

	it('turns bearings into compass words', () => {
		expect(compassWord(0)).toBe('Nord');
		expect(compassWord(204.2)).toBe('Südwest');
		expect(compassWord(114.2)).toBe('Südost');
		expect(compassWord(-65.8)).toBe('Nordwest');
		expect(compassWord(359)).toBe('Nord');
	});
});

describe('a line in words', () => {
	const base = { network: 'wasser', depthM: 1.32, depthSource: 'gemessen' } as const;

	it('says how deep and how the depth is known', () => {
		expect(depthText(base)).toBe('1,32 m (gemessen)');
		expect(depthText({ ...base, depthSource: 'plan' })).toBe('1,32 m (laut Plan)');
		expect(depthText({ ...base, depthSource: 'regelwert' })).toBe('1,32 m (Regelwert)');
		expect(depthText({ ...base, depthSource: null })).toBe('1,32 m');
		expect(depthText({ ...base, depthM: null, depthSource: null })).toBe('unbekannt (üblich ca. 1,50 m)');
	});

	it('names network, kind, status and dimension', () => {
		expect(networkName('breitband')).toBe('Breitband');
		expect(networkName('beleuchtung')).toBe('Straßenbeleuchtung');
		expect(kindText({ kind: 'leitung', status: 'in_betrieb' })).toBe('Leitung');
		expect(kindText({ kind: 'kabel', status: 'stillgelegt' })).toBe('Kabel, stillgelegt (kann noch in Betrieb sein)');
		const none = { dimension: null, material: null, pressureLevel: null, voltageLevel: null, ductsTotal: null, ductsFree: null };
		expect(dimensionText({ ...none, dimension: 'DN 100', material: 'PE', pressureLevel: 'ND' })).toBe('DN 100 · PE · ND');
		expect(dimensionText({ ...none, ductsTotal: 4, ductsFree: 2 })).toBe('4 Rohre, 2 frei');
		expect(dimensionText(none)).toBe('–');
	});

	it('says where the line comes from', () => {
		expect(sourceText({ kind: 'auskunft', number: 'LA-2026-000001', validUntil: '2027-01-03' })).toBe('Auskunft LA-2026-000001 gültig bis 03.01.2027');
		expect(sourceText({ kind: 'eigene_daten', layer: 'Trinkwasser Altstadt', datenstand: '2026-12-06' })).toBe('eigener Bestand (Trinkwasser Altstadt), Stand 06.12.2026');
	});
});
