import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import DistanceOp from 'jsts/org/locationtech/jts/operation/distance/DistanceOp.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEPTH_SOURCES, KIND_GEOMETRY, KINDS, NETWORKS, STATUSES } from '../../../layers/catalogue';
import { expectedFiles } from './cli';
import { toUtm } from './crs';
import { DEMO_SEED, generateNetworks, type Generated } from './generate';
import { pointInRing, type Line, type Pt } from './geometry';
import { demoFiles, manifest, SOURCE_FILE } from './output';
import type { StreetSourceCollection } from './streets';

const DEMO_DIR = fileURLToPath(new URL('../../../../../layers/demo/', import.meta.url));
const source = JSON.parse(readFileSync(DEMO_DIR + SOURCE_FILE, 'utf8')) as StreetSourceCollection;

/** The schema of catalogue.ts, field for field and in order. */
const FIELDS = [
	'source_id',
	'network',
	'kind',
	'status',
	'material',
	'dimension',
	'depth_m',
	'depth_source',
	'pressure_level',
	'voltage_level',
	'ducts_total',
	'ducts_free',
	'accuracy_cm'
];

interface OutFeature {
	properties: Record<string, unknown>;
	geometry: { type: string; coordinates: number[] | number[][] };
}

let generated: Generated;
let files: Map<string, string>;
const parsed = (path: string): OutFeature[] => (JSON.parse(files.get(path)!) as { features: OutFeature[] }).features;

beforeAll(() => {
	generated = generateNetworks(source);
	files = demoFiles(generated);
});

