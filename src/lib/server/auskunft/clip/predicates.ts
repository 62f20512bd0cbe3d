/**
 * @module auskunft/clip/predicates
 * The one exact predicate the fast clip path relies on: the side of a point relative to a directed
 * segment, sign-exact for any finite doubles (plane coordinates, any CRS; EPSG:25832 metres here).
 *
 * Shewchuk's error bound decides from the double-precision determinant almost always; only when the
 * determinant is within rounding of zero (a point on or within ~1e-10 m of the line) is it recomputed
 * exactly with BigInt. Doubles are dyadic rationals, so scaling all six coordinates to their smallest
 * binary exponent makes them integers and the determinant exact. That path is slow (~µs) and rare.
 */

/** (3 + 16ε)ε with ε = 2⁻⁵³: Shewchuk's `ccwerrboundA` for the determinant below */
const ERRBOUND = (3 + 16 * 2 ** -53) * 2 ** -53;

/**
 * Sign of the cross product (b − a) × (c − a): 1 when c lies left of a→b (counter-clockwise), −1 right,
 * 0 exactly on the line through a and b. Same convention as JTS `Orientation.index`.
 */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	const detLeft = (bx - ax) * (cy - ay);
	const detRight = (by - ay) * (cx - ax);
	const det = detLeft - detRight;
	const bound = ERRBOUND * (Math.abs(detLeft) + Math.abs(detRight));
	if (det > bound) return 1;
	if (-det > bound) return -1;
	return orientExact(ax, ay, bx, by, cx, cy);
}

const view = new DataView(new ArrayBuffer(8));

/** x = mantissa · 2^exponent with an integer mantissa (0 for 0). */
function decompose(x: number): [mantissa: bigint, exponent: number] {
	if (x === 0) return [0n, 0];
	view.setFloat64(0, x);
	const hi = view.getUint32(0);
	const lo = view.getUint32(4);
	const biased = (hi >>> 20) & 0x7ff;
	const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
	// subnormals have no implicit leading bit and the smallest exponent
	const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
	const exponent = (biased === 0 ? 1 : biased) - 1075;
	return [hi >>> 31 ? -mantissa : mantissa, exponent];
}

/** The exact sign, for when the floating-point filter cannot decide. Exported for tests. */
export function orientExact(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	const parts = [ax, ay, bx, by, cx, cy].map(decompose);
	let minExp = Infinity;
	for (const [m, e] of parts) if (m !== 0n && e < minExp) minExp = e;
	if (minExp === Infinity) return 0; // all six are zero
	const [iax, iay, ibx, iby, icx, icy] = parts.map(([m, e]) => (m === 0n ? 0n : m << BigInt(e - minExp)));
	const det = (ibx! - iax!) * (icy! - iay!) - (iby! - iay!) * (icx! - iax!);
	return det > 0n ? 1 : det < 0n ? -1 : 0;
}
