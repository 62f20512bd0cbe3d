/**
 * Conflict check benchmark (issue #5): a new Baustelle against 50,000 registered ones, target p99 ≤ 10 ms.
 * 50,000 seeded Baustellen on 400 streets over ~20 km × 20 km around Halle (Saale) (EPSG:25832),
 * windows over three years, ~70 % excavating (src/lib/server/konflikte/synthetic.ts), 30 active
 * moratoria. For 1,000 new subjects on the same streets:
 * - in-memory: ConflictIndex.near (flatbush R-tree + time filter) + checkConflicts;
 * - database:  the service's path — loadCandidates (GiST `box &&` pre-filter + time window) and
 *              loadMoratoria on a real PostgreSQL with the migrated schema, then checkConflicts.
 * Both paths must give identical findings (counted as mismatches). Prints figures, asserts nothing:
 * `npx tsx tests/bench/konflikte.ts [registered]`. The database is created for the run and dropped.
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import type { Polygonal } from '../../src/lib/baustellen';
import { mapPositions, utmToLonLat } from '../../src/lib/geo/crs';
import { migrate } from '../../src/lib/server/db/migrate';
import { checkConflicts } from '../../src/lib/server/konflikte/engine';
import { ConflictIndex } from '../../src/lib/server/konflikte/index';
import { loadCandidates, loadMoratoria } from '../../src/lib/server/konflikte/load';
import { syntheticBaustellen, syntheticStreets } from '../../src/lib/server/konflikte/synthetic';
import { DEFAULT_SETTINGS, type Bbox, type Candidate, type Finding, type MoratoriumInput } from '../../src/lib/server/konflikte/types';
import { createRng } from '../../src/lib/server/demo/networks/prng';
import { admin, dbUrl } from '../integration/helpers/pg';

export interface KonflikteBenchOptions {
	/** registered Baustellen */
	count?: number;
	/** new Baustellen checked against them */
	subjects?: number;
	seed?: number;
	log?: (line: string) => void;
}

export interface Figures {
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	meanMs: number;
}

export interface KonflikteBenchResult {
	count: number;
	subjects: number;
	targetMs: number;
	memory: Figures & { ratioP99: number; cpu: Figures };
	database: Figures & { ratioP99: number; sql: Figures };
	candidates: { index: { mean: number; max: number }; database: { mean: number; max: number } };
	findings: { mean: number; max: number; byKind: Record<string, number> };
	mismatches: number;
	setupS: { generate: number; index: number; database: number };
}

const TARGET_MS = 10;
const STREETS = 400;
const STREET_SEED = 7;
/** the engine's "today": before the three years, so every co-laying chance is still open */
const TODAY = '2025-01-01';
const SETTINGS = DEFAULT_SETTINGS;

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function figures(times: number[]): Figures {
	const s = [...times].sort((a, b) => a - b);
	return {
		p50Ms: round(quantile(s, 0.5)),
		p99Ms: round(quantile(s, 0.99)),
		maxMs: round(s[s.length - 1]!),
		meanMs: round(s.reduce((a, b) => a + b, 0) / s.length)
	};
}

function meanMax(values: number[]): { mean: number; max: number } {
	return { mean: round(values.reduce((a, b) => a + b, 0) / values.length, 1), max: Math.max(...values) };
}

