/**
 * @module strassenraum/service
 * GET /api/v1/strassenraum: the cross-section at a point of a street. Lines come only from what the
 * caller may already see — its own network (operators, current data) and the released features of its
 * own still-valid Auskünfte (everyone, as issued) — so the critical-infrastructure rule holds: nothing
 * leaves that was not already the caller's. Operators with coverage at the point and no such answer are
 * named with what to do. Every query is audited.
 */
import type { Network } from '$lib/layers/catalogue';
import type { SectionLine, StrassenraumJson, WithheldOperator } from '$lib/strassenraum';
import { STREET_SEARCH_M } from '$lib/strassenraum';
import { lonLatToUtm, utmToLonLat } from '$lib/geo/crs';
import { sql } from '../db';
import { now } from '../clock';
import { appendAudit } from '../audit/repo';
import { berlinDate } from '../auskunft/rules';
import { streetsNamed, streetsNear } from '../auskunft/streets';
import { getReader } from '../layers/reader';
import { layerFilePath } from '../layers/storage';
import { crossings, nearestAxis, sectionAt, type Position, type Section } from './section';
import { auskunftBasis, operatorsAt, ownLayersNear, type AuskunftBasis } from './repo';
// the corridor geometry of the Mitnutzung check measures how much of the section an Auskunft reaches
import { inPolygons, intersectIntervals, measureRoute, nearArea, pointAt, type Interval } from '../mitnutzung/cover';
import { segmentDistance } from '../konflikte/distance';

export interface Caller {
	userId: string;
	orgId: string;
	orgName: string;
}

export interface SectionQuery {
	/** EPSG:4326; null = the middle of the longest part of `street` */
	at: [number, number] | null;
	street: string | null;
	halfWidthM: number;
}

export type Outcome = { ok: true; value: StrassenraumJson } | { ok: false; status: number; code: string; message: string; field: string };

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function lineParts(g: { type: string; coordinates?: unknown } | null): Position[][] {
	if (g?.type === 'LineString') return [g.coordinates as Position[]];
	if (g?.type === 'MultiLineString') return g.coordinates as Position[][];
	return [];
}

/** One SectionLine per crossing of the feature. */
function linesOf(section: Section, feature: { geometry: { type: string; coordinates?: unknown } | null; properties: Record<string, unknown> }, operator: { id: string; name: string }, network: Network, source: SectionLine['source']): SectionLine[] {
	const p = feature.properties;
	return crossings(section, lineParts(feature.geometry)).map((c) => ({
		operator,
		network: (str(p.network) as Network | null) ?? network,
		kind: str(p.kind) ?? 'leitung',
		status: str(p.status) ?? 'in_betrieb',
		dimension: str(p.dimension),
		material: str(p.material),
		offsetM: c.offsetM,
		side: c.offsetM > 0 ? 'rechts' : c.offsetM < 0 ? 'links' : 'Achse',
		angleDeg: c.angleDeg,
		depthM: num(p.depth_m),
		depthSource: str(p.depth_source),
		accuracyCm: num(p.accuracy_cm),
		ductsTotal: num(p.ducts_total),
		ductsFree: num(p.ducts_free),
		pressureLevel: str(p.pressure_level),
		voltageLevel: str(p.voltage_level),
		source
	}));
}

const polygonsOf = (a: AuskunftBasis['area']): number[][][][] => (a.type === 'Polygon' ? [a.coordinates] : a.coordinates);

/** Does the point lie within `reachM` of the drawn area (in it, or near its boundary)? */
function withinReach(p: [number, number], b: AuskunftBasis): boolean {
	const polygons = polygonsOf(b.area);
	if (inPolygons(p[0], p[1], polygons)) return true;
	for (const ring of polygons.flat())
		for (let i = 1; i < ring.length; i++)
			if (segmentDistance(p[0], p[1], p[0], p[1], ring[i - 1]![0]!, ring[i - 1]![1]!, ring[i]![0]!, ring[i]![1]!) <= b.reachM) return true;
	return false;
}

function withheldReason(results: AuskunftBasis[]): string {
	const r = results[0];
	if (!r) return 'Für diese Stelle liegt keine gültige Leitungsauskunft Ihrer Organisation vor. Bitte eine Auskunft einholen – dann erscheinen die Leitungen dieses Betreibers hier.';
	if (r.status === 'ausstehend') return `Die Antwort des Betreibers auf ${r.number} steht noch aus; seine Leitungen erscheinen, sobald er sie freigibt.`;
	if (r.status === 'keine_antwort') return `Der Betreiber hat auf ${r.number} nicht geantwortet. Bitte direkt beim Betreiber anfragen.`;
	if (r.pdfOnly) return `Der Betreiber gibt Planungsauskünfte nur als PDF (${r.number}); Lage und Tiefe stehen dort.`;
	return `Der Betreiber hat die Pläne zu ${r.number} noch nicht freigegeben.`;
}

/** The middle (by length) of the longest part of the street, EPSG:25832; null if no street has the name. */
function middleOf(name: string): [number, number] | null {
	const parts = streetsNamed(name).map((s) => measureRoute([s.geometry.coordinates]));
	const longest = parts.sort((a, b) => b.lengthM - a.lengthM)[0];
	if (!longest) return null;
	const p = pointAt(longest, longest.lengthM / 2);
	return [p[0]!, p[1]!];
}

