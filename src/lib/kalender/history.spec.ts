import { describe, expect, it } from 'vitest';
import type { BaustelleStatus } from '$lib/baustellen';
import { displayName, historyWindow, streetSummary } from './history';
import type { MoratoriumItem } from './types';

const TODAY = '2026-11-26';
const dig = (number: string, status: BaustelleStatus, start: string, end: string, excavation = true) => ({ number, title: `Maßnahme ${number}`, status, start, end, excavation, streets: ['Leipziger Straße'] });
const sperre = (validFrom: string, validUntil: string, extra: Partial<MoratoriumItem> = {}): MoratoriumItem => ({
	id: validFrom,
	title: 'Aufbruchsperre',
	street: 'Leipziger Straße',
	validFrom,
	validUntil,
	mode: 'sperre',
	legalBasis: 'Satzung',
	status: 'aktiv',
	...extra
});

describe('the sentence at the top of a street', () => {
	it('says when it was last dug, what comes, and how long the Aufbruchsperre holds', () => {
		const s = streetSummary(
			[
				dig('A', 'abgenommen', '2019-05-06', '2019-07-12'),
				dig('B', 'abgeschlossen', '2025-03-01', '2025-05-20'),
				dig('C', 'abgenommen', '2026-01-01', '2026-02-01', false), // surface works only: no excavation
				dig('D', 'genehmigt', '2027-02-01', '2027-03-01'),
				dig('E', 'geplant', '2027-01-10', '2027-01-20'),
				dig('F', 'genehmigt', '2026-06-01', '2026-06-10') // approved in the past, never reported begun
			],
			[sperre('2025-06-01', '2030-05-31'), sperre('2020-01-01', '2024-12-31')],
			TODAY
		);
		expect(s.last?.number).toBe('B');
		expect(s.next?.number).toBe('E');
		expect(s.moratorium?.validUntil).toBe('2030-05-31');
		expect(s.sentence).toBe('Zuletzt aufgegraben: Mai 2025 (B Maßnahme B); nächste geplante Aufgrabung ab 10.01.2027 (E Maßnahme E); Aufbruchsperre bis 31.05.2030.');
	});

	it('names works open today and a street never dug', () => {
		const open = streetSummary([dig('X', 'in_ausfuehrung', '2026-11-01', '2026-12-20')], [], TODAY);
		expect(open.sentence).toBe('Derzeit aufgegraben: X Maßnahme X (bis 20.12.2026); keine abgeschlossene Aufgrabung verzeichnet; keine Aufbruchsperre.');
		expect(streetSummary([], [sperre('2026-01-01', '2027-01-01', { status: 'vorgeschlagen', mode: 'warnung' })], TODAY).sentence).toBe(
			'Keine abgeschlossene Aufgrabung verzeichnet; Aufbruchsperre (Warnung) bis 01.01.2027, vorgeschlagen.'
		);
	});
});

describe('the years of the timeline', () => {
	it('span from the first record to the year after today, long moratoria cut at six years', () => {
		expect(historyWindow([dig('A', 'abgenommen', '2019-05-06', '2019-07-12')], [sperre('2019-08-01', '2049-01-01')], TODAY)).toEqual({ from: '2019-01-01', to: '2032-12-31' });
		expect(historyWindow([], [], TODAY)).toEqual({ from: '2026-01-01', to: '2027-12-31' });
		expect(historyWindow([dig('Z', 'geplant', '2027-05-01', '2029-02-01')], [], TODAY)).toEqual({ from: '2026-01-01', to: '2029-12-31' });
	});
});

describe('the street’s name', () => {
	it('is spelt as most Baustellen spell it', () => {
		const items = [{ streets: ['Leipziger Straße'] }, { streets: ['Leipziger Straße', 'Markt'] }, { streets: ['Leipziger Str.'] }];
		expect(displayName(items, 'leipziger str')).toBe('Leipziger Straße');
		expect(displayName([], 'Nirgendweg')).toBe('Nirgendweg');
	});
});
