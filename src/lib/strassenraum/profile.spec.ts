import { describe, expect, it } from 'vitest';
import { NETWORK_INFO } from '$lib/layers/catalogue';
import type { SectionLine, StrassenraumJson } from '$lib/strassenraum';
import { BULLET, placeLabels, textWidth, type LabelEntry } from './labels';
import { buildProfile, describeProfile, inkOn, uncovered, type Label, type ProfileModel } from './profile';

function line(offsetM: number, depthM: number | null, extra: Partial<SectionLine> = {}): SectionLine {
	return {
		operator: { id: 'sw', name: 'Stadtwerke Saalestadt (Demo)' },
		network: 'wasser',
		kind: 'leitung',
		status: 'in_betrieb',
		dimension: 'DN 100',
		material: 'GGG',
		offsetM,
		side: offsetM > 0 ? 'rechts' : offsetM < 0 ? 'links' : 'Achse',
		angleDeg: 0,
		depthM,
		depthSource: depthM === null ? null : 'gemessen',
		accuracyCm: 10,
		ductsTotal: null,
		ductsFree: null,
		pressureLevel: null,
		voltageLevel: null,
		source: { kind: 'auskunft', number: 'LA-2026-000001', validUntil: '2027-01-03' },
		...extra
	};
}

function section(lines: SectionLine[], halfWidthM = 15): StrassenraumJson {
	// an assertion, not an annotation: the answer may carry more fields than the drawing needs
	return {
		at: [11.9693, 51.48263],
		street: { name: 'Marktplatz', distanceM: 9.2 },
		section: { halfWidthM, bearingDeg: 204.2, foot: [11.9694191, 51.4825929], line: { type: 'LineString', coordinates: [[11.9696123, 51.4825327], [11.9692259, 51.4826531]] }, covered: [{ fromM: -halfWidthM, toM: halfWidthM }] },
		networks: [...new Set(lines.map((l) => l.network))],
		lines,
		withheld: [],
		notAffected: []
	} as StrassenraumJson;
}

/** the four Stadtwerke and city lines of the demo Marktplatz */
const MARKT = section([
	line(-4.65, 0.7, { network: 'beleuchtung', kind: 'kabel', dimension: 'NYY-J 4×10' }),
	line(-3.5, 0.92, { network: 'strom', kind: 'kabel', dimension: 'NAYY 4×150' }),
	line(-2.11, 1.15, { network: 'gas', dimension: 'DN 100', depthSource: 'plan' }),
	line(2.37, 1.32)
]);

const overlap = (a: Label, b: Label) => a.x0 < b.x1 && b.x0 < a.x1 && a.top < b.bottom && b.top < a.bottom;
/** a leader runs from its label's bottom down to the surface, and on to its deepest marker */
const leaderThrough = (leader: Label, box: Label) => leader !== box && leader.leaderX >= box.x0 && leader.leaderX <= box.x1 && box.bottom > leader.bottom;

function expectClean(m: ProfileModel, leaders = true): void {
	for (const a of m.labels) {
		expect(a.x0).toBeGreaterThanOrEqual(0);
		expect(a.x1).toBeLessThanOrEqual(m.width);
		expect(a.top).toBeGreaterThan(30);
		expect(a.bottom).toBeLessThan(m.plot.top);
		for (const b of m.labels) {
			if (a === b) continue;
			expect(overlap(a, b), `${a.entries[0]!.title} / ${b.entries[0]!.title}`).toBe(false);
			if (leaders) expect(leaderThrough(a, b), `leader of ${a.entries[0]!.title} through ${b.entries[0]!.title}`).toBe(false);
		}
		const needed = BULLET + Math.max(...a.entries.map((e) => Math.max(textWidth(e.title, 12, true), textWidth(e.detail, 11))));
		expect(a.x1 - a.x0).toBeGreaterThan(needed);
	}
}

