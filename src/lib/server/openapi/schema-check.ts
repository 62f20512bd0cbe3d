/**
 * @module openapi/schema-check
 * A small JSON Schema (2020-12) check for the keywords this API description uses, so tests can hold
 * real responses against the document without another dependency. `strict` also reports properties a
 * schema does not declare (unless it says `additionalProperties`): the published schemas stay open for
 * additions, the tests notice them.
 */
import type { Schema } from './types';

export interface CheckOptions {
	/** the document local `$ref`s point into */
	root: unknown;
	/** report undeclared properties of objects whose schema lists `properties` */
	strict?: boolean;
}

const FORMATS: Record<string, (v: string) => boolean> = {
	date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)),
	'date-time': (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
	uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
	uri: (v) => URL.canParse(v),
	email: (v) => /^[^@\s]+@[^@\s]+$/.test(v)
};

/** Follows a local reference such as `#/components/schemas/Error`. */
export function resolvePointer(root: unknown, ref: string): unknown {
	if (!ref.startsWith('#/')) throw new Error(`Nur lokale Verweise: ${ref}`);
	let node: unknown = root;
	for (const raw of ref.slice(2).split('/')) {
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`Verweis ins Leere: ${ref}`);
		node = (node as Record<string, unknown>)[key];
	}
	return node;
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

const matchesType = (actual: string, wanted: string) => actual === wanted || (wanted === 'number' && actual === 'integer');

/** Property names an object schema declares, itself and through `allOf` (following `$ref`s). */
function declaredNames(schema: Schema, root: unknown, into = new Set<string>()): Set<string> {
	if (schema.$ref) declaredNames(resolvePointer(root, schema.$ref) as Schema, root, into);
	for (const name of Object.keys(schema.properties ?? {})) into.add(name);
	for (const sub of schema.allOf ?? []) declaredNames(sub, root, into);
	return into;
}

/**
 * Every way `value` breaks `schema`, as "path: reason"; empty when it conforms. `siblings`: property
 * names declared beside this schema in an `allOf`, which strict mode does not count as undescribed.
 */
export function checkSchema(schema: Schema | boolean, value: unknown, opts: CheckOptions, path = '$', siblings?: Set<string>): string[] {
	if (schema === true) return [];
	if (schema === false) return [`${path}: nicht erlaubt`];
	const out: string[] = [];
	const allowed = schema.allOf ? declaredNames(schema, opts.root, new Set(siblings)) : siblings;
	if (schema.$ref) {
		out.push(...checkSchema(resolvePointer(opts.root, schema.$ref) as Schema, value, opts, path, allowed));
	}
	const actual = typeOf(value);
	if (schema.type !== undefined) {
		const wanted = Array.isArray(schema.type) ? schema.type : [schema.type];
		if (!wanted.some((t) => matchesType(actual, t))) return [...out, `${path}: ${actual} statt ${wanted.join('|')}`];
	}
	if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) out.push(`${path}: nicht ${JSON.stringify(schema.const)}`);
	if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
		out.push(`${path}: ${JSON.stringify(value)} nicht in ${JSON.stringify(schema.enum)}`);
	}
	if (typeof value === 'string') {
		if (schema.minLength !== undefined && [...value].length < schema.minLength) out.push(`${path}: kürzer als ${schema.minLength}`);
		if (schema.maxLength !== undefined && [...value].length > schema.maxLength) out.push(`${path}: länger als ${schema.maxLength}`);
		if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) out.push(`${path}: passt nicht zu ${schema.pattern}`);
		const format = schema.format ? FORMATS[schema.format] : undefined;
		if (format && !format(value)) out.push(`${path}: kein ${schema.format}: ${value}`);
	}
	if (typeof value === 'number') {
		if (schema.minimum !== undefined && value < schema.minimum) out.push(`${path}: kleiner als ${schema.minimum}`);
		if (schema.maximum !== undefined && value > schema.maximum) out.push(`${path}: größer als ${schema.maximum}`);
	}
	if (Array.isArray(value)) {
		if (schema.minItems !== undefined && value.length < schema.minItems) out.push(`${path}: weniger als ${schema.minItems} Einträge`);
		if (schema.maxItems !== undefined && value.length > schema.maxItems) out.push(`${path}: mehr als ${schema.maxItems} Einträge`);
		const prefix = schema.prefixItems ?? [];
		value.forEach((item, i) => {
			const itemSchema = i < prefix.length ? prefix[i] : schema.items;
			if (itemSchema !== undefined) out.push(...checkSchema(itemSchema, item, opts, `${path}[${i}]`));
		});
	}
	if (actual === 'object') out.push(...checkObject(schema, value as Record<string, unknown>, opts, path, allowed));
	for (const sub of schema.allOf ?? []) out.push(...checkSchema(sub, value, opts, path, allowed));
	if (schema.anyOf && !schema.anyOf.some((sub) => checkSchema(sub, value, opts, path).length === 0)) {
		out.push(`${path}: passt zu keiner Alternative (anyOf): ${schema.anyOf.map((sub) => checkSchema(sub, value, opts, path).join('; ')).join(' | ')}`);
	}
	if (schema.oneOf) {
		const fits = schema.oneOf.filter((sub) => checkSchema(sub, value, opts, path).length === 0).length;
		if (fits !== 1) out.push(`${path}: passt zu ${fits} statt genau einer Alternative (oneOf)`);
	}
	return [...new Set(out)]; // the parts of an allOf may find the same thing
}

function checkObject(schema: Schema, value: Record<string, unknown>, opts: CheckOptions, path: string, siblings?: Set<string>): string[] {
	const out: string[] = [];
	for (const key of schema.required ?? []) if (!(key in value)) out.push(`${path}: ${key} fehlt`);
	const declared = schema.properties ?? {};
	for (const [key, item] of Object.entries(value)) {
		const at = `${path}.${key}`;
		if (schema.propertyNames) out.push(...checkSchema(schema.propertyNames, key, opts, `${at} (Name)`));
		if (key in declared) out.push(...checkSchema(declared[key]!, item, opts, at));
		else if (schema.additionalProperties === false) out.push(`${at}: nicht erlaubt`);
		else if (typeof schema.additionalProperties === 'object') out.push(...checkSchema(schema.additionalProperties, item, opts, at));
		else if (opts.strict && schema.properties && schema.additionalProperties === undefined && !siblings?.has(key)) out.push(`${at}: nicht beschrieben`);
	}
	return out;
}

interface ResponseLike {
	$ref?: string;
	content?: Record<string, { schema: Schema }>;
}

/** The schema a document gives for one response: `doc.paths[path][method].responses[status]`, `$ref`s followed. */
export function responseSchema(doc: unknown, path: string, method: string, status: number | 'default', mediaType = 'application/json'): Schema {
	const op = resolvePointer(doc, `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}`) as { responses: Record<string, ResponseLike> };
	let response = op.responses[String(status)];
	if (!response) throw new Error(`${method.toUpperCase()} ${path}: keine Antwort ${status} beschrieben`);
	if (response.$ref) response = resolvePointer(doc, response.$ref) as ResponseLike;
	const schema = response.content?.[mediaType]?.schema;
	if (!schema) throw new Error(`${method.toUpperCase()} ${path} ${status}: kein Schema für ${mediaType}`);
	return schema;
}
