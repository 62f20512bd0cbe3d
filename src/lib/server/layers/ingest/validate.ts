/**
 * @module layers/ingest/validate
 * Checks one network feature after reprojection to EPSG:25832 and attribute mapping. Errors stop the
 * upload (422, nothing changes); warnings are shown and the version can still be activated. Pure.
 */
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import {
	DEPTH_SOURCES,
	KIND_GEOMETRY,
	KIND_LABELS,
	KINDS,
	NETWORK_INFO,
	NETWORKS,
	REQUIRED_PROPERTIES,
	STATUSES,
	type GeometryClass,
	type Kind,
	type Network
} from '$lib/layers/catalogue';
import type { MappedFeature, SchemaField } from './mapping';

export interface Finding {
	severity: 'error' | 'warning';
	code: string;
	/** "Objekt 17 (source_id W-1)" — where the operator finds it in their data */
	feature: string;
	message: string;
}

export interface Geometry {
	type: string;
	coordinates?: unknown;
	geometries?: Geometry[];
}

/** Germany in EPSG:25832, generously (zone 32 extended east to the Oder). */
export const GERMANY_25832 = { minX: 270_000, minY: 5_230_000, maxX: 930_000, maxY: 6_110_000 };

const GEOMETRY_CLASS: Record<string, GeometryClass> = {
	Point: 'point',
	MultiPoint: 'point',
	LineString: 'line',
	MultiLineString: 'line',
	Polygon: 'polygon',
	MultiPolygon: 'polygon'
};
const CLASS_LABEL: Record<GeometryClass, string> = { point: 'Punkt', line: 'Linie', polygon: 'Fläche' };

const ENUM_VALUES: Partial<Record<SchemaField, readonly string[]>> = {
	network: NETWORKS,
	kind: KINDS,
	status: STATUSES,
	depth_source: DEPTH_SOURCES
};

export function featureRef(index: number, sourceId: unknown): string {
	return sourceId !== null && sourceId !== undefined && sourceId !== ''
		? `Objekt ${index + 1} (source_id ${String(sourceId)})`
		: `Objekt ${index + 1}`;
}

function collect(c: unknown, out: number[][]): void {
	if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as number[]);
	else if (Array.isArray(c)) for (const x of c) collect(x, out);
}

function positions(geometry: Geometry, out: number[][] = []): number[][] {
	if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries ?? []) positions(g, out);
	else collect(geometry.coordinates, out);
	return out;
}

/** Equal as "x,y" strings are: -0 is 0, NaN is NaN. */
const same = (a: unknown, b: unknown) => a === b || (a !== a && b !== b);

/** At least two points that differ in "x,y" — a Set of those strings, without building the strings. */
function twoDistinct(part: number[][]): boolean {
	if (part.length === 0) return false;
	const [x0, y0] = part[0]!;
	for (const [x, y] of part) if (!same(x, x0) || !same(y, y0)) return true;
	return false;
}

function lineParts(geometry: Geometry): number[][][] {
	if (geometry.type === 'LineString') return [geometry.coordinates as number[][]];
	if (geometry.type === 'MultiLineString') return geometry.coordinates as number[][][];
	return [];
}

const reader = new GeoJSONReader(new GeometryFactory());
const ENUM_ENTRIES = Object.entries(ENUM_VALUES) as [SchemaField, readonly string[]][];

export interface FeatureContext {
	index: number;
	layerNetwork: Network;
}

/**
 * The findings of one feature. A class, not two closures per call, and the "Objekt 17 (source_id …)"
 * reference built only when there is something to report: validation runs once per feature.
 */
class Findings {
	readonly list: Finding[] = [];
	private ref: string | undefined;
	constructor(
		private readonly index: number,
		private readonly sourceId: unknown
	) {}
	private add(severity: Finding['severity'], code: string, message: string): void {
		this.ref ??= featureRef(this.index, this.sourceId);
		this.list.push({ severity, code, feature: this.ref, message });
	}
	error(code: string, message: string): void {
		this.add('error', code, message);
	}
	warning(code: string, message: string): void {
		this.add('warning', code, message);
	}
}

