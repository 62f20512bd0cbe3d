/**
 * @module map/validate
 * Checks a work area before it is sent — the same rules the server applies (DESIGN.md, request path):
 * valid geometry (jsts IsValidOp: no self-intersection), the area limit of the request type on the
 * drawn area, a vertex limit, and — when known — the service area. All in EPSG:25832.
 * Pure: GeoJSON (EPSG:4326) in, German reasons out; used live while drawing.
 */
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import TopologyValidationError from 'jsts/org/locationtech/jts/operation/valid/TopologyValidationError.js';
import RelateOp from 'jsts/org/locationtech/jts/operation/relate/RelateOp.js';
import { utmToLonLat } from '$lib/geo/crs';
import { formatArea, formatCount, formatKm2 } from './format';
import { countVertices, measureArea, type Measure } from './measure';
import { toUtmGeometry, type Geometry } from './jsts';
import type { AreaGeometry } from './types';

// the same numbers the server enforces (src/lib/auskunft.ts)
export { AUSKUNFT_TYPES as REQUEST_TYPES, AREA_LIMIT_M2 as AREA_LIMITS_M2, TYPE_LABELS as REQUEST_TYPE_LABELS } from '$lib/auskunft';
export type { AuskunftType as RequestType } from '$lib/auskunft';
import { TYPE_LABELS as REQUEST_TYPE_LABELS, type AuskunftType as RequestType } from '$lib/auskunft';

/** Most vertices a drawn or imported area may have; keeps the clip on the server fast. */
export const MAX_VERTICES = 2_000;
/** Smaller than this is a slip of the mouse, not a work area. */
export const MIN_AREA_M2 = 1;

export type ProblemCode =
	| 'self_intersection'
	| 'invalid_geometry'
	| 'too_few_points'
	| 'too_small'
	| 'too_large'
	| 'too_many_vertices'
	| 'outside_service_area'
	| 'partly_outside_service_area';

export interface AreaProblem {
	code: ProblemCode;
	/** German, for the person drawing */
	message: string;
	/** an error blocks sending; a warning only informs */
	severity: 'error' | 'warning';
	/** where the problem is, [lon, lat] (e.g. the first crossing of a self-intersection) */
	at?: [number, number];
}

export interface AreaCheck extends Measure {
	/** false for invalid geometry: a self-intersecting ring has no meaningful area */
	measurable: boolean;
	vertices: number;
	problems: AreaProblem[];
	/** no problem of severity `error` */
	valid: boolean;
}

export interface CheckOptions {
	/** area limit in m² (AREA_LIMITS_M2 of the request type) */
	maxAreaM2: number;
	/** e.g. "für eine Bauauskunft"; completes the too-large message */
	limitContext?: string;
	/** where the platform answers requests (EPSG:4326); unknown → not checked */
	serviceArea?: AreaGeometry | null;
}

function geometryProblem(op: IsValidOp): AreaProblem {
	const err = op.getValidationError();
	const c = err.getCoordinate();
	const at = c ? utmToLonLat([c.x, c.y]) : undefined;
	switch (err.getErrorType()) {
		case TopologyValidationError.SELF_INTERSECTION:
		case TopologyValidationError.RING_SELF_INTERSECTION:
			return {
				code: 'self_intersection',
				message: 'Die Fläche überschneidet sich selbst: zwei Kanten kreuzen sich. Bitte die Eckpunkte so setzen, dass sich keine Kanten kreuzen.',
				severity: 'error',
				at
			};
		case TopologyValidationError.TOO_FEW_POINTS:
			return { code: 'too_few_points', message: 'Die Fläche braucht mindestens drei verschiedene Eckpunkte.', severity: 'error', at };
		case TopologyValidationError.NESTED_SHELLS:
		case TopologyValidationError.DUPLICATE_RINGS:
		case TopologyValidationError.DISCONNECTED_INTERIOR:
			return { code: 'invalid_geometry', message: 'Teilflächen überlappen sich oder liegen ineinander. Bitte zu einer Fläche zusammenfassen.', severity: 'error', at };
		case TopologyValidationError.HOLE_OUTSIDE_SHELL:
		case TopologyValidationError.NESTED_HOLES:
			return { code: 'invalid_geometry', message: 'Ein Loch der Fläche liegt außerhalb der Fläche oder in einem anderen Loch.', severity: 'error', at };
		default:
			return { code: 'invalid_geometry', message: `Die Fläche ist geometrisch ungültig (${err.getMessage()}).`, severity: 'error', at };
	}
}

function serviceAreaProblem(area: Geometry, service: AreaGeometry): AreaProblem | null {
	const matrix = RelateOp.relate(area, toUtmGeometry(service));
	if (matrix.isCoveredBy()) return null;
	if (!matrix.isIntersects()) {
		return { code: 'outside_service_area', message: 'Die Fläche liegt außerhalb des Auskunftsgebiets von Tiefblick.', severity: 'error' };
	}
	return {
		code: 'partly_outside_service_area',
		message: 'Die Fläche ragt über das Auskunftsgebiet hinaus. Für den Teil außerhalb liegen keine Netzdaten vor – dort bitte gesondert anfragen.',
		severity: 'warning'
	};
}

/** Measures and checks a work area given in EPSG:4326. */
export function checkArea(g: AreaGeometry, options: CheckOptions): AreaCheck {
	const { areaM2, perimeterM } = measureArea(g);
	const vertices = countVertices(g);
	const problems: AreaProblem[] = [];
	let jts: Geometry | null = null;
	try {
		jts = toUtmGeometry(g);
	} catch {
		// jsts refuses rings with fewer than 4 positions
		problems.push({ code: 'too_few_points', message: 'Die Fläche braucht mindestens drei verschiedene Eckpunkte.', severity: 'error' });
	}
	const op = jts ? new IsValidOp(jts) : null;
	const valid = op?.isValid() ?? false;
	if (op && !valid) problems.push(geometryProblem(op));
	if (valid && areaM2 < MIN_AREA_M2) {
		problems.push({ code: 'too_small', message: 'Die Fläche ist kleiner als 1 m². Bitte einen Arbeitsbereich zeichnen.', severity: 'error' });
	}
	if (valid && areaM2 > options.maxAreaM2) {
		const context = options.limitContext ? ` ${options.limitContext}` : '';
		problems.push({
			code: 'too_large',
			message: `Die Fläche ist mit ${formatArea(areaM2)} zu groß: erlaubt sind höchstens ${formatKm2(options.maxAreaM2)}${context}. Bitte den Arbeitsbereich verkleinern oder aufteilen.`,
			severity: 'error'
		});
	}
	if (vertices > MAX_VERTICES) {
		problems.push({
			code: 'too_many_vertices',
			message: `Die Fläche hat ${formatCount(vertices)} Eckpunkte, höchstens ${formatCount(MAX_VERTICES)} sind möglich. Bitte vereinfachen.`,
			severity: 'error'
		});
	}
	// topology tests on invalid geometry throw or lie: only for valid areas
	if (valid && jts && options.serviceArea) {
		const p = serviceAreaProblem(jts, options.serviceArea);
		if (p) problems.push(p);
	}
	return { areaM2, perimeterM, measurable: valid, vertices, problems, valid: !problems.some((p) => p.severity === 'error') };
}

/** The limit context of a request type, e.g. "für eine Bauauskunft". */
export function limitContext(type: RequestType): string {
	return `für eine ${REQUEST_TYPE_LABELS[type]}`;
}