export async function crossSection(caller: Caller, q: SectionQuery): Promise<Outcome> {
	const p = q.at ? lonLatToUtm(q.at) : middleOf(q.street ?? '');
	if (!p) {
		const message = `Eine Straße „${q.street}“ ist nicht bekannt. Bitte den Namen prüfen oder einen Punkt (lon, lat) angeben.`;
		return { ok: false, status: 422, code: 'no_street', message, field: 'street' };
	}
	const search = STREET_SEARCH_M;
	const axes = streetsNear([p[0] - search, p[1] - search, p[0] + search, p[1] + search])
		.filter((s) => !q.street || s.name.localeCompare(q.street, 'de', { sensitivity: 'base' }) === 0)
		.map((s) => ({ name: s.name, coordinates: s.geometry.coordinates }));
	const foot = nearestAxis(p, axes, search);
	if (!foot) {
		const message = q.street
			? `Die Straße „${q.street}“ verläuft nicht im Umkreis von ${search} m um den Punkt. Bitte einen Punkt auf der Straße wählen oder den Straßennamen prüfen.`
			: `Im Umkreis von ${search} m um den Punkt liegt keine Straße mit Namen. Bitte einen Punkt auf einer Straße wählen.`;
		return { ok: false, status: 422, code: 'no_street', message, field: q.street ? 'street' : 'lon' };
	}
	const section = sectionAt(foot, q.halfWidthM);
	const today = berlinDate(now());
	const box: [number, number, number, number] = [
		Math.min(section.from[0], section.to[0]) - 0.01,
		Math.min(section.from[1], section.to[1]) - 0.01,
		Math.max(section.from[0], section.to[0]) + 0.01,
		Math.max(section.from[1], section.to[1]) + 0.01
	];

	const lines: SectionLine[] = [];
	// an operator's own network, current data
	const self = { id: caller.orgId, name: caller.orgName };
	for (const layer of await ownLayersNear(sql, caller.orgId, box)) {
		const source = { kind: 'eigene_daten' as const, layer: layer.layerName, datenstand: berlinDate(layer.versionCreatedAt) };
		for (const f of getReader(layerFilePath(layer.layerId, layer.sha256)).search(box)) lines.push(...linesOf(section, f, self, layer.network, source));
	}

	// everyone else's lines as issued in the caller's valid Auskünfte here, newest Auskunft first
	const basis = (await auskunftBasis(sql, caller.orgId, foot.point, today)).filter((b) => b.operatorOrgId !== caller.orgId && withinReach(foot.point, b));
	const disclosed = new Set<string>();
	const notAffected = new Map<string, string>();
	// per operator, the stretch of the section (metres from its left end) its answer reaches
	const sectionRoute = measureRoute([[section.from, section.to]]);
	const reach = new Map<string, Interval[]>();
	for (const b of basis) {
		if (reach.has(b.operatorOrgId)) continue; // the newest conclusive answer of an operator counts
		if (b.status === 'nicht_betroffen') {
			notAffected.set(b.operatorOrgId, b.operatorName);
			reach.set(b.operatorOrgId, nearArea(sectionRoute, polygonsOf(b.area), b.reachM));
			continue;
		}
		if (b.status !== 'betroffen' || !b.planReleased || b.pdfOnly) continue;
		disclosed.add(b.operatorOrgId);
		reach.set(b.operatorOrgId, nearArea(sectionRoute, polygonsOf(b.area), b.reachM));
		const operator = { id: b.operatorOrgId, name: b.operatorName };
		const source = { kind: 'auskunft' as const, number: b.number, validUntil: b.validUntil };
		for (const f of b.features.features) lines.push(...linesOf(section, f, operator, b.networks[0] ?? 'strom', source));
	}
	// known only where every answering operator's reach holds: never suggest empty ground where one
	// operator's answer simply ends
	const covered = [...reach.values()].reduce<Interval[] | null>((acc, r) => (acc === null ? r : intersectIntervals(acc, r)), null) ?? [];
	lines.sort((a, b) => a.offsetM - b.offsetM || a.operator.name.localeCompare(b.operator.name, 'de'));

	const withheld: WithheldOperator[] = [];
	for (const op of await operatorsAt(sql, foot.point)) {
		if (op.orgId === caller.orgId || disclosed.has(op.orgId) || notAffected.has(op.orgId)) continue;
		if (!inPolygons(foot.point[0], foot.point[1], op.coverage.coordinates)) continue;
		withheld.push({ operator: { id: op.orgId, name: op.name }, networks: op.networks, reason: withheldReason(basis.filter((b) => b.operatorOrgId === op.orgId)) });
	}

	const ll = (xy: number[]): [number, number] => utmToLonLat(xy).map((c) => Math.round(c * 1e7) / 1e7) as [number, number];
	const value: StrassenraumJson = {
		at: q.at ?? ll(p),
		street: { name: foot.street, distanceM: Math.round(foot.distanceM * 10) / 10 },
		section: {
			halfWidthM: q.halfWidthM,
			bearingDeg: section.bearingDeg,
			foot: ll(foot.point),
			line: { type: 'LineString', coordinates: [ll(section.from), ll(section.to)] },
			covered: covered.map(([a, b]) => ({ fromM: Math.round((a - q.halfWidthM) * 100) / 100, toM: Math.round((b - q.halfWidthM) * 100) / 100 }))
		},
		networks: [...new Set(lines.map((l) => l.network))],
		lines,
		withheld,
		notAffected: [...notAffected].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'de'))
	};
	await sql.begin((tx) =>
		appendAudit(tx, {
			action: 'strassenraum.querschnitt',
			actorUser: caller.userId,
			actorOrg: caller.orgId,
			data: {
				at: value.at,
				street: foot.street,
				halfWidthM: q.halfWidthM,
				lines: lines.length,
				operators: [...new Set(lines.map((l) => l.operator.id))],
				auskuenfte: [...new Set(lines.flatMap((l) => (l.source.kind === 'auskunft' ? [l.source.number] : [])))]
			}
		})
	);
	return { ok: true, value };
}
