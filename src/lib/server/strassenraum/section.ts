/**
 * @module strassenraum/section
 * A cross-section of the street space, pure: EPSG:25832, metres. The section stands square to the street
 * axis at the foot of the asked point and reaches `halfWidthM` to each side; every line it crosses is
 * reported with its offset from the axis. Sign convention as in road design (Stationierung): looking
 * along the axis in its digitised direction, offsets to the right are positive, to the left negative.
 */

export type Position = number[];

export interface Axis {
	name: string;
	coordinates: Position[];
}

export interface Foot {
	street: string;
	/** the axis point nearest to the asked point */
	point: [number, number];
	/** unit vector along the axis segment there */
	direction: [number, number];
	/** distance from the asked point to the axis */
	distanceM: number;
}

export interface Section {
	foot: Foot;
	halfWidthM: number;
	/** left end (offset −halfWidthM) → right end (+halfWidthM) */
	from: [number, number];
	to: [number, number];
	/** compass bearing of the axis direction, degrees clockwise from grid north */
	bearingDeg: number;
}

/** The nearest point of any axis to `p` (optionally only axes named `street`), or null if none is within `maxM`. */
export function nearestAxis(p: Position, axes: Axis[], maxM: number): Foot | null {
	let best: Foot | null = null;
	for (const axis of axes) {
		const c = axis.coordinates;
		for (let i = 1; i < c.length; i++) {
			const ax = c[i - 1]![0]!;
			const ay = c[i - 1]![1]!;
			const dx = c[i]![0]! - ax;
			const dy = c[i]![1]! - ay;
			const len2 = dx * dx + dy * dy;
			if (len2 === 0) continue;
			const t = Math.max(0, Math.min(1, ((p[0]! - ax) * dx + (p[1]! - ay) * dy) / len2));
			const qx = ax + t * dx;
			const qy = ay + t * dy;
			const d = Math.hypot(p[0]! - qx, p[1]! - qy);
			if (d <= maxM && (!best || d < best.distanceM)) {
				const len = Math.sqrt(len2);
				best = { street: axis.name, point: [qx, qy], direction: [dx / len, dy / len], distanceM: d };
			}
		}
	}
	return best;
}

export function sectionAt(foot: Foot, halfWidthM: number): Section {
	const [ux, uy] = foot.direction;
	// right of the direction (ux, uy) is (uy, −ux)
	const rx = uy;
	const ry = -ux;
	const [qx, qy] = foot.point;
	const bearing = ((Math.atan2(ux, uy) * 180) / Math.PI + 360) % 360;
	return {
		foot,
		halfWidthM,
		from: [qx - rx * halfWidthM, qy - ry * halfWidthM],
		to: [qx + rx * halfWidthM, qy + ry * halfWidthM],
		bearingDeg: Math.round(bearing * 10) / 10
	};
}

export interface Crossing {
	/** metres from the axis, right positive */
	offsetM: number;
	/** angle between the line and the axis there, 0–90° (0 = runs with the street) */
	angleDeg: number;
}

/** Where the line (as parts) crosses the section, ordered from left to right. */
export function crossings(section: Section, parts: Position[][]): Crossing[] {
	const [ax, ay] = section.from;
	const sx = section.to[0] - ax;
	const sy = section.to[1] - ay;
	const width = 2 * section.halfWidthM;
	const [ux, uy] = section.foot.direction;
	const out: Crossing[] = [];
	for (const part of parts) {
		for (let i = 1; i < part.length; i++) {
			const px = part[i - 1]![0]!;
			const py = part[i - 1]![1]!;
			const dx = part[i]![0]! - px;
			const dy = part[i]![1]! - py;
			const den = sx * dy - sy * dx;
			if (den === 0) continue; // parallel to the section: runs across the street along it, no single offset
			const t = ((px - ax) * dy - (py - ay) * dx) / den;
			const s = ((px - ax) * sy - (py - ay) * sx) / den;
			// half-open on the line's segments, so a vertex on the section is counted once
			if (t < 0 || t > 1 || s < 0 || s >= 1) continue;
			const cos = Math.abs(dx * ux + dy * uy) / Math.hypot(dx, dy);
			out.push({ offsetM: Math.round((t * width - section.halfWidthM) * 100) / 100, angleDeg: Math.round((Math.acos(Math.min(1, cos)) * 180) / Math.PI) });
		}
		// the line's last vertex lies exactly on the section
		const last = part[part.length - 1];
		if (last && part.length > 1) {
			const t = ((last[0]! - ax) * sx + (last[1]! - ay) * sy) / (width * width);
			const off = Math.abs((last[0]! - ax) * sy - (last[1]! - ay) * sx) / width;
			if (off < 1e-9 && t >= 0 && t <= 1) {
				const prev = part[part.length - 2]!;
				const dx = last[0]! - prev[0]!;
				const dy = last[1]! - prev[1]!;
				const cos = Math.abs(dx * ux + dy * uy) / (Math.hypot(dx, dy) || 1);
				out.push({ offsetM: Math.round((t * width - section.halfWidthM) * 100) / 100, angleDeg: Math.round((Math.acos(Math.min(1, cos)) * 180) / Math.PI) });
			}
		}
	}
	return out.sort((a, b) => a.offsetM - b.offsetM);
}
