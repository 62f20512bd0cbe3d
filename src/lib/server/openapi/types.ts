/**
 * @module openapi/types
 * The slice of OpenAPI 3.1 (and its JSON Schema 2020-12 dialect) this API description uses — loose on
 * purpose: the document is checked against the official schema in openapi.spec.ts, not by these types.
 */

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface Schema {
	$ref?: string;
	type?: JsonType | JsonType[];
	description?: string;
	enum?: readonly unknown[];
	const?: unknown;
	format?: string;
	pattern?: string;
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	items?: Schema;
	prefixItems?: Schema[];
	minItems?: number;
	maxItems?: number;
	properties?: Record<string, Schema>;
	required?: readonly string[];
	additionalProperties?: boolean | Schema;
	propertyNames?: Schema;
	oneOf?: Schema[];
	anyOf?: Schema[];
	allOf?: Schema[];
	[keyword: string]: unknown;
}

export interface Reference {
	$ref: string;
	summary?: string;
	description?: string;
}

export interface MediaType {
	schema: Schema;
	example?: unknown;
	encoding?: Record<string, { contentType?: string; headers?: Record<string, Header | Reference> }>;
}

export interface Header {
	description?: string;
	required?: boolean;
	schema: Schema;
}

export interface Response {
	description: string;
	headers?: Record<string, Header | Reference>;
	content?: Record<string, MediaType>;
}

export interface Parameter {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	description?: string;
	required?: boolean;
	schema: Schema;
	example?: unknown;
}

export interface RequestBody {
	description?: string;
	required?: boolean;
	content: Record<string, MediaType>;
}

export type SecurityRequirement = Record<string, string[]>;

export interface Operation {
	operationId: string;
	tags: string[];
	summary: string;
	description?: string;
	security?: SecurityRequirement[];
	parameters?: (Parameter | Reference)[];
	requestBody?: RequestBody | Reference;
	responses: Record<string, Response | Reference>;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

export type PathItem = Partial<Record<HttpMethod, Operation>> & { parameters?: (Parameter | Reference)[] };

export interface Tag {
	name: string;
	description?: string;
}

/** What each concept module contributes: its tag, its paths and its named schemas. */
export interface ApiPart {
	tags: Tag[];
	paths: Record<string, PathItem>;
	schemas: Record<string, Schema>;
	parameters?: Record<string, Parameter>;
}

export interface OpenApiDocument {
	openapi: string;
	info: { title: string; version: string; description?: string; license?: { name: string; identifier?: string } };
	servers: { url: string; description?: string }[];
	security: SecurityRequirement[];
	tags: Tag[];
	paths: Record<string, PathItem>;
	components: {
		schemas: Record<string, Schema>;
		responses: Record<string, Response>;
		parameters: Record<string, Parameter>;
		headers: Record<string, Header>;
		securitySchemes: Record<string, unknown>;
	};
}
