/**
 * @module mitnutzung/compute
 * The Mitnutzung check without writing anything: which active layers hold ducts with free capacity in
 * operation along the route (within the corridor, running with it), and which coming excavations of the
 * calendar the route could share. EPSG:25832 metres inside; the answer's geometries are pieces of the
 * route in EPSG:4326 — a duct's own course never leaves this module.
 */
import type { Lineal } from '$lib/baustellen';
import { COLAYING_DISTANCE_M, type CoLayingChance, type DuctMatch, type Section } from '$lib/mitnutzung';
import { utmToLonLat } from '$lib/geo/crs';
import { sql } from '../db';
import { getReader } from '../layers/reader';
import { ductsAlong, num } from './ducts';
import { layerFilePath } from '../layers/storage';
import { activeLayersNear, type CandidateLayer } from '../auskunft/repo';
import { getSettings } from '../operators/settings';
import { askByDate } from '../konflikte/engine';
import { addDays } from '../auskunft/rules';
import { segmentDistance } from '../konflikte/distance';
import { DEFAULT_SETTINGS as CONFLICT_DEFAULTS } from '../konflikte/types';
import { gaps, intervalsLength, mergeIntervals, nearArea, substring, type Interval, type Position, type RouteIndex } from './cover';
import { excavationsNear, orgNames, type Bbox, type Excavation } from './repo';

