/**
 * @module demo/baustellen-lines
 * Line geometry the demo calendar needs to place a Baustelle on a real street (EPSG:25832, metres):
 * join a street's OSM ways into one line, find the stretch of a given length nearest an anchor point.
 */

export type Point = number[];

const dist = (a: Point, b: Point) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);

/** Joins the parts of one street (OSM ways meet end to end) into one line through `parts[first]`. */
export function chainParts(parts: Point[][], first: number, toleranceM = 1): Point[] {
	const used = new Set([first]);
	let line = [...parts[first]!];
	for (let grew = true; grew; ) {
		grew = false;
		parts.forEach((p, i) => {
			if (used.has(i) || p.length < 2) return;
			const head = line[0]!;
			const tail = line[line.length - 1]!;
			if (dist(p[0]!, tail) <= toleranceM) line = [...line, ...p.slice(1)];
			else if (dist(p[p.length - 1]!, tail) <= toleranceM) line = [...line, ...[...p].reverse().slice(1)];
			else if (dist(p[p.length - 1]!, head) <= toleranceM) line = [...p.slice(0, -1), ...line];
			else if (dist(p[0]!, head) <= toleranceM) line = [...[...p].reverse().slice(0, -1), ...line];
			else return;
			used.add(i);
			grew = true;
		});
	}
	return line;
}

/** Distance of `q` to the line and the position (metres along it) of the nearest point. */
export function project(line: Point[], q: Point): { distance: number; along: number } {
	let best = { distance: Infinity, along: 0 };
	let walked = 0;
	for (let i = 1; i < line.length; i++) {
		const a = line[i - 1]!;
		const b = line[i]!;
		const len = dist(a, b);
		const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((q[0]! - a[0]!) * (b[0]! - a[0]!) + (q[1]! - a[1]!) * (b[1]! - a[1]!)) / (len * len)));
		const p = [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
		const d = dist(p, q);
		if (d < best.distance) best = { distance: d, along: walked + t * len };
		walked += len;
	}
	return best;
}

export function lengthOf(line: Point[]): number {
	let total = 0;
	for (let i = 1; i < line.length; i++) total += dist(line[i - 1]!, line[i]!);
	return total;
}

/** The part of `line` between `from` and `to` metres along it. */
export function cutLine(line: Point[], from: number, to: number): Point[] {
	const out: Point[] = [];
	let walked = 0;
	for (let i = 1; i < line.length; i++) {
		const a = line[i - 1]!;
		const b = line[i]!;
		const len = dist(a, b);
		const at = (s: number) => {
			const t = len === 0 ? 0 : (s - walked) / len;
			return [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
		};
		if (walked + len >= from && walked <= to) {
			if (!out.length) out.push(at(Math.max(from, walked)));
			if (walked + len <= to) out.push(b);
			else {
				out.push(at(to));
				break;
			}
		}
		walked += len;
	}
	return out.filter((p, i) => i === 0 || dist(p, out[i - 1]!) > 0.01);
}

/**
 * A section of `lengthM` metres along the street line nearest to `anchor` (EPSG:25832), centred on the
 * anchor's projection and shifted to stay on the street; the whole street when it is shorter. Null when
 * there is no line within `maxOffsetM` of the anchor.
 */
export function sectionAlong(parts: Point[][], anchor: Point, lengthM: number, maxOffsetM = 60): Point[] | null {
	const usable = parts.filter((p) => p.length >= 2);
	if (!usable.length) return null;
	let nearest = 0;
	let nearestDistance = Infinity;
	usable.forEach((p, i) => {
		const d = project(p, anchor).distance;
		if (d < nearestDistance) [nearest, nearestDistance] = [i, d];
	});
	if (nearestDistance > maxOffsetM) return null;
	const line = chainParts(usable, nearest);
	const total = lengthOf(line);
	const { along } = project(line, anchor);
	let from = along - lengthM / 2;
	let to = along + lengthM / 2;
	if (from < 0) [from, to] = [0, to - from];
	if (to > total) [from, to] = [Math.max(0, from - (to - total)), total];
	const section = cutLine(line, from, to);
	return section.length >= 2 ? section : null;
}
