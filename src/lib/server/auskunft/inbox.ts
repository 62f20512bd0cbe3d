/**
 * @module auskunft/inbox
 * An operator's inbox: the requests that wait for its answer, each with a summary of the work area and
 * the computed result of THIS operator only (count, length, a small sketch of its own lines in the
 * drawn area), the due date; its latest answers; and the field feedback addressed to it.
 */
import { sql } from '../db';
import { now } from '../clock';
import { attachments } from './answers-repo';
import { inboxRows, recentAnswers, type InboxRow } from './inbox-repo';
import { feedbackForOperator } from './feedback-repo';
import { FEEDBACK_LABELS } from './feedback-input';
import { settleDeadlines } from './deadlines';
import { berlinDate } from './rules';
import { growArea, type Polygonal } from './clip';

type Position = number[];

export interface Sketch {
	width: number;
	height: number;
	/** SVG path of the drawn area (y down) */
	area: string;
	/** SVG path of the area grown by this operator's search distance (where its lines were searched) */
	grown: string;
	/** SVG paths of the operator's own clipped lines */
	lines: string[];
	/** the operator's own point features */
	points: [number, number][];
	/** a round length for the scale bar: its width in sketch units and its label */
	scaleBar: { width: number; label: string };
}

const ROUND_LENGTHS_M = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

function collect(coordinates: unknown, out: Position[][]): void {
	// rings and line strings: arrays of positions; deeper arrays are walked down
	if (!Array.isArray(coordinates) || !coordinates.length) return;
	if (typeof coordinates[0] === 'number') {
		out.push([coordinates as Position]);
		return;
	}
	if (Array.isArray(coordinates[0]) && typeof coordinates[0][0] === 'number') {
		out.push(coordinates as Position[]);
		return;
	}
	for (const c of coordinates) collect(c, out);
}

/**
 * A small plan of the drawn area, the area grown by the search distance and the operator's own lines,
 * EPSG:25832 (metres) fitted into width × height, north up.
 */
export function sketch(
	area: { coordinates: unknown },
	features: { geometry: { type: string; coordinates: unknown } }[],
	grownArea: { coordinates: unknown } | null = null,
	width = 260,
	height = 170
): Sketch {
	const areaPaths: Position[][] = [];
	collect(area.coordinates, areaPaths);
	const grownPaths: Position[][] = [];
	if (grownArea) collect(grownArea.coordinates, grownPaths);
	const linePaths: Position[][] = [];
	const pointList: Position[] = [];
	for (const f of features) {
		const parts: Position[][] = [];
		collect(f.geometry.coordinates, parts);
		for (const p of parts) {
			if (p.length === 1) pointList.push(p[0]!);
			else linePaths.push(p);
		}
	}
	const all = [...areaPaths.flat(), ...grownPaths.flat(), ...linePaths.flat(), ...pointList];
	const xs = all.map((p) => p[0]!);
	const ys = all.map((p) => p[1]!);
	const [minX, maxX, minY, maxY] = xs.length ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] : [0, 1, 0, 1];
	const pad = 8;
	const bottom = 18; // room for the scale bar
	const scale = Math.min((width - 2 * pad) / Math.max(maxX - minX, 1), (height - pad - bottom) / Math.max(maxY - minY, 1));
	const ox = (width - (maxX - minX) * scale) / 2;
	const oy = bottom + (height - pad - bottom - (maxY - minY) * scale) / 2;
	const tx = (p: Position): [number, number] => [Math.round((ox + (p[0]! - minX) * scale) * 10) / 10, Math.round((height - oy - (p[1]! - minY) * scale) * 10) / 10];
	const barM = ROUND_LENGTHS_M.filter((m) => m * scale <= width / 3).pop() ?? 1;
	const path = (ps: Position[], close: boolean) => ps.map((p, i) => `${i ? 'L' : 'M'}${tx(p).join(' ')}`).join('') + (close ? 'Z' : '');
	return {
		width,
		height,
		area: areaPaths.map((r) => path(r, true)).join(''),
		grown: grownPaths.map((r) => path(r, true)).join(''),
		lines: linePaths.map((l) => path(l, false)),
		points: pointList.map(tx),
		scaleBar: { width: Math.round(barM * scale * 10) / 10, label: `${barM.toLocaleString('de-DE')} m` }
	};
}

function item(r: InboxRow) {
	return {
		auskunftId: r.auskunftId,
		number: r.number,
		type: r.type,
		workClass: r.workClass,
		askedAt: r.askedAt,
		period: { start: r.periodStart, end: r.periodEnd },
		description: r.description,
		place: [[r.site.strasse, r.site.hausnummer].filter(Boolean).join(' '), r.site.gemarkung && `Gemarkung ${r.site.gemarkung}`, r.site.flurstueck && `Flurstück ${r.site.flurstueck}`]
			.filter(Boolean)
			.join(', '),
		areaM2: r.areaM2,
		requesterOrg: r.requesterOrg,
		status: r.status,
		deadlineAt: r.deadlineAt,
		escalatesAt: r.escalatesAt,
		answeredAt: r.answeredAt,
		featureCount: r.featureCount,
		lengthM: r.lengthM,
		networks: r.networks,
		planReleased: r.planReleased
	};
}

export async function loadInbox(operatorOrgId: string, origin: string) {
	// the inbox shows what the requester sees: a passed deadline is keine_antwort here too
	await settleDeadlines({ origin });
	const at = now();
	const [pending, answered, feedback] = await Promise.all([
		inboxRows(sql, operatorOrgId, berlinDate(at)),
		recentAnswers(sql, operatorOrgId),
		feedbackForOperator(sql, operatorOrgId)
	]);
	const answeredItems = await Promise.all(
		answered.map(async (r) => ({ ...item(r), attachments: (await attachments(sql, r.auskunftId, operatorOrgId)).map((f) => ({ id: f.id, name: f.name, size: f.size })) }))
	);
	return {
		now: at,
		pending: pending.map((r) => ({ ...item(r), sketch: sketch(r.area25832, r.features?.features ?? [], growArea(r.area25832 as Polygonal, r.bufferM, 4).geometry) })),
		answered: answeredItems,
		feedback: feedback.map((f) => ({
			id: f.id,
			auskunftId: f.auskunftId,
			number: f.number,
			reporterOrg: f.reporterOrg,
			kind: f.kind,
			kindLabel: FEEDBACK_LABELS[f.kind],
			deviationM: f.deviationM,
			comment: f.comment,
			hasPhoto: f.hasPhoto,
			createdAt: f.createdAt
		}))
	};
}
