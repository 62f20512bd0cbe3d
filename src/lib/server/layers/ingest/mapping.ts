/**
 * @module layers/ingest/mapping
 * Maps an operator's attributes onto the normalised schema (catalogue.ts): source field → schema
 * field, constants, and value maps ("PE-HD" → material, "in Betrieb" → in_betrieb). Saved per layer
 * and reused on the next upload. Pure.
 */
import {
	DEPTH_SOURCES,
	KINDS,
	NETWORKS,
	STATUSES,
	type NetworkFeatureProperties
} from '$lib/layers/catalogue';
import { slug } from '$lib/text';

export type SchemaField = keyof NetworkFeatureProperties;

export const SCHEMA_FIELDS: SchemaField[] = [
	'source_id',
	'network',
	'kind',
	'status',
	'material',
	'dimension',
	'depth_m',
	'depth_source',
	'pressure_level',
	'voltage_level',
	'ducts_total',
	'ducts_free',
	'accuracy_cm'
];

export const NUMERIC: SchemaField[] = ['depth_m', 'ducts_total', 'ducts_free', 'accuracy_cm'];
export const INTEGER: SchemaField[] = ['ducts_total', 'ducts_free', 'accuracy_cm'];

export interface AttributeMapping {
	/** schema field ← name of the source field */
	fields: Partial<Record<SchemaField, string>>;
	/** schema field ← the same value for every feature (e.g. network, kind) */
	constants: Partial<Record<SchemaField, string | number>>;
	/** schema field → { source value → schema value } */
	valueMaps: Partial<Record<SchemaField, Record<string, string>>>;
}

export const EMPTY_MAPPING: AttributeMapping = { fields: {}, constants: {}, valueMaps: {} };

/** Kept here for the mapping's callers; the one definition lives in $lib/text. */
export { slug };

// Words operators actually use, mapped to the schema's values.
const SYNONYMS: Partial<Record<SchemaField, Record<string, string>>> = {
	status: {
		in_betrieb: 'in_betrieb', betrieb: 'in_betrieb', aktiv: 'in_betrieb', active: 'in_betrieb', ib: 'in_betrieb',
		ausser_betrieb: 'ausser_betrieb', ausserbetrieb: 'ausser_betrieb', ab: 'ausser_betrieb',
		stillgelegt: 'stillgelegt', still_gelegt: 'stillgelegt', abandoned: 'stillgelegt',
		geplant: 'geplant', planung: 'geplant', in_planung: 'geplant', planned: 'geplant'
	},
	kind: {
		leitung: 'leitung', rohr: 'leitung', hauptleitung: 'leitung', versorgungsleitung: 'leitung', kanal: 'leitung', haltung: 'leitung',
		kabel: 'kabel', erdkabel: 'kabel',
		schutzrohr: 'schutzrohr', leerrohr: 'schutzrohr', rohrverband: 'schutzrohr', duct: 'schutzrohr', speedpipe: 'schutzrohr',
		freileitung: 'freileitung', mast: 'mast',
		schacht: 'schacht', einstiegsschacht: 'schacht', armatur: 'armatur', schieber: 'armatur', hydrant: 'armatur',
		hausanschluss: 'hausanschluss', hausanschlussleitung: 'hausanschluss', ha: 'hausanschluss',
		schutzstreifen: 'schutzstreifen'
	},
	depth_source: { gemessen: 'gemessen', vermessen: 'gemessen', plan: 'plan', aus_plan: 'plan', regelwert: 'regelwert', geschaetzt: 'regelwert' }
};

const ENUMS: Partial<Record<SchemaField, readonly string[]>> = {
	network: NETWORKS,
	kind: KINDS,
	status: STATUSES,
	depth_source: DEPTH_SOURCES
};

export type RawProperties = Record<string, unknown>;

export interface MappedFeature {
	properties: Record<SchemaField, string | number | null>;
	/** values that could not be read as their schema type: field → raw value */
	unreadable: Partial<Record<SchemaField, unknown>>;
}

function findSourceField(raw: RawProperties, name: string): string | undefined {
	if (name in raw) return name;
	const lower = name.toLowerCase();
	return Object.keys(raw).find((k) => k.toLowerCase() === lower);
}

/** German decimal comma and units tolerated: "1,20 m" → 1.2. */
export function readNumber(value: unknown): number | null | undefined {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const match = /^\s*(-?\d+(?:[.,]\d+)?)\s*(m|cm)?\s*$/i.exec(value);
	if (!match) return undefined;
	return Number(match[1]!.replace(',', '.'));
}

/**
 * Enum words repeat across a layer ("in Betrieb" a million times): the slug of each distinct short word
 * is remembered, up to a bound, so a file of a million different words costs no more memory than that.
 */
