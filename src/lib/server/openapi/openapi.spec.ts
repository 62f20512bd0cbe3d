import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { AUSKUNFT_TYPES, WORK_CLASSES } from '$lib/auskunft';
import { NETWORKS } from '$lib/layers/catalogue';
import { buildOpenApi } from '.';
import { resolvePointer } from './schema-check';
import type { Operation, Parameter, Reference } from './types';

const ROUTES = 'src/routes/api/v1';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const doc = buildOpenApi('https://tiefblick.example');

/** "POST /api/v1/layers/{id}/versions" for every exported handler of every +server.ts under api/v1. */
function routeOperations(): string[] {
	const out: string[] = [];
	const files = (readdirSync(ROUTES, { recursive: true }) as string[]).filter((f) => f.split(sep).at(-1) === '+server.ts');
	for (const file of files) {
		const segments = relative('src/routes', join(ROUTES, dirname(file)))
			.split(sep)
			.filter((s) => !/^\(.+\)$/.test(s)) // route groups are not part of the URL
			.map((s) => {
				if (/\[\[|\[\.\.\./.test(s)) throw new Error(`Optionale/Rest-Parameter beschreibt der Test nicht: ${file}`);
				return s.replace(/\[([^\]]+)\]/g, '{$1}');
			});
		const path = `/${segments.join('/')}`;
		const source = readFileSync(join(ROUTES, file), 'utf8');
		const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) => m[1]!);
		expect(methods, `${file} exportiert keine Methode`).not.toHaveLength(0);
		for (const method of methods) out.push(`${method} ${path}`);
	}
	return out.sort();
}

function documentOperations(): [string, string, Operation][] {
	return Object.entries(doc.paths).flatMap(([path, item]) =>
		METHODS.filter((m) => item[m]).map((m) => [m.toUpperCase(), path, item[m]!] as [string, string, Operation])
	);
}

const deref = <T>(x: T | Reference): T => ('$ref' in (x as object) ? (resolvePointer(doc, (x as Reference).$ref) as T) : (x as T));

describe('OpenAPI document', () => {
	it('is valid OpenAPI 3.1', async () => {
		const validator = new Validator();
		const result = await validator.validate(JSON.parse(JSON.stringify(doc)));
		expect(result.errors, JSON.stringify(result.errors, null, 2)).toBeUndefined();
		expect(result.valid).toBe(true);
		expect(validator.version).toBe('3.1');
	});

	it('describes every route file with exactly its methods, and nothing else', () => {
		const routes = routeOperations();
		const described = documentOperations()
			.map(([m, p]) => `${m} ${p}`)
			.sort();
		expect(routes.length).toBeGreaterThan(15);
		expect(described).toEqual(routes);
	});

	it('declares each path parameter of each template, by the route’s own name', () => {
		for (const [method, path, op] of documentOperations()) {
			const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
			const params = [...(doc.paths[path]!.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref<Parameter>(p));
			const declared = params.filter((p) => p.in === 'path').map((p) => p.name).sort();
			expect(declared, `${method} ${path}`).toEqual(inPath);
			for (const p of params.filter((p) => p.in === 'path')) expect(p.required, `${method} ${path} ${p.name}`).toBe(true);
		}
	});

	it('gives every operation its error responses in the shared shape', () => {
		const ids = new Set<string>();
		for (const [method, path, op] of documentOperations()) {
			const where = `${method} ${path}`;
			expect(ids.has(op.operationId), `operationId ${op.operationId} doppelt`).toBe(false);
			ids.add(op.operationId);
			expect(op.summary, where).toBeTruthy();
			const statuses = Object.keys(op.responses);
			expect(statuses, where).toContain('default');
			const needsIdentity = (op.security ?? doc.security).length > 0;
			if (needsIdentity) expect(statuses, `${where}: 401`).toContain('401');
			// CSRF: a state change with a session cookie needs a matching Origin
			if (method !== 'GET') expect(statuses, `${where}: 403`).toContain('403');
			if (op.requestBody) for (const s of ['400', '413', '415']) expect(statuses, `${where}: ${s}`).toContain(s);
			for (const [status, response] of Object.entries(op.responses)) {
				if (!/^[45]|default/.test(status)) continue;
				const schema = deref(response).content?.['application/json']?.schema;
				expect(schema?.$ref, `${where} ${status}`).toMatch(/^#\/components\/schemas\/(Error|\w+Error)$/);
			}
		}
		const tooMany = deref(doc.components.responses.TooManyRequests!);
		expect(Object.keys(tooMany.headers ?? {})).toContain('Retry-After');
	});

	it('has no dangling and no unused references', () => {
		const text = JSON.stringify(doc);
		const refs = new Set([...text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!));
		for (const r of refs) expect(() => resolvePointer(doc, r), r).not.toThrow();
		for (const name of Object.keys(doc.components.schemas)) expect(refs, `Schema ${name} ungenutzt`).toContain(`#/components/schemas/${name}`);
		for (const name of Object.keys(doc.components.parameters)) expect(refs, `Parameter ${name} ungenutzt`).toContain(`#/components/parameters/${name}`);
		// 405 belongs to the methods a path does NOT have, so no operation can list it; info.description explains it
		for (const name of Object.keys(doc.components.responses).filter((n) => n !== 'MethodNotAllowed')) {
			expect(refs, `Antwort ${name} ungenutzt`).toContain(`#/components/responses/${name}`);
		}
	});

	it('takes its value sets from the code and its version from package.json', () => {
		const schemas = doc.components.schemas;
		expect(schemas.AuskunftType!.enum).toEqual([...AUSKUNFT_TYPES]);
		expect(schemas.WorkClass!.enum).toEqual(['handschachtung', 'aufgrabung', 'bohrung', 'rammarbeiten', 'grossbaustelle']);
		expect(schemas.WorkClass!.enum).toEqual([...WORK_CLASSES]);
		expect(schemas.OperatorStatus!.enum).toEqual(['betroffen', 'nicht_betroffen', 'ausstehend', 'keine_antwort']);
		expect(schemas.AuskunftStatus!.enum).toEqual(['vorlaeufig', 'erteilt', 'unvollstaendig', 'abgelaufen']);
		expect(schemas.Network!.enum).toEqual([...NETWORKS]);
		const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
		expect(doc.info.version).toBe(pkg.version);
		expect(doc.servers).toEqual([{ url: 'https://tiefblick.example' }]);
		expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerAuth', 'sessionCookie']);
	});

	it('marks the public routes as public and the rest as signed in', () => {
		const open = documentOperations()
			.filter(([, , op]) => (op.security ?? doc.security).length === 0)
			.map(([m, p]) => `${m} ${p}`)
			.sort();
		// the WZDx feed is the public Baustellenatlas's open data: no login
		expect(open).toEqual(['GET /api/v1/baustellen.wzdx.json', 'GET /api/v1/openapi.json', 'GET /api/v1/verify/{number}', 'POST /api/v1/tokens']);
	});
});
