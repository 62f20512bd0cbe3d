import { describe, expect, it } from 'vitest';
import { windowsOverlap } from './dates';
import { checkConflicts, startsWithinMonths } from './engine';
import { ConflictIndex } from './index';
import { HALLE_EXTENT, syntheticBaustellen } from './synthetic';
import { DEFAULT_SETTINGS, type Bbox, type Candidate, type ConflictSettings } from './types';

// a dense calendar: 4,000 Baustellen on 40 streets in 4 km × 4 km, so most subjects have neighbours
const extent: Bbox = [HALLE_EXTENT[0], HALLE_EXTENT[1], HALLE_EXTENT[0] + 4_000, HALLE_EXTENT[1] + 4_000];
const registered = syntheticBaustellen(4_000, { seed: 3, streetSeed: 11, streets: 40, extent });
const subjects = syntheticBaustellen(150, { seed: 4, streetSeed: 11, streets: 40, extent, numberPrefix: 'NEU' });

/** boxes meet once one is grown by d on every side (a square reach, like the R-tree search) */
function boxesMeet(a: Bbox, b: Bbox, d: number): boolean {
	return a[0] - d <= b[2] && b[0] <= a[2] + d && a[1] - d <= b[3] && b[1] <= a[3] + d;
}

/** the time rules spelled out with the plain, per-pair functions */
function bruteForce(subject: Candidate, all: Candidate[], settings: ConflictSettings): Candidate[] {
	return all.filter(
		(c) =>
			c.id !== subject.id &&
			c.status !== 'storniert' &&
			boxesMeet(subject.bbox, c.bbox, settings.distanceM + 1e-6) &&
			(windowsOverlap(subject.start, subject.end, c.start, c.end) || (subject.excavation && c.excavation && startsWithinMonths(subject.start, c.start, settings.colayingMonths)))
	);
}

const ids = (cs: Candidate[]) => cs.map((c) => c.id).sort();

describe('ConflictIndex', () => {
	const index = new ConflictIndex(registered);

	it('returns exactly the brute-force neighbours (grown box, time rules, no self, no cancelled)', () => {
		let found = 0;
		for (const settings of [DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, distanceM: 10, colayingMonths: 2 }]) {
			for (const s of subjects) {
				const near = index.near(s, settings);
				expect(ids(near)).toEqual(ids(bruteForce(s, registered, settings)));
				found += near.length;
			}
			// a registered one as subject: never itself
			for (const s of registered.slice(0, 100)) expect(index.near(s, settings).some((c) => c.id === s.id)).toBe(false);
		}
		expect(found).toBeGreaterThan(subjects.length);
	});

	it('loses no finding: the engine on the index hits equals the engine on the whole calendar', () => {
		const today = '2026-01-01';
		let findings = 0;
		for (const s of subjects.slice(0, 100)) {
			const viaIndex = checkConflicts(s, index.near(s, DEFAULT_SETTINGS), [], DEFAULT_SETTINGS, today);
			const viaAll = checkConflicts(s, registered, [], DEFAULT_SETTINGS, today);
			expect(viaIndex).toEqual(viaAll);
			findings += viaAll.length;
		}
		expect(findings).toBeGreaterThan(50);
	});

	it('copes with an empty calendar', () => {
		expect(new ConflictIndex([]).near(subjects[0]!, DEFAULT_SETTINGS)).toEqual([]);
	});
});

describe('synthetic calendar', () => {
	it('is seeded, ~70 % excavating, with windows of 1–120 days', () => {
		expect(syntheticBaustellen(50, { seed: 3 })).toEqual(syntheticBaustellen(50, { seed: 3 }));
		const share = registered.filter((c) => c.excavation).length / registered.length;
		expect(share).toBeGreaterThan(0.6);
		expect(share).toBeLessThan(0.8);
		const days = registered.map((c) => (Date.parse(c.end) - Date.parse(c.start)) / 86_400_000 + 1);
		expect(Math.min(...days)).toBe(1);
		expect(Math.max(...days)).toBe(120);
		expect(new Set(registered.map((c) => c.number)).size).toBe(registered.length);
	});
});