describe('scale', () => {
	it('runs from −halfWidth at the left to +halfWidth at the right, the axis in the middle', () => {
		const m = buildProfile(MARKT);
		expect(m.axisX).toBeCloseTo((m.plot.left + m.plot.right) / 2, 6);
		const perM = (m.plot.right - m.plot.left) / 30;
		const water = m.markers.find((k) => k.line === 3)!;
		expect(water.x).toBeCloseTo(m.axisX + 2.37 * perM, 6);
		expect(m.markers.find((k) => k.line === 0)!.x).toBeLessThan(m.axisX);
	});

	it('goes down to at least 2,5 m, or half a metre below the deepest line, on a half metre', () => {
		expect(buildProfile(MARKT).maxDepthM).toBe(2.5);
		expect(buildProfile(section([line(1, 2.3)])).maxDepthM).toBe(3);
		expect(buildProfile(section([line(1, 3.5)])).maxDepthM).toBe(4);
		expect(buildProfile(section([])).maxDepthM).toBe(2.5);
		// an unknown depth counts at its typical depth: Abwasser 2,5 m
		expect(buildProfile(section([line(1, null, { network: 'abwasser' })])).maxDepthM).toBe(3);
	});

	it('puts a marker at its depth, 0 at the surface, linearly down to the bottom', () => {
		const m = buildProfile(MARKT);
		const perM = (m.plot.bottom - m.plot.top) / m.maxDepthM;
		expect(m.markers.find((k) => k.line === 3)!.y).toBeCloseTo(m.plot.top + 1.32 * perM, 6);
		expect(m.depthTicks[0]).toEqual({ y: m.plot.top, label: '0 m' });
		expect(m.depthTicks.at(-1)).toEqual({ y: m.plot.bottom, label: '2,5 m' });
		expect(m.depthTicks.map((t) => t.label)).toEqual(['0 m', '0,5 m', '1,0 m', '1,5 m', '2,0 m', '2,5 m']);
		expect(m.exaggeration).toBeCloseTo(perM / ((m.plot.right - m.plot.left) / 30), 6);
		expect(m.subtitle).toMatch(/Tiefen \d+,\d-fach überhöht/);
		// deep sections: a line every metre, none below the bottom
		const deep = buildProfile(section([line(0, 5.1)]));
		expect(deep.maxDepthM).toBe(6);
		expect(deep.depthTicks.map((t) => t.label)).toEqual(['0 m', '1,0 m', '2,0 m', '3,0 m', '4,0 m', '5,0 m', '6,0 m']);
		expect(buildProfile(section([line(0, 4.9)])).depthTicks.at(-1)!.y).toBe(buildProfile(section([line(0, 4.9)])).plot.bottom);
	});

	it('ticks every metre, labels every 5 m in German, the axis as „Achse“', () => {
		const m = buildProfile(MARKT);
		expect(m.xTicks).toHaveLength(31);
		expect(m.xTicks.filter((t) => t.major).map((t) => t.label)).toEqual(['15 m', '10 m', '5 m', 'Achse', '5 m', '10 m', '15 m']);
		expect(m.xTicks.find((t) => t.label === 'Achse')!.x).toBe(m.axisX);
		// a narrow section labels every metre, a wide one every 10 m
		expect(buildProfile(section([], 3)).xTicks.filter((t) => t.major).map((t) => t.label)).toEqual(['3 m', '2 m', '1 m', 'Achse', '1 m', '2 m', '3 m']);
		expect(buildProfile(section([], 50)).xTicks.filter((t) => t.major).map((t) => t.label)).toContain('50 m');
		expect(buildProfile(section([], 7.5)).xTicks.at(-1)!.x).toBeLessThan(buildProfile(section([], 7.5)).plot.right);
	});

	it('names the street, the sides with compass words and the view direction', () => {
		const m = buildProfile(MARKT);
		expect(m.title).toBe('Querschnitt Marktplatz');
		// axis bearing 204°: looking south-west, left is south-east
		expect(m.sides.left).toBe('← links · Südost');
		expect(m.sides.right).toBe('Nordwest · rechts →');
		expect(m.subtitle).toContain('nach Südwest');
	});
});

