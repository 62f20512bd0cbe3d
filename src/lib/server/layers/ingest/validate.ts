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

function positions(geometry: Geometry): number[][] {
	const out: number[][] = [];
	const walk = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as number[]);
		else if (Array.isArray(c)) for (const x of c) walk(x);
	};
	if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries ?? []) out.push(...positions(g));
	else walk(geometry.coordinates);
	return out;
}

function lineParts(geometry: Geometry): number[][][] {
	if (geometry.type === 'LineString') return [geometry.coordinates as number[][]];
	if (geometry.type === 'MultiLineString') return geometry.coordinates as number[][][];
	return [];
}

const reader = new GeoJSONReader(new GeometryFactory());

export interface FeatureContext {
	index: number;
	layerNetwork: Network;
}

export function validateFeature(geometry: Geometry | null, mapped: MappedFeature, ctx: FeatureContext): Finding[] {
	const p = mapped.properties;
	const ref = featureRef(ctx.index, p.source_id);
	const findings: Finding[] = [];
	const error = (code: string, message: string) => findings.push({ severity: 'error', code, feature: ref, message });
	const warning = (code: string, message: string) => findings.push({ severity: 'warning', code, feature: ref, message });

	for (const field of REQUIRED_PROPERTIES) {
		if (p[field] === null) error('missing_attribute', `Pflichtattribut „${field}“ fehlt. Bitte in den Daten ergänzen oder in der Attributzuordnung ein Quellfeld oder einen festen Wert angeben.`);
	}
	for (const [field, allowed] of Object.entries(ENUM_VALUES) as [SchemaField, readonly string[]][]) {
		const value = p[field];
		if (value !== null && !allowed.includes(String(value))) {
			error('unknown_value', `Unbekannter Wert „${value}“ für „${field}“. Erlaubt: ${allowed.join(', ')}. Eine Werte-Zuordnung in der Attributzuordnung hilft.`);
		}
	}
	if (p.network !== null && NETWORKS.includes(p.network as Network) && p.network !== ctx.layerNetwork) {
		error('wrong_network', `Netz „${p.network}“ gehört nicht in diesen Layer (${NETWORK_INFO[ctx.layerNetwork].label}).`);
	}
	for (const [field, raw] of Object.entries(mapped.unreadable)) {
		warning('unreadable_number', `„${field}“: „${String(raw)}“ ist keine Zahl und wurde verworfen.`);
	}
	if (typeof p.depth_m === 'number' && (p.depth_m < 0 || p.depth_m > 15)) {
		warning('implausible_depth', `Überdeckung ${p.depth_m} m ist unplausibel (erwartet 0–15 m).`);
	}
	if (typeof p.ducts_total === 'number' && typeof p.ducts_free === 'number' && p.ducts_free > p.ducts_total) {
		error('ducts', `Mehr freie Rohre (${p.ducts_free}) als Rohre insgesamt (${p.ducts_total}).`);
	}

	if (!geometry || positions(geometry).length === 0) {
		error('empty_geometry', 'Geometrie fehlt oder ist leer.');
		return findings;
	}
	const cls = GEOMETRY_CLASS[geometry.type];
	if (!cls) {
		error('geometry_type', `Geometrietyp ${geometry.type} wird nicht unterstützt (Punkt, Linie oder Fläche).`);
		return findings;
	}
	if (p.kind !== null && KINDS.includes(p.kind as Kind)) {
		const expected = KIND_GEOMETRY[p.kind as Kind];
		if (expected !== cls) {
			error('geometry_kind', `${CLASS_LABEL[cls]} passt nicht zur Art „${KIND_LABELS[p.kind as Kind]}“ (erwartet: ${CLASS_LABEL[expected]}).`);
		}
	}
	const outside = positions(geometry).some(
		([x, y]) => x! < GERMANY_25832.minX || x! > GERMANY_25832.maxX || y! < GERMANY_25832.minY || y! > GERMANY_25832.maxY
	);
	if (outside) {
		error('outside_germany', 'Koordinaten liegen außerhalb Deutschlands – vermutlich ist das Koordinatensystem falsch angegeben.');
		return findings;
	}
	for (const part of lineParts(geometry)) {
		const distinct = new Set(part.map(([x, y]) => `${x},${y}`));
		if (distinct.size < 2) error('degenerate_line', 'Linie hat weniger als zwei verschiedene Punkte.');
	}
	if (cls === 'polygon') {
		const op = new IsValidOp(reader.read(geometry));
		if (!op.isValid()) {
			const e = op.getValidationError();
			const c = e.getCoordinate();
			const where = c ? ` bei ${c.x.toFixed(2)} / ${c.y.toFixed(2)} (EPSG:25832)` : '';
			error('invalid_polygon', `Fläche ist ungültig: ${translateJtsError(e.getMessage())}${where}.`);
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
