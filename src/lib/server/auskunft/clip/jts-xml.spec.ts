/**
 * JTS's own XML overlay tests (tests/fixtures/jts, SOURCE.txt there): every line/area intersection
 * and difference expectation, through plain jsts and through the fast path, compared with the
 * expected WKT by topological equality.
 *
 * The fast path computes line ∩ area (inside runs + touch points) and line − area (outside runs). It
 * has no area − line: by dimension that is the area itself, which is what we check; under a fixed
 * precision model JTS snap-rounds the area at the line's crossings (TestOverlayLAPrec #1 collapses a
 * sliver into a line), which only a noding overlay does — those go to jsts, as in the product.
 * Fixed precision (the *Prec file, scale 1): the fast path works in floating point and its output is
 * rounded to the grid afterwards; runs that collapse to one point become points (JTS's "dimensional
 * collapse").
 */
import { afterAll, describe, expect, it } from 'vitest';
import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import PrecisionModel from 'jsts/org/locationtech/jts/geom/PrecisionModel.js';
import WKTReader from 'jsts/org/locationtech/jts/io/WKTReader.js';
import DistanceOp from 'jsts/org/locationtech/jts/operation/distance/DistanceOp.js';
import { LINE_AREA_FILES, kindOf, lineAreaExpectations, type JtsExpectation } from '../../../../../tests/fixtures/jts/testxml';
import { topoDifference } from '../../../../../tests/fixtures/jts/topo-equal';
import { AreaIndex, type Ring } from './area-index';
import { components, difference, fromJsts, intersection, type JstsGeometry } from './jsts';
import { clipPaths, isFallback, type Position } from './line-clip';

const expectations = lineAreaExpectations(LINE_AREA_FILES);
const used = { fast: 0, dimensionRule: 0, jsts: [] as string[] };

function factoryFor(scale: number | null): GeometryFactory {
	return scale === null ? new GeometryFactory() : new GeometryFactory(new PrecisionModel(scale));
}

function operands(e: JtsExpectation, factory: GeometryFactory): [JstsGeometry, JstsGeometry, JstsGeometry] {
	const reader = new WKTReader(factory);
	const read = (wkt: string) => reader.read(wkt) as unknown as JstsGeometry;
	const a = read(e.a);
	const b = read(e.b);
	return [e.arg1 === 'A' ? a : b, e.arg2 === 'A' ? a : b, read(e.expected)];
}

const jstsOp = (op: string, g1: JstsGeometry, g2: JstsGeometry) => (op === 'intersection' ? intersection(g1, g2) : difference(g1, g2));

const linePaths = (g: JstsGeometry): Position[][] =>
	components(g).map((c) => (fromJsts(c) as { coordinates: Position[] }).coordinates);
const areaRings = (g: JstsGeometry): Ring[][] => components(g).map((c) => (fromJsts(c) as { coordinates: Ring[] }).coordinates);

/** Runs and points → one jsts geometry, rounded to the factory's precision model. */
function assemble(factory: GeometryFactory, runs: Position[][], points: Position[]): JstsGeometry {
	const pm = factory.getPrecisionModel();
	const snap = (p: Position) => {
		const c = new Coordinate(p[0], p[1]);
		pm.makePrecise(c);
		return c;
	};
	const lines: Coordinate[][] = [];
	const pts: Coordinate[] = points.map(snap);
	for (const run of runs) {
		const cs: Coordinate[] = [];
		for (const p of run.map(snap)) if (!cs.length || !cs[cs.length - 1]!.equals2D(p)) cs.push(p);
		if (cs.length >= 2) lines.push(cs);
		else pts.push(cs[0]!); // collapsed to a point
	}
	const lineGeoms = lines.map((cs) => factory.createLineString(cs));
	const onLine = (c: Coordinate) => lineGeoms.some((l) => DistanceOp.distance(l, factory.createPoint(c)) === 0);
	const seen = new Set<string>();
	const pointGeoms = pts
		.filter((c) => {
			const key = `${c.x} ${c.y}`;
			if (seen.has(key) || onLine(c)) return false;
			seen.add(key);
			return true;
		})
		.map((c) => factory.createPoint(c));
	const all = [...lineGeoms, ...pointGeoms];
	if (all.length === 0) return factory.createLineString() as unknown as JstsGeometry;
	if (pointGeoms.length === 0) return (lineGeoms.length === 1 ? lineGeoms[0] : factory.createMultiLineString(lineGeoms)) as unknown as JstsGeometry;
	if (lineGeoms.length === 0) return (pointGeoms.length === 1 ? pointGeoms[0] : factory.createMultiPoint(pointGeoms)) as unknown as JstsGeometry;
	return factory.createGeometryCollection(all) as unknown as JstsGeometry;
}