describe('markers', () => {
	it('colours each line as on the plans', () => {
		const m = buildProfile(MARKT);
		expect(m.markers.map((k) => k.color)).toEqual([NETWORK_INFO.beleuchtung.color, NETWORK_INFO.strom.color, NETWORK_INFO.gas.color, NETWORK_INFO.wasser.color]);
		expect(m.markers.every((k) => k.depthKnown)).toBe(true);
		expect(m.markers.map((k) => k.number)).toEqual([1, 2, 3, 4]);
		// white numbers on dark discs, dark ones on gas yellow
		expect(inkOn(NETWORK_INFO.wasser.color)).toBe('#ffffff');
		expect(inkOn(NETWORK_INFO.gas.color)).toBe('#1b2733');
	});

	it('draws a line without depth at its typical depth, hollow, labelled „Tiefe unbekannt“', () => {
		const m = buildProfile(section([line(-6, null, { network: 'gas', dimension: 'DN 150' }), line(4, 1.2)]));
		const gas = m.markers.find((k) => k.line === 0)!;
		expect(gas.depthKnown).toBe(false);
		const perM = (m.plot.bottom - m.plot.top) / m.maxDepthM;
		expect(gas.y).toBeCloseTo(m.plot.top + NETWORK_INFO.gas.typicalDepthM * perM, 6);
		const entry = m.labels.flatMap((l) => l.entries).find((e) => e.line === 0)!;
		expect(entry).toMatchObject({ number: 1, title: 'Gas DN 150', detail: 'Tiefe unbekannt · 6,00 m links', depthKnown: false });
		expect(m.labels.flatMap((l) => l.entries).find((e) => e.line === 1)!.detail).toBe('1,20 m tief · 4,00 m rechts');
	});

	it('says „ca.“ for depths from plans', () => {
		const entry = buildProfile(MARKT).labels.flatMap((l) => l.entries).find((e) => e.line === 2)!;
		expect(entry.detail).toBe('ca. 1,15 m tief · 2,11 m links');
	});

	it('gives lines on one vertical one label, shallowest first, and a leader down to the deepest', () => {
		const m = buildProfile(section([line(1, 1.5), line(1.01, 0.6, { network: 'telekommunikation', dimension: null })]));
		expect(m.labels).toHaveLength(1);
		expect(m.labels[0]!.entries.map((e) => e.title)).toEqual(['TK', 'Wasser DN 100']);
		expect(m.labels[0]!.entries.map((e) => e.number)).toEqual([2, 1]);
		expect(m.labels[0]!.leaderEnd).toBeCloseTo(Math.max(...m.markers.map((k) => k.y)), 6);
	});
});