const ENUM_CACHE_MAX = 10_000;
const ENUM_CACHE_LENGTH = 64;
const enumCache = new Map<SchemaField, Map<string, string>>();
let enumCached = 0;

function normaliseEnum(field: SchemaField, value: string): string {
	let cache = enumCache.get(field);
	if (!cache) enumCache.set(field, (cache = new Map()));
	const known = cache.get(value);
	if (known !== undefined) return known;
	const s = slug(value);
	const result = SYNONYMS[field]?.[s] ?? s;
	if (enumCached < ENUM_CACHE_MAX && value.length <= ENUM_CACHE_LENGTH) {
		cache.set(value, result);
		enumCached++;
	}
	return result;
}

export function applyMapping(raw: RawProperties, mapping: AttributeMapping): MappedFeature {
	return mapWith(raw, plan(mapping, (name) => findSourceField(raw, name)));
}

/**
 * `applyMapping` for many features that all have the same keys, in the same order — a file's columns,
 * as the ingest reads them. Which source field answers a schema field then depends on the keys alone:
 * it is looked up once, not per feature (a case-insensitive search over every key, measured 3 s of a
 * million features), and so is everything else the mapping decides per field.
 */
export function prepareMapping(mapping: AttributeMapping, keys: string[]): (raw: RawProperties) => MappedFeature {
	const probe: RawProperties = Object.fromEntries(keys.map((k) => [k, null]));
	const steps = plan(mapping, (name) => findSourceField(probe, name));
	return (raw) => mapWith(raw, steps);
}

interface Step {
	field: SchemaField;
	/** the constant, when the mapping gives one */
	constant: unknown;
	/** the source field, when no constant; undefined when the source has none */
	source: string | undefined;
	valueMap: Record<string, string> | undefined;
	numeric: boolean;
	integer: boolean;
	isEnum: boolean;
}

function plan(mapping: AttributeMapping, sourceOf: (name: string) => string | undefined): Step[] {
	return SCHEMA_FIELDS.map((field) => {
		const constant = mapping.constants[field];
		return {
			field,
			constant,
			source: constant === undefined ? sourceOf(mapping.fields[field] ?? field) : undefined,
			valueMap: mapping.valueMaps[field],
			numeric: NUMERIC.includes(field),
			integer: INTEGER.includes(field),
			isEnum: Boolean(ENUMS[field])
		};
	});
}

function mapWith(raw: RawProperties, steps: Step[]): MappedFeature {
	const properties = {} as Record<SchemaField, string | number | null>;
	const unreadable: MappedFeature['unreadable'] = {};
	for (const step of steps) {
		const field = step.field;
		let value: unknown = null;
		if (step.constant !== undefined) {
			value = step.constant;
		} else {
			value = step.source !== undefined ? raw[step.source] : null;
		}
		const map = step.valueMap;
		if (map && value !== null && value !== undefined && String(value) in map) value = map[String(value)];

		if (step.numeric) {
			const n = readNumber(value);
			if (n === undefined) {
				unreadable[field] = value;
				properties[field] = null;
			} else {
				properties[field] = n !== null && step.integer ? Math.round(n) : n;
			}
		} else if (value === null || value === undefined || String(value).trim() === '') {
			properties[field] = null;
		} else if (step.isEnum) {
			properties[field] = normaliseEnum(field, String(value));
		} else {
			properties[field] = String(value).trim();
		}
	}
	return { properties, unreadable };
}

/** Checks a mapping posted by a client; German messages. */
export function parseMapping(input: unknown): { mapping: AttributeMapping } | { error: string } {
	if (input === null || input === undefined || input === '') return { mapping: EMPTY_MAPPING };
	let value = input;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return { error: 'Die Attributzuordnung ist kein gültiges JSON.' };
		}
	}
	if (typeof value !== 'object' || value === null) return { error: 'Die Attributzuordnung muss ein Objekt sein.' };
	const v = value as Record<string, unknown>;
	const mapping: AttributeMapping = { fields: {}, constants: {}, valueMaps: {} };
	for (const part of ['fields', 'constants', 'valueMaps'] as const) {
		const entries = v[part];
		if (entries === undefined) continue;
		if (typeof entries !== 'object' || entries === null) return { error: `„${part}“ muss ein Objekt sein.` };
		for (const [key, val] of Object.entries(entries)) {
			if (!SCHEMA_FIELDS.includes(key as SchemaField)) return { error: `Unbekanntes Zielfeld „${key}“ in „${part}“.` };
			(mapping[part] as Record<string, unknown>)[key] = val;
		}
	}
	return { mapping };
}
