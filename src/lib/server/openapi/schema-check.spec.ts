import { describe, expect, it } from 'vitest';
import { checkSchema, responseSchema } from './schema-check';
import type { Schema } from './types';

const root = {
	components: {
		schemas: {
			Thing: { type: 'object', required: ['id', 'at'], properties: { id: { type: 'string', format: 'uuid' }, at: { type: ['string', 'null'], format: 'date' } } }
		}
	},
	paths: {
		'/api/v1/things/{id}': {
			get: { responses: { '200': { $ref: '#/components/responses/Ok' } } }
		}
	}
};
(root.components as Record<string, unknown>).responses = { Ok: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } };

const check = (schema: Schema, value: unknown, strict = false) => checkSchema(schema, value, { root, strict });
const thing: Schema = { $ref: '#/components/schemas/Thing' };
const id = '0b6f3f8e-2d7c-4c1e-9a55-0a3a3c1f0e11';

describe('checkSchema', () => {
	it('accepts a conforming value and names what is wrong with others', () => {
		expect(check(thing, { id, at: '2026-11-26' })).toEqual([]);
		expect(check(thing, { id, at: null })).toEqual([]);
		expect(check(thing, { id: 'x', at: '26.11.2026' })).toEqual(['$.id: kein uuid: x', '$.at: kein date: 26.11.2026']);
		expect(check(thing, { at: 3 })).toEqual(['$: id fehlt', '$.at: integer statt string|null']);
	});

	it('reports undeclared properties only when strict', () => {
		expect(check(thing, { id, at: null, extra: 1 })).toEqual([]);
		expect(check(thing, { id, at: null, extra: 1 }, true)).toEqual(['$.extra: nicht beschrieben']);
		expect(check({ type: 'object', properties: {}, additionalProperties: true }, { extra: 1 }, true)).toEqual([]);
		expect(check({ type: 'object', additionalProperties: { type: 'string' } }, { a: 'x', b: 2 })).toEqual(['$.b: integer statt string']);
	});

	it('counts what the other parts of an allOf declare, and only at that level', () => {
		const more: Schema = { allOf: [thing, { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } }] };
		expect(check(more, { id, at: null, n: 1 }, true)).toEqual([]);
		expect(check(more, { id, at: null }, true)).toEqual(['$: n fehlt']);
		expect(check(more, { id, at: null, n: 1, extra: true }, true)).toEqual(['$.extra: nicht beschrieben']);
		const nested: Schema = { type: 'object', properties: { inner: more } };
		expect(check(nested, { inner: { id, at: null, n: 1 } }, true)).toEqual([]);
	});

	it('handles enums, consts, bounds, patterns, tuples and alternatives', () => {
		expect(check({ enum: ['a', null] }, null)).toEqual([]);
		expect(check({ enum: ['a'] }, 'b')).toHaveLength(1);
		expect(check({ const: true }, false)).toHaveLength(1);
		expect(check({ type: 'integer', minimum: 1 }, 0)).toEqual(['$: kleiner als 1']);
		expect(check({ type: 'integer' }, 1.5)).toEqual(['$: number statt integer']);
		expect(check({ type: 'number' }, 2)).toEqual([]);
		expect(check({ type: 'string', pattern: '^tb_' }, 'xx')).toHaveLength(1);
		const pair: Schema = { type: 'array', prefixItems: [{ type: 'number' }, { type: 'string' }], minItems: 2, maxItems: 2 };
		expect(check(pair, [1, 'a'])).toEqual([]);
		expect(check(pair, [1, 2, 3])).toEqual(['$: mehr als 2 Einträge', '$[1]: integer statt string']);
		expect(check({ anyOf: [thing, { type: 'null' }] }, null)).toEqual([]);
		expect(check({ anyOf: [thing, { type: 'null' }] }, 1)).toHaveLength(1);
		expect(check({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1)).toEqual(['$: passt zu 2 statt genau einer Alternative (oneOf)']);
	});

	it('finds the schema of a documented response through references', () => {
		expect(responseSchema(root, '/api/v1/things/{id}', 'GET', 200)).toEqual(thing);
		expect(() => responseSchema(root, '/api/v1/things/{id}', 'GET', 404)).toThrow(/keine Antwort 404/);
	});
});