describe('labels', () => {
	it('never overlap, and no leader runs through a label: the demo Marktplatz', () => {
		const m = buildProfile(MARKT);
		expect(m.labels).toHaveLength(4);
		expectClean(m);
	});

	it('stack in lanes where lines lie close together', () => {
		const close = section([0.2, 0.7, 1.2, 1.7, 2.2].map((o, i) => line(o, 0.6 + i * 0.2, { network: i % 2 ? 'strom' : 'telekommunikation', dimension: `Kabel ${i}` })));
		const m = buildProfile(close);
		expect(new Set(m.labels.map((l) => l.top)).size).toBeGreaterThan(1);
		expectClean(m);
	});

	it('stay inside the drawing at both edges', () => {
		const edges = section([line(-15, 0.8, { network: 'breitband', dimension: '24×SM' }), line(-14.6, 1), line(14.7, 1.1, { network: 'fernwaerme', dimension: '2× DN 200' }), line(15, 0.5)]);
		expectClean(buildProfile(edges));
	});

	it('hold for many random sections, shrinking to number and depth where lines crowd', () => {
		// a small deterministic generator: the same cases on every run
		let seed = 7;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const networks = Object.keys(NETWORK_INFO) as SectionLine['network'][];
		let crossings = 0;
		let compact = 0;
		for (let run = 0; run < 300; run++) {
			const halfWidthM = [5, 10, 15, 25, 50][run % 5]!;
			const n = 1 + Math.floor(random() * 14);
			const lines = Array.from({ length: n }, () =>
				line(Math.round((random() * 2 - 1) * halfWidthM * 100) / 100, random() < 0.2 ? null : Math.round(random() * 300) / 100, {
					network: networks[Math.floor(random() * networks.length)]!,
					dimension: random() < 0.3 ? null : `DN ${Math.floor(random() * 500)}`
				})
			).sort((a, b) => a.offsetM - b.offsetM);
			const m = buildProfile(section(lines, halfWidthM));
			expect(m.markers).toHaveLength(n);
			expect(m.labels.flatMap((l) => l.entries.map((e) => e.number)).sort((a, b) => a - b)).toEqual(lines.map((_, i) => i + 1));
			expectClean(m, m.crossings === 0);
			expect(new Set(m.labels.map((l) => l.bottom)).size).toBeLessThanOrEqual(m.compact ? 14 : 5);
			if (m.compact) compact++;
			if (m.crossings) crossings++;
			if (n <= 4 && halfWidthM >= 10) expect(m.compact).toBe(false);
		}
		expect(crossings).toBe(0);
		// crowded sections do shrink their labels; four lines over 20 m and more never (above)
		expect(compact).toBeGreaterThan(0);
	});

	it('placeLabels: eight leaders 5 px apart, stacked without a crossing, half of them on each side', () => {
		const entry = (i: number): LabelEntry => ({ line: i, number: i + 1, color: '#000', title: `Leitung ${i}`, detail: '1,00 m tief · 1,00 m links', depthKnown: true });
		const placed = placeLabels(Array.from({ length: 8 }, (_, i) => ({ leaderX: 400 + i * 5, entries: [entry(i)] })), 0, 960);
		expect(placed.crossings).toBe(0);
		expect(new Set(placed.boxes.map((p) => p.lo)).size).toBe(4);
		expect(placed.boxes.filter((b) => b.right)).toHaveLength(4);
	});
});

describe('describeProfile', () => {
	it('tells the drawing in words, from left to right', () => {
		expect(describeProfile(MARKT)).toBe(
			'4 Leitungen im Querschnitt Marktplatz, je 15 m links und rechts der Achse, von links nach rechts: ' +
				'Straßenbeleuchtung NYY-J 4×10 4,65 m links, 0,70 m tief; Strom NAYY 4×150 3,50 m links, 0,92 m tief; ' +
				'Gas DN 100 2,11 m links, 1,15 m tief; Wasser DN 100 2,37 m rechts, 1,32 m tief.'
		);
		expect(describeProfile(section([line(0, null)], 7.5))).toContain('1 Leitung im Querschnitt Marktplatz, je 7,5 m links und rechts der Achse');
		expect(describeProfile(section([line(0, null)]))).toContain('Wasser DN 100 auf der Achse, Tiefe unbekannt');
		expect(describeProfile(section([]))).toBe('Keine Leitung im Querschnitt Marktplatz, je 15 m links und rechts der Achse, die Sie hier sehen dürfen.');
	});
});

describe('uncovered', () => {
	it('leaves the stretches of the section no Auskunft reaches', () => {
		expect(uncovered([{ fromM: -15, toM: 15 }], 15)).toEqual([]);
		expect(uncovered([], 15)).toEqual([[-15, 15]]);
		expect(uncovered([{ fromM: 4, toM: 9 }, { fromM: -20, toM: -6 }], 15)).toEqual([[-6, 4], [9, 15]]);
	});

	it('hatches them in the drawing, in pixels', () => {
		const json = section([line(2, 1)]);
		json.section.covered = [{ fromM: -15, toM: 0 }];
		const m = buildProfile(json);
		expect(m.unknown).toHaveLength(1);
		expect(m.unknown[0]!.x0).toBeCloseTo(m.axisX, 6);
		expect(m.unknown[0]!.x1).toBeCloseTo(m.plot.right, 6);
	});
});
