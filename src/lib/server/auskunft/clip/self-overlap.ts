/**
 * @module auskunft/clip/self-overlap
 * Finds lines that lie on themselves. JTS (and PostGIS) dissolve such overlaps in an overlay, so the
 * length of the result counts the doubled stretch once; the fast path would count it twice, so it
 * hands these lines to jsts. EPSG:25832 metres; the test is exact (orient).
 */
import { orient } from './predicates';

type Position = number[];

/**
 * Whether two segments of the lines overlap along a stretch of positive length (a line doubling back
 * on itself, or two parts of a MultiLineString lying on each other). Crossings and touches are fine.
 */
export function hasSelfOverlap(paths: Position[][]): boolean {
	const segs: number[] = [];
	for (const path of paths)
		for (let i = 1; i < path.length; i++) {
			const a = path[i - 1]!;
			const b = path[i]!;
			if (a[0] === b[0] && a[1] === b[1]) continue;
			segs.push(a[0]!, a[1]!, b[0]!, b[1]!);
		}
	const m = segs.length / 4;
	if (m < 2) return false;
	if (m <= 24) {
		for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) if (segmentsOverlap(segs, i, j)) return true;
		return false;
	}
	// sweep along x: only segments whose x-ranges meet can overlap
	const order = Array.from({ length: m }, (_, i) => i);
	const minX = (i: number) => Math.min(segs[4 * i]!, segs[4 * i + 2]!);
	const maxX = (i: number) => Math.max(segs[4 * i]!, segs[4 * i + 2]!);
	order.sort((a, b) => minX(a) - minX(b));
	for (let i = 0; i < m; i++) {
		const si = order[i]!;
		const right = maxX(si);
		for (let j = i + 1; j < m && minX(order[j]!) <= right; j++) if (segmentsOverlap(segs, si, order[j]!)) return true;
	}
	return false;
}

function segmentsOverlap(s: number[], i: number, j: number): boolean {
	const ax = s[4 * i]!;
	const ay = s[4 * i + 1]!;
	const bx = s[4 * i + 2]!;
	const by = s[4 * i + 3]!;
	const cx = s[4 * j]!;
	const cy = s[4 * j + 1]!;
	const dx = s[4 * j + 2]!;
	const dy = s[4 * j + 3]!;
	if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return false;
	if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return false;
	if (orient(ax, ay, bx, by, cx, cy) !== 0 || orient(ax, ay, bx, by, dx, dy) !== 0) return false;
	const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
	const lo = useX ? Math.max(Math.min(ax, bx), Math.min(cx, dx)) : Math.max(Math.min(ay, by), Math.min(cy, dy));
	const hi = useX ? Math.min(Math.max(ax, bx), Math.max(cx, dx)) : Math.min(Math.max(ay, by), Math.max(cy, dy));
	return lo < hi;
}
