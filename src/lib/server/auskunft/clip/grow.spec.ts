import { describe, expect, it } from 'vitest';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import WKTReader from 'jsts/org/locationtech/jts/io/WKTReader.js';
import BufferOp from 'jsts/org/locationtech/jts/operation/buffer/BufferOp.js';
import { lonLatToUtm, utmToLonLat } from '$lib/geo/crs';
import { AreaIndex, EXTERIOR } from './area-index';
import { growArea } from './grow';
import { randomAreaRing } from './random-area';
import { validateWorkArea } from './validate';
import { seededRandom } from '$lib/server/layers/reader/synthetic';

const O = lonLatToUtm([11.9697, 51.4826]);
const ring = (pts: [number, number][]) => pts.map(([dx, dy]) => utmToLonLat([O[0] + dx, O[1] + dy]));
const polygon = (...rings: [number, number][][]) => ({ type: 'Polygon', coordinates: rings.map(ring) });

describe('growArea', () => {
	it('contains every point within the distance, and not much more', () => {
		const r = validateWorkArea(polygon([[0, 0], [120, 10], [60, 40], [130, 90], [10, 70], [0, 0]]));
		if (!r.ok) throw new Error(r.message);
		const grown = growArea(r.area25832, 10);
		const index = new AreaIndex(grown.geometry.type === 'Polygon' ? [grown.geometry.coordinates] : grown.geometry.coordinates);
		const verts = (r.area25832.coordinates as number[][][])[0]!;
		// circles of radius 10 m around every vertex: the worst places for a polygonal buffer
		for (const [vx, vy] of verts)
			for (let k = 0; k < 720; k++) {
				const a = (k / 720) * 2 * Math.PI;
				expect(index.locate(vx! + 10 * Math.cos(a), vy! + 10 * Math.sin(a))).not.toBe(EXTERIOR);
			}
		// and no more than the 2.7 cm of the circumscribed arcs beyond: extremes sit on vertex circles
		const [minX, minY, maxX, maxY] = grown.bbox;
		expect(maxX - minX).toBeGreaterThanOrEqual(150 - 1e-6);
		expect(maxX - minX).toBeLessThan(150 + 0.055);
		expect(maxY - minY).toBeGreaterThanOrEqual(110 - 1e-6);
		expect(maxY - minY).toBeLessThan(110 + 0.055);
	});

	it('returns the area itself for distance 0 and refuses negative ones', () => {
		const r = validateWorkArea(polygon([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]));
		if (!r.ok) throw new Error(r.message);
		expect(growArea(r.area25832, 0).geometry).toBe(r.area25832);
		expect(() => growArea(r.area25832, -1)).toThrow(RangeError);
	});

	it('why validation comes first: jsts buffers a bow-tie into one lobe, silently', () => {
		const reader = new WKTReader(new GeometryFactory());
		const bowTie = reader.read('POLYGON ((0 0, 100 100, 100 0, 0 100, 0 0))');
		const twoTriangles = reader.read('MULTIPOLYGON (((0 0, 50 50, 0 100, 0 0)), ((100 0, 100 100, 50 50, 100 0)))');
		const wrong = BufferOp.bufferOp(bowTie, 10, 16).getArea();
		const right = BufferOp.bufferOp(twoTriangles, 10, 16).getArea();
		// documented in validate.ts: the buffer keeps the right triangle only
		expect(wrong).toBeCloseTo(5249.5, 0);
		expect(right).toBeGreaterThan(1.9 * wrong);
	});

	it('contains the distance around random drawings, for every work-class distance', () => {
		const rnd = seededRandom(5);
		let checked = 0;
		const outside: string[] = [];
		for (let i = 0; i < 60; i++) {
			const v = validateWorkArea({ type: 'Polygon', coordinates: [randomAreaRing(rnd, O).map(utmToLonLat)] });
			if (!v.ok) continue;
			const verts = (v.area25832.coordinates as number[][][])[0]!.slice(0, -1);
			for (const d of [5, 10, 20, 30, 50]) {
				const g = growArea(v.area25832, d).geometry;
				const index = new AreaIndex(g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
				for (const [vx, vy] of verts)
					for (let k = 0; k < 256; k++) {
						const a = (k / 256) * 2 * Math.PI;
						// a hair inside the circle: the point itself is what must be covered
						const x = vx! + d * (1 - 1e-12) * Math.cos(a);
						const y = vy! + d * (1 - 1e-12) * Math.sin(a);
						if (index.locate(x, y) === EXTERIOR) outside.push(`area ${i}, ${d} m, vertex ${vx} ${vy}, angle ${k}`);
						checked++;
					}
			}
		}
		expect(outside.slice(0, 10)).toEqual([]);
		expect(checked).toBeGreaterThan(100_000);
	});
});