/** The fast path's answer for one expectation, or jsts's where the fast path declines. */
function fastOp(e: JtsExpectation, g1: JstsGeometry, g2: JstsGeometry, factory: GeometryFactory): JstsGeometry {
	const lineFirst = kindOf(e.arg1 === 'A' ? e.a : e.b) === 'L';
	const line = lineFirst ? g1 : g2;
	const area = lineFirst ? g2 : g1;
	const index = new AreaIndex(areaRings(area));
	const r = clipPaths(index, linePaths(line), true);
	const fixed = !factory.getPrecisionModel().isFloating();
	if (e.op === 'difference' && !lineFirst) {
		// area − line = the area; under a fixed grid only while the line leaves the area's boundary alone
		const meetsBoundary = !isFallback(r) && (r.touches.length > 0 || r.inside.length > 0);
		if (!fixed || (!isFallback(r) && !meetsBoundary)) {
			used.dimensionRule++;
			return area;
		}
		used.jsts.push(`${e.file} #${e.caseNo} ${e.op}: fixed-precision noding of the area`);
		return jstsOp(e.op, g1, g2);
	}
	if (isFallback(r)) {
		used.jsts.push(`${e.file} #${e.caseNo} ${e.op}: ${r.fallback}`);
		return jstsOp(e.op, g1, g2);
	}
	used.fast++;
	return e.op === 'intersection' ? assemble(factory, r.inside, r.touches) : assemble(factory, r.outside, []);
}

describe('JTS XML overlay tests, line vs area', () => {
	it('has the 73 expectations SOURCE.txt counts', () => {
		const perFile = Object.fromEntries(LINE_AREA_FILES.map((f) => [f, expectations.filter((e) => e.file === f).length]));
		expect(perFile).toEqual({
			'general_TestOverlayLA.xml': 8,
			'general_TestOverlayLAPrec.xml': 8,
			'general_TestNGOverlayL.xml': 9,
			'general_TestOverlayEmpty.xml': 48
		});
	});

	describe.each(expectations.map((e) => [`${e.file} #${e.caseNo} ${e.desc ? `(${e.desc}) ` : ''}${e.op}(${e.arg1}, ${e.arg2})`, e] as const))(
		'%s',
		(_name, e) => {
			it('plain jsts', () => {
				const factory = factoryFor(e.scale);
				const [g1, g2, expected] = operands(e, factory);
				expect(topoDifference(jstsOp(e.op, g1, g2), expected)).toBeNull();
			});
			it('fast path', () => {
				const factory = factoryFor(e.scale);
				const [g1, g2, expected] = operands(e, factory);
				expect(topoDifference(fastOp(e, g1, g2, factory), expected)).toBeNull();
			});
		}
	);

	afterAll(() => {
		// how the fast-path runs were decided, for the record (vitest prints console output per file)
		console.log(
			`JTS XML line/area: fast path ${used.fast}, area − line by dimension ${used.dimensionRule}, handed to jsts ${used.jsts.length}:\n  ${used.jsts.join('\n  ')}`
		);
	});
});