/** Aufbruchsperren on 30 streets: a 4–12 m wide strip 100–600 m along the axis, valid 1–5 years. */
function moratoriaOnStreets(seed: number): MoratoriumInput[] {
	const streets = syntheticStreets(STREETS, STREET_SEED);
	const rng = createRng(seed);
	return Array.from({ length: 30 }, (_, i) => {
		const s = rng.pick(streets);
		const t = rng.range(0, s.length - 100);
		const len = rng.range(100, 600);
		const hw = rng.range(2, 6);
		const [x0, y0] = [s.x + s.dx * t, s.y + s.dy * t];
		const [x1, y1] = [x0 + s.dx * len, y0 + s.dy * len];
		const [nx, ny] = [-s.dy * hw, s.dx * hw];
		const ring = [[x0 + nx, y0 + ny], [x1 + nx, y1 + ny], [x1 - nx, y1 - ny], [x0 - nx, y0 - ny], [x0 + nx, y0 + ny]];
		const area: Polygonal = { type: 'Polygon', coordinates: [ring] };
		const xs = ring.map((p) => p[0]!);
		const ys = ring.map((p) => p[1]!);
		const validFrom = `${rng.int(2023, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
		return {
			id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
			title: `Aufbruchsperre ${s.name} nach grundhaftem Ausbau`,
			area,
			bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as Bbox,
			validFrom,
			validUntil: `${Number(validFrom.slice(0, 4)) + rng.int(1, 5)}-${validFrom.slice(5, 7)}-01`,
			mode: rng.chance(0.5) ? 'sperre' : 'warnung',
			exemptions: ['dringende_reparatur', 'stoerungsbeseitigung'],
			legalBasis: '§ 6 Aufgrabungssatzung (Beispiel)'
		};
	});
}

/** JSON with sorted object keys: jsonb hands objects back with its own key order. */
function canonical(v: unknown): string {
	return JSON.stringify(v, (_, x: unknown) =>
		x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x
	);
}

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
function copyField(v: unknown): string {
	if (v === null || v === undefined) return '\\N';
	const text = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
	return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function textArray(values: string[]): string {
	return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function area(g: Polygonal): number {
	const rings = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	let sum = 0;
	for (const poly of rings)
		poly.forEach((ring, k) => {
			let a = 0;
			for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
			sum += (k === 0 ? 1 : -1) * Math.abs(a / 2);
		});
	return sum;
}

const BAUSTELLE_COLUMNS = [
	'id', 'number', 'org_id', 'created_by', 'promoter_private', 'title', 'work_kind', 'excavation', 'publicly_funded', 'exemption',
	'footprint_4326', 'footprint_25832', 'axis_4326', 'axis_25832', 'bbox', 'area_m2', 'streets', 'planned_start', 'planned_end',
	'traffic', 'status', 'networks', 'ducts', 'created_at', 'updated_at'
];

/** A database of its own with the schema, the promoter orgs, the Baustellen (COPY) and the moratoria. */
async function loadDatabase(registered: Candidate[], moratoria: MoratoriumInput[], log: (line: string) => void): Promise<{ name: string; sql: postgres.Sql; seconds: number }> {
	const name = `tiefblick_bench_konflikte_${process.pid}`;
	const a = admin();
	try {
		await a.unsafe(`drop database if exists ${name} with (force)`);
		await a.unsafe(`create database ${name}`);
	} finally {
		await a.end();
	}
	const sql = postgres(dbUrl(name), { max: 1, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
	const t0 = performance.now();
	try {
		await migrate(sql);
		const [user] = await sql<{ id: string }[]>`insert into users (email, name, password_hash) values ('bench@tiefblick.invalid', 'Bench', 'x') returning id`;
		const promoters = [...new Set(registered.map((c) => c.promoter).filter((p) => p !== 'privat'))].sort();
		const orgs = new Map<string, string>();
		for (const p of promoters) {
			const [org] = await sql<{ id: string }[]>`insert into organisations (name, roles, verified_at) values (${p}, '{bauunternehmen,netzbetreiber}', now()) returning id`;
			orgs.set(p, org!.id);
		}
		// a private Bauherr's Baustelle is registered by a firm; the engine shows it as 'privat'
		const privateOrg = orgs.get(promoters[0]!)!;
		const now = new Date().toISOString();
		log(`loading ${registered.length.toLocaleString('en')} Baustellen into PostgreSQL (COPY) …`);
		const lines = function* (): Generator<string> {
			for (const c of registered) {
				const axis = { type: 'LineString', coordinates: (c.footprint.type === 'Polygon' ? c.footprint.coordinates[0]! : c.footprint.coordinates[0]![0]!).slice(0, 2) };
				const row = [
					c.id, c.number, c.promoter === 'privat' ? privateOrg : orgs.get(c.promoter)!, user!.id, c.promoter === 'privat', c.title,
					c.excavation ? 'aufgrabung' : 'oberflaechenarbeiten', c.excavation, c.publiclyFunded, c.exemption,
					{ ...c.footprint, coordinates: mapPositions(c.footprint.coordinates, utmToLonLat) }, c.footprint,
					{ ...axis, coordinates: mapPositions(axis.coordinates, utmToLonLat) }, axis,
					`(${c.bbox[0]},${c.bbox[1]}),(${c.bbox[2]},${c.bbox[3]})`, area(c.footprint), textArray(c.streets), c.start, c.end,
					'halbseitig', c.status, textArray(c.networks), c.ducts, now, now
				];
				yield row.map(copyField).join('\t') + '\n';
			}
		};
		const stream = await sql.unsafe(`copy baustellen (${BAUSTELLE_COLUMNS.join(', ')}) from stdin`).writable();
		await pipeline(Readable.from(lines()), stream);
		for (const m of moratoria)
			await sql`insert into moratoria (id, authority_org_id, title, area_4326, area_25832, bbox, valid_from, valid_until, legal_basis, mode, exemptions, status, created_at)
				values (${m.id}, ${privateOrg}, ${m.title}, ${sql.json(mapPositions(m.area, utmToLonLat) as never)}, ${sql.json(m.area as never)},
					box(point(${m.bbox[0]}, ${m.bbox[1]}), point(${m.bbox[2]}, ${m.bbox[3]})), ${m.validFrom}, ${m.validUntil}, ${m.legalBasis}, ${m.mode},
					string_to_array(${m.exemptions.join(',')}, ','), 'aktiv', now())`;
		// a lifted one must never count
		await sql`insert into moratoria (authority_org_id, title, area_4326, area_25832, bbox, valid_from, valid_until, mode, status, created_at)
			select authority_org_id, title || ' (aufgehoben)', area_4326, area_25832, bbox, valid_from, valid_until, 'sperre', 'aufgehoben', now() from moratoria`;
		await sql`analyze`;
	} catch (e) {
		await sql.end({ timeout: 5 });
		await dropDatabase(name);
		throw e;
	}
	return { name, sql, seconds: round((performance.now() - t0) / 1000, 1) };
}

async function dropDatabase(name: string): Promise<void> {
	const a = admin();
	try {
		await a.unsafe(`drop database if exists ${name} with (force)`);
	} finally {
		await a.end();
	}
}

export async function runKonflikteBench(options: KonflikteBenchOptions = {}): Promise<KonflikteBenchResult> {
	const { count = 50_000, subjects: subjectCount = 1_000, seed = 1, log = console.log } = options;
	let t0 = performance.now();
	const registered = syntheticBaustellen(count, { seed, streetSeed: STREET_SEED, streets: STREETS });
	const subjects = syntheticBaustellen(subjectCount, { seed: seed + 1, streetSeed: STREET_SEED, streets: STREETS, numberPrefix: 'NEU' })
		// a new Baustelle is never cancelled
		.map((s) => ({ ...s, status: 'geplant' as const }));
	const warm = syntheticBaustellen(200, { seed: seed + 2, streetSeed: STREET_SEED, streets: STREETS, numberPrefix: 'WARM' });
	const moratoria = moratoriaOnStreets(seed + 3);
	const generateS = round((performance.now() - t0) / 1000, 1);

	t0 = performance.now();
	const index = new ConflictIndex(registered);
	const indexS = round((performance.now() - t0) / 1000, 2);

	// in-memory: the index and the engine
	const inMemory = (s: Candidate) => {
		const near = index.near(s, SETTINGS);
		return { near, findings: checkConflicts(s, near, moratoria, SETTINGS, TODAY) };
	};
	for (const s of warm) inMemory(s);
	const memoryMs: number[] = [];
	const indexCounts: number[] = [];
	const memoryFindings: Finding[][] = [];
	const memoryCpuMs: number[] = [];
	for (const s of subjects) {
		const cpu = process.cpuUsage();
		const t = performance.now();
		const r = inMemory(s);
		memoryMs.push(performance.now() - t);
		const used = process.cpuUsage(cpu);
		memoryCpuMs.push((used.user + used.system) / 1000);
		indexCounts.push(r.near.length);
		memoryFindings.push(r.findings);
	}

	// database: the service's queries, then the engine
	const db = await loadDatabase(registered, moratoria, log);
	try {
		const viaDatabase = async (s: Candidate) => {
			const candidates = await loadCandidates(db.sql, s, SETTINGS);
			const mor = await loadMoratoria(db.sql, s.bbox, s.start, s.end);
			const sqlDone = performance.now();
			return { candidates, sqlDone, findings: checkConflicts(s, candidates, mor, SETTINGS, TODAY) };
		};
		for (const s of warm) await viaDatabase(s);
		const dbMs: number[] = [];
		const sqlMs: number[] = [];
		const dbCounts: number[] = [];
		let mismatches = 0;
		for (const [i, s] of subjects.entries()) {
			const t = performance.now();
			const r = await viaDatabase(s);
			dbMs.push(performance.now() - t);
			sqlMs.push(r.sqlDone - t);
			dbCounts.push(r.candidates.length);
			if (canonical(r.findings) !== canonical(memoryFindings[i])) {
				mismatches++;
				if (mismatches <= 3) log(`  mismatch ${s.number}: database ${canonical(r.findings)}\n    in-memory ${canonical(memoryFindings[i])}`);
			}
		}

		const byKind: Record<string, number> = {};
		for (const f of memoryFindings.flat()) byKind[`${f.kind}/${f.severity}${f.blocking ? '/blocking' : ''}`] = (byKind[`${f.kind}/${f.severity}${f.blocking ? '/blocking' : ''}`] ?? 0) + 1;
		const memory = figures(memoryMs);
		const database = figures(dbMs);
		const result: KonflikteBenchResult = {
			count,
			subjects: subjectCount,
			targetMs: TARGET_MS,
			memory: { ...memory, ratioP99: round(memory.p99Ms / TARGET_MS, 3), cpu: figures(memoryCpuMs) },
			database: { ...database, ratioP99: round(database.p99Ms / TARGET_MS, 3), sql: figures(sqlMs) },
			candidates: { index: meanMax(indexCounts), database: meanMax(dbCounts) },
			findings: { ...meanMax(memoryFindings.map((f) => f.length)), byKind },
			mismatches,
			setupS: { generate: generateS, index: indexS, database: db.seconds }
		};
		const line = (name: string, f: Figures) => `  ${name.padEnd(10)} p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms, mean ${f.meanMs} ms`;
		log(
			`conflicts: ${subjectCount.toLocaleString('en')} new Baustellen against ${count.toLocaleString('en')} registered on ${STREETS} streets over 20 km × 20 km (3 years, ${moratoria.length} moratoria); ` +
				`generated in ${generateS} s, index built in ${indexS} s, PostgreSQL loaded in ${db.seconds} s`
		);
		log(`  candidates per check: index mean ${result.candidates.index.mean} (max ${result.candidates.index.max}), SQL pre-filter mean ${result.candidates.database.mean} (max ${result.candidates.database.max}); findings mean ${result.findings.mean} (max ${result.findings.max})`);
		log(`  findings by kind: ${JSON.stringify(byKind)}`);
		log(line('in-memory', memory) + `   ConflictIndex.near + checkConflicts — p99 / target ${result.memory.ratioP99}`);
		log(line('  CPU time', result.memory.cpu) + '   the same checks in CPU time of this process (robust against a busy machine; µs resolution)');
		log(line('database', database) + `   loadCandidates + loadMoratoria + checkConflicts — p99 / target ${result.database.ratioP99}`);
		log(line('  of it SQL', result.database.sql) + '   the two pre-filter queries alone (GiST box &&, one connection)');
		log(`  target p99 ≤ ${TARGET_MS} ms; subjects whose findings differ between the two paths: ${mismatches}`);
		log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${cpus().length} cores (waiting for a CPU shows in p99 and max)`);
		return result;
	} finally {
		await db.sql.end({ timeout: 5 });
		await dropDatabase(db.name);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const n = process.argv[2] ? Number(process.argv[2]) : undefined;
	if (n !== undefined && !(Number.isInteger(n) && n > 0)) throw new Error(`usage: npx tsx tests/bench/konflikte.ts [registered Baustellen], not "${process.argv[2]}"`);
	await runKonflikteBench({ count: n });
}