export function validateFeature(geometry: Geometry | null, mapped: MappedFeature, ctx: FeatureContext): Finding[] {
	const p = mapped.properties;
	const found = new Findings(ctx.index, p.source_id);
	const findings = found.list;

	for (const field of REQUIRED_PROPERTIES) {
		if (p[field] === null) found.error('missing_attribute', `Pflichtattribut „${field}“ fehlt. Bitte in den Daten ergänzen oder in der Attributzuordnung ein Quellfeld oder einen festen Wert angeben.`);
	}
	for (const [field, allowed] of ENUM_ENTRIES) {
		const value = p[field];
		if (value !== null && !allowed.includes(String(value))) {
			found.error('unknown_value', `Unbekannter Wert „${value}“ für „${field}“. Erlaubt: ${allowed.join(', ')}. Eine Werte-Zuordnung in der Attributzuordnung hilft.`);
		}
	}
	if (p.network !== null && NETWORKS.includes(p.network as Network) && p.network !== ctx.layerNetwork) {
		found.error('wrong_network', `Netz „${p.network}“ gehört nicht in diesen Layer (${NETWORK_INFO[ctx.layerNetwork].label}).`);
	}
	for (const [field, raw] of Object.entries(mapped.unreadable)) {
		found.warning('unreadable_number', `„${field}“: „${String(raw)}“ ist keine Zahl und wurde verworfen.`);
	}
	if (typeof p.depth_m === 'number' && (p.depth_m < 0 || p.depth_m > 15)) {
		found.warning('implausible_depth', `Überdeckung ${p.depth_m} m ist unplausibel (erwartet 0–15 m).`);
	}
	if (typeof p.ducts_total === 'number' && typeof p.ducts_free === 'number' && p.ducts_free > p.ducts_total) {
		found.error('ducts', `Mehr freie Rohre (${p.ducts_free}) als Rohre insgesamt (${p.ducts_total}).`);
	}

	// computed once: validation runs a million times per big upload
	const all = geometry ? positions(geometry) : [];
	if (!geometry || all.length === 0) {
		found.error('empty_geometry', 'Geometrie fehlt oder ist leer.');
		return findings;
	}
	const cls = GEOMETRY_CLASS[geometry.type];
	if (!cls) {
		found.error('geometry_type', `Geometrietyp ${geometry.type} wird nicht unterstützt (Punkt, Linie oder Fläche).`);
		return findings;
	}
	if (p.kind !== null && KINDS.includes(p.kind as Kind)) {
		const expected = KIND_GEOMETRY[p.kind as Kind];
		if (expected !== cls) {
			found.error('geometry_kind', `${CLASS_LABEL[cls]} passt nicht zur Art „${KIND_LABELS[p.kind as Kind]}“ (erwartet: ${CLASS_LABEL[expected]}).`);
		}
	}
	const outside = all.some(
		([x, y]) => x! < GERMANY_25832.minX || x! > GERMANY_25832.maxX || y! < GERMANY_25832.minY || y! > GERMANY_25832.maxY
	);
	if (outside) {
		found.error('outside_germany', 'Koordinaten liegen außerhalb Deutschlands – vermutlich ist das Koordinatensystem falsch angegeben.');
		return findings;
	}
	for (const part of lineParts(geometry)) {
		if (!twoDistinct(part)) found.error('degenerate_line', 'Linie hat weniger als zwei verschiedene Punkte.');
	}
	if (cls === 'polygon') {
		const op = new IsValidOp(reader.read(geometry));
		if (!op.isValid()) {
			const e = op.getValidationError();
			const c = e.getCoordinate();
			const where = c ? ` bei ${c.x.toFixed(2)} / ${c.y.toFixed(2)} (EPSG:25832)` : '';
			found.error('invalid_polygon', `Fläche ist ungültig: ${translateJtsError(e.getMessage())}${where}.`);
		}
	}
	return findings;
}

function translateJtsError(message: string): string {
	const known: Record<string, string> = {
		'Self-intersection': 'Selbstüberschneidung',
		'Ring Self-intersection': 'Ring überschneidet sich selbst',
		'Too few distinct points in geometry component': 'zu wenige verschiedene Punkte',
		'Hole lies outside shell': 'Loch liegt außerhalb der Außengrenze',
		'Interior is disconnected': 'Inneres ist nicht zusammenhängend',
		'Ring is not closed': 'Ring ist nicht geschlossen',
		'Nested shells': 'verschachtelte Außengrenzen'
	};
	return known[message] ?? message;
}