describe('demo networks', () => {
	it('come out byte-identical for the same seed and differ for another', () => {
		expect(demoFiles(generateNetworks(source, { seed: DEMO_SEED }))).toEqual(files);
		expect(demoFiles(generateNetworks(source, { seed: DEMO_SEED + 1 })).get('stadtwerke-saalestadt/wasser.geojson')).not.toEqual(
			files.get('stadtwerke-saalestadt/wasser.geojson')
		);
	});

	it('are what is committed under layers/ (run the CLI after changing the generator)', () => {
		for (const [path, content] of expectedFiles()) {
			expect(readFileSync(path, 'utf8') === content, `${path} is stale: npx tsx src/lib/server/demo/networks/cli.ts`).toBe(true);
		}
	});

	it('lay every main and house connection at its offset from its street axis, measured in the written file', () => {
		const factory = new GeometryFactory();
		const axes = new Map(generated.streets.map((s) => [s.id, factory.createLineString(s.axis.map(([x, y]) => new Coordinate(x, y)))]));
		const distance = (p: Pt, streetId: string): number =>
			DistanceOp.distance(factory.createPoint(new Coordinate(p[0], p[1])), axes.get(streetId)!);
		let checked = 0;
		let worst = { deviation: 0, id: '' };
		const measure = (id: string, p: Pt, streetId: string, expected: number): void => {
			const deviation = Math.abs(distance(p, streetId) - expected);
			if (deviation > worst.deviation) worst = { deviation, id };
		};
		for (const op of generated.operators) {
			for (const layer of op.layers) {
				for (const feature of parsed(`${op.operator.slug}/${layer.spec.id}.geojson`)) {
					const id = feature.properties.source_id as string;
					const trace = layer.trace.get(id);
					if (!trace) continue;
					const line = (feature.geometry.coordinates as number[][]).map((c) => toUtm(c));
					const expected = Math.abs(trace.offsetM);
					if (feature.properties.kind === 'hausanschluss') {
						// the house end, 6–12 m out; the other end sits on the main
						expect(expected >= 6 && expected <= 12, id).toBe(true);
						measure(id, line[line.length - 1]!, trace.streetId, expected);
					} else {
						for (const p of samples(line)) measure(id, p, trace.streetId, expected);
					}
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(5000);
		expect(worst.deviation, worst.id).toBeLessThanOrEqual(0.5);
	});

	it('put Wasser 2–3 m on one side and Gas 1.5–2.5 m on the other', () => {
		const sws = generated.operators.find((o) => o.operator.slug === 'stadtwerke-saalestadt')!;
		const offsets = (id: string) =>
			[...sws.layers.find((l) => l.spec.id === id)!.features]
				.filter((f) => f.properties.kind === 'leitung' && f.properties.status !== 'stillgelegt')
				.map((f) => sws.layers.find((l) => l.spec.id === id)!.trace.get(f.properties.source_id)!.offsetM);
		const wasser = offsets('wasser');
		expect(wasser.length).toBeGreaterThan(100);
		for (const d of wasser) expect(d >= -3 && d <= -2).toBe(true);
		for (const d of offsets('gas')) expect(d >= 1.5 && d <= 2.5).toBe(true);
	});

	it('carry exactly the catalogue schema, valid values and one source_id per feature', () => {
		// plain checks collected into a list: 13,000 features × 20 expect() calls would take seconds
		const problems: string[] = [];
		for (const op of generated.operators) {
			for (const layer of op.layers) {
				const written = parsed(`${op.operator.slug}/${layer.spec.id}.geojson`);
				expect(written.length).toBeGreaterThan(0);
				const ids = new Set<string>();
				for (const { properties: p, geometry: g } of written) {
					const id = String(p.source_id);
					const check = (ok: boolean, what: string): void => {
						if (!ok) problems.push(`${layer.spec.id} ${id}: ${what}`);
					};
					check(JSON.stringify(Object.keys(p)) === JSON.stringify(FIELDS), `fields ${Object.keys(p).join(',')}`);
					check(id.startsWith(`${layer.spec.idPrefix}-`) && !ids.has(id), 'source_id not unique or wrong prefix');
					ids.add(id);
					check(p.network === layer.spec.network && NETWORKS.includes(p.network as never), `network ${p.network}`);
					check(KINDS.includes(p.kind as never), `kind ${p.kind}`);
					check(STATUSES.includes(p.status as never), `status ${p.status}`);
					const geometryClass = g.type === 'Point' ? 'point' : g.type === 'LineString' ? 'line' : 'polygon';
					check(KIND_GEOMETRY[p.kind as keyof typeof KIND_GEOMETRY] === geometryClass, `${p.kind} as ${g.type}`);
					check(p.depth_source === null || DEPTH_SOURCES.includes(p.depth_source as never), `depth_source ${p.depth_source}`);
					check(p.depth_m === null || (typeof p.depth_m === 'number' && p.depth_m > 0.2 && p.depth_m < 6), `depth ${p.depth_m}`);
					check(p.depth_source === null || p.depth_m !== null, 'depth source without depth');
					check(p.ducts_free === null || (p.ducts_free as number) <= (p.ducts_total as number), 'more free ducts than ducts');
					for (const field of ['material', 'dimension', 'pressure_level', 'voltage_level']) {
						check(p[field] === null || typeof p[field] === 'string', `${field} ${p[field]}`);
					}
					for (const field of ['ducts_total', 'ducts_free', 'accuracy_cm']) {
						check(p[field] === null || Number.isInteger(p[field]), `${field} ${p[field]}`);
					}
					const coords = g.type === 'Point' ? [g.coordinates as number[]] : (g.coordinates as number[][]);
					check(g.type === 'Point' || coords.length >= 2, 'line with fewer than two points');
					check(coords.every((c) => c.length === 2 && c.every((v) => Math.round(v * 1e7) / 1e7 === v)), 'more than 7 decimals');
				}
			}
		}
		expect(problems.slice(0, 20)).toEqual([]);
	});

	it('stay inside each operator’s service area', () => {
		for (const op of generated.operators) {
			for (const layer of op.layers) {
				for (const f of layer.features) {
					const pts: Line = f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates;
					expect(pts.every((p) => pointInRing(p, op.coverage)), f.properties.source_id).toBe(true);
				}
			}
		}
	});

	it('show what an Auskunft has to handle: every status, uncertain positions, free ducts, two fibre operators', () => {
		const all = generated.operators.flatMap((o) => o.layers.flatMap((l) => l.features.map((f) => f.properties)));
		for (const status of STATUSES) expect(all.filter((p) => p.status === status).length, status).toBeGreaterThan(5);
		expect(all.filter((p) => (p.accuracy_cm ?? 0) > 50).length).toBeGreaterThan(20);
		for (const source of DEPTH_SOURCES) expect(all.some((p) => p.depth_source === source)).toBe(true);
		expect(all.some((p) => p.network === 'breitband' && (p.ducts_free ?? 0) > 0)).toBe(true);
		for (const kind of ['hausanschluss', 'schacht', 'armatur', 'mast'] as const) expect(all.some((p) => p.kind === kind)).toBe(true);
		const fibre = generated.operators.filter((o) => o.layers.some((l) => l.spec.network === 'breitband'));
		expect(fibre.length).toBe(2);
	});

	it('list every file and its feature count in the manifest', () => {
		const m = JSON.parse(files.get('manifest.json')!) as ReturnType<typeof manifest>;
		expect(m.operators.some((o) => o.answerMode === 'manual')).toBe(true);
		expect(m.operators.some((o) => !o.dataComplete)).toBe(true);
		expect(m.operators.flatMap((o) => o.layers).find((l) => l.id === 'gas-hochdruck')?.requestBufferM).toBe(50);
		for (const op of m.operators) {
			expect(files.has(op.coverage.file)).toBe(true);
			for (const layer of op.layers) expect(parsed(layer.file).length).toBe(layer.featureCount);
		}
	});
});

/** The vertices and the midpoint of every segment. */
function samples(line: Pt[]): Pt[] {
	const out: Pt[] = [...line];
	for (let i = 1; i < line.length; i++) out.push([(line[i - 1]![0] + line[i]![0]) / 2, (line[i - 1]![1] + line[i]![1]) / 2]);
	return out;
}