export interface Computation {
	coverage: { lengthM: number; percent: number; sections: Section[]; geometry: Lineal | null };
	gaps: Section[];
	ducts: DuctMatch[];
	coLaying: CoLayingChance[];
	/** the layer versions read (those with free ducts near the route), with their operator's name */
	layers: (CandidateLayer & { operatorName: string })[];
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const sections = (intervals: Interval[]): Section[] => intervals.map(([a, b]) => ({ fromM: round(a), toM: round(b) }));

/** The route's pieces between the intervals, as EPSG:4326 lines; null for none. */
function piecesOf(route: RouteIndex, intervals: Interval[]): Lineal | null {
	const parts = intervals.flatMap(([a, b]) => substring(route, a, b)).map((part) => part.map((p) => utmToLonLat(p).map((c) => round(c, 7))));
	if (!parts.length) return null;
	return parts.length === 1 ? { type: 'LineString', coordinates: parts[0]! } : { type: 'MultiLineString', coordinates: parts };
}

function routeBbox(route: RouteIndex, grow: number): Bbox {
	const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
	for (const part of route.parts)
		for (const p of part) {
			b[0] = Math.min(b[0], p[0]!);
			b[1] = Math.min(b[1], p[1]!);
			b[2] = Math.max(b[2], p[0]!);
			b[3] = Math.max(b[3], p[1]!);
		}
	return [b[0] - grow, b[1] - grow, b[2] + grow, b[3] + grow];
}

async function matchDucts(route: RouteIndex, corridorM: number): Promise<{ ducts: DuctMatch[]; covered: Interval[]; layers: Computation['layers'] }> {
	const bbox = routeBbox(route, corridorM);
	const layers = await activeLayersNear(sql, bbox);
	const names = await orgNames(sql, [...new Set(layers.map((l) => l.orgId))]);
	const ducts: DuctMatch[] = [];
	const all: Interval[] = [];
	const used: Computation['layers'] = [];
	for (const layer of layers) {
		const { found, hits } = ductsAlong(getReader(layerFilePath(layer.layerId, layer.sha256)), route, corridorM);
		if (!found) continue;
		used.push({ ...layer, operatorName: names.get(layer.orgId) ?? '' });
		const hit = hits.map((h) => ({ f: h.feature, cover: h.cover }));
		if (!hit.length) continue;
		const cover = mergeIntervals(hit.flatMap((x) => x.cover));
		all.push(...cover);
		const free = hit.map((x) => num(x.f.properties.ducts_free)!);
		const total = hit.map((x) => num(x.f.properties.ducts_total)).filter((n): n is number => n !== null);
		const settings = await getSettings(sql, layer.orgId);
		ducts.push({
			operator: { id: layer.orgId, name: names.get(layer.orgId) ?? '', contact: settings.contacts.planauskunft },
			layer: { id: layer.layerId, name: layer.layerName },
			network: layer.network,
			dimensions: [...new Set(hit.map((x) => x.f.properties.dimension).filter((d): d is string => typeof d === 'string' && d !== ''))].sort(),
			ductsFree: { min: Math.min(...free), max: Math.max(...free) },
			ductsTotal: { min: total.length ? Math.min(...total) : null, max: total.length ? Math.max(...total) : null },
			lengthM: round(intervalsLength(cover)),
			sections: sections(cover),
			geometry: piecesOf(route, cover)
		});
	}
	ducts.sort((a, b) => b.lengthM - a.lengthM || a.operator.name.localeCompare(b.operator.name, 'de'));
	return { ducts, covered: mergeIntervals(all), layers: used };
}

function chance(route: RouteIndex, e: Excavation, near: Interval[], today: string): CoLayingChance {
	const askBy = askByDate(e.start, CONFLICT_DEFAULTS.colayingLeadDays, today);
	const legalBasis = e.publiclyFunded ? '§ 146 TKG' : null;
	const de = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
	const lengthM = round(intervalsLength(near));
	// the usual lead time has already run out (or the works are under way): say so instead of "by today"
	const late = addDays(e.start, -CONFLICT_DEFAULTS.colayingLeadDays) < today;
	const when = late ? (e.start <= today ? 'sofort – die Arbeiten laufen bereits –' : 'sofort') : `bis ${de(askBy)}`;
	const message = e.publiclyFunded
		? `Öffentlich finanzierte Aufgrabung auf ${lengthM.toLocaleString('de-DE')} m der Trasse: Mitverlegung nach § 146 TKG ${when} beim Träger beantragen.`
		: `Aufgrabung auf ${lengthM.toLocaleString('de-DE')} m der Trasse: gemeinsame Verlegung ${when} freiwillig mit dem Träger abstimmen.`;
	return {
		baustelle: {
			id: e.id,
			number: e.number,
			title: e.title,
			promoter: e.promoter,
			streets: e.streets,
			period: { start: e.start, end: e.end },
			status: e.status,
			publiclyFunded: e.publiclyFunded,
			networks: e.networks
		},
		distanceM: 0,
		lengthM,
		sections: sections(near),
		askBy,
		legalBasis,
		message,
		geometry: piecesOf(route, near)
	};
}

/** Shortest distance between route and footprint, metres: 0 when the route enters it. */
function routeDistance(route: RouteIndex, polygons: Position[][][]): number {
	if (nearArea(route, polygons, 0).length) return 0;
	let best = Infinity;
	for (const part of route.parts)
		for (let i = 1; i < part.length; i++)
			for (const ring of polygons.flat())
				for (let j = 1; j < ring.length; j++) {
					const [a, b, c, d] = [part[i - 1]!, part[i]!, ring[j - 1]!, ring[j]!];
					best = Math.min(best, segmentDistance(a[0]!, a[1]!, b[0]!, b[1]!, c[0]!, c[1]!, d[0]!, d[1]!));
				}
	return round(best);
}

async function matchExcavations(route: RouteIndex, orgId: string, period: { start: string; end: string }, today: string): Promise<CoLayingChance[]> {
	const out: CoLayingChance[] = [];
	for (const e of await excavationsNear(sql, routeBbox(route, COLAYING_DISTANCE_M), period.start, period.end, orgId)) {
		const polygons = e.footprint25832.type === 'Polygon' ? [e.footprint25832.coordinates] : e.footprint25832.coordinates;
		const near = nearArea(route, polygons, COLAYING_DISTANCE_M);
		if (!near.length) continue;
		out.push({ ...chance(route, e, near, today), distanceM: routeDistance(route, polygons) });
	}
	return out;
}

export async function computeMitnutzung(args: { route: RouteIndex; corridorM: number; orgId: string; period: { start: string; end: string }; today: string }): Promise<Computation> {
	const { ducts, covered, layers } = await matchDucts(args.route, args.corridorM);
	const lengthM = intervalsLength(covered);
	return {
		coverage: {
			lengthM: round(lengthM),
			percent: args.route.lengthM > 0 ? round((100 * lengthM) / args.route.lengthM) : 0,
			sections: sections(covered),
			geometry: piecesOf(args.route, covered)
		},
		gaps: sections(gaps(covered, args.route.lengthM)),
		ducts,
		coLaying: await matchExcavations(args.route, args.orgId, args.period, args.today),
		layers
	};
}
