import { describe, expect, it } from 'vitest';
import { crossings, nearestAxis, sectionAt, type Axis } from './section';

const X = 700_000;
const Y = 5_710_000;
const at = (x: number, y: number) => [X + x, Y + y];
/** a street running north, and one running east */
const north: Axis = { name: 'Nordstraße', coordinates: [at(0, 0), at(0, 100)] };
const east: Axis = { name: 'Oststraße', coordinates: [at(0, 200), at(100, 200)] };

describe('nearestAxis', () => {
	it('finds the foot on the nearest axis within the limit', () => {
		const foot = nearestAxis(at(4, 50), [north, east], 30)!;
		expect(foot.street).toBe('Nordstraße');
		expect(foot.point).toEqual([X, Y + 50]);
		expect(foot.direction).toEqual([0, 1]);
		expect(foot.distanceM).toBeCloseTo(4, 9);
		expect(nearestAxis(at(50, 150), [north, east], 30)).toBeNull();
	});
});

describe('sectionAt and crossings', () => {
	const section = sectionAt(nearestAxis(at(4, 50), [north], 30)!, 15);

	it('stands square to the axis, left end first; bearing from grid north', () => {
		expect(section.from).toEqual([X - 15, Y + 50]);
		expect(section.to).toEqual([X + 15, Y + 50]);
		expect(section.bearingDeg).toBe(0);
		expect(sectionAt(nearestAxis(at(50, 203), [east], 30)!, 10).bearingDeg).toBe(90);
	});

	it('reports lines along the street with their offset, right positive, and their angle', () => {
		const water = [[at(3.2, 0), at(3.2, 100)]];
		const gas = [[at(-2.5, 0), at(-2.5, 40), at(-2.5, 60)]];
		const houseConnection = [[at(3.2, 45), at(12, 55)]];
		expect(crossings(section, water)).toEqual([{ offsetM: 3.2, angleDeg: 0 }]);
		expect(crossings(section, gas)).toEqual([{ offsetM: -2.5, angleDeg: 0 }]);
		const hc = crossings(section, houseConnection);
		expect(hc).toHaveLength(1);
		expect(hc[0]!.offsetM).toBeCloseTo(7.6, 9);
		expect(hc[0]!.angleDeg).toBe(41);
	});

	it('counts a vertex on the section once, a line ending on it once, and misses lines beyond its reach', () => {
		expect(crossings(section, [[at(1, 40), at(1, 50), at(1, 60)]])).toEqual([{ offsetM: 1, angleDeg: 0 }]);
		expect(crossings(section, [[at(1, 40), at(1, 50)]])).toEqual([{ offsetM: 1, angleDeg: 0 }]);
		expect(crossings(section, [[at(20, 0), at(20, 100)]])).toEqual([]);
		expect(crossings(section, [[at(0, 60), at(0, 90)]])).toEqual([]);
	});

	it('reports a line crossing the section twice twice, ordered left to right', () => {
		const loop = [[at(5, 40), at(5, 60), at(-5, 60), at(-5, 40)]];
		expect(crossings(section, loop).map((c) => c.offsetM)).toEqual([-5, 5]);
	});
});
