import { describe, expect, it } from 'vitest';
import { TRAFFIC_IMPACTS, TRAFFIC_LABELS, WORK_KINDS, WORK_KIND_LABELS } from '$lib/baustellen';
import { NETWORKS } from '$lib/layers/catalogue';
import { matchVocab, vocabKey } from './vocab';

describe('vocabKey', () => {
	it('folds case, umlauts, ß, spaces and hyphens', () => {
		expect(vocabKey(' Halbseitige Sperrung ')).toBe('halbseitige_sperrung');
		expect(vocabKey('Fernwärme')).toBe('fernwaerme');
		expect(vocabKey('Straßen-Beleuchtung')).toBe('strassen_beleuchtung');
	});
});

describe('matchVocab', () => {
	it('takes the value itself, its spelling variants and its label', () => {
		expect(matchVocab('halbseitig', TRAFFIC_IMPACTS, TRAFFIC_LABELS)).toBe('halbseitig');
		expect(matchVocab('Halbseitige Sperrung', TRAFFIC_IMPACTS, TRAFFIC_LABELS)).toBe('halbseitig');
		expect(matchVocab('halbseitige_sperrung', TRAFFIC_IMPACTS, TRAFFIC_LABELS)).toBe('halbseitig');
		expect(matchVocab('VOLLSPERRUNG', TRAFFIC_IMPACTS, TRAFFIC_LABELS)).toBe('vollsperrung');
		expect(matchVocab('Oberflächenarbeiten', WORK_KINDS, WORK_KIND_LABELS)).toBe('oberflaechenarbeiten');
		// a label with an explanation in brackets matches by its first words too
		expect(matchVocab('Bohrung', WORK_KINDS, WORK_KIND_LABELS)).toBe('bohrung');
		expect(matchVocab('Fernwärme', NETWORKS)).toBe('fernwaerme');
	});

	it('takes listed aliases and nothing else', () => {
		expect(matchVocab('telekom', NETWORKS, {}, { telekom: 'telekommunikation' })).toBe('telekommunikation');
		expect(matchVocab('gesperrt', TRAFFIC_IMPACTS, TRAFFIC_LABELS)).toBeNull();
		expect(matchVocab('', TRAFFIC_IMPACTS, TRAFFIC_LABELS)).toBeNull();
		expect(matchVocab(3, TRAFFIC_IMPACTS, TRAFFIC_LABELS)).toBeNull();
	});
});
