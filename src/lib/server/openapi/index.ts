/**
 * @module openapi
 * The OpenAPI 3.1 description of /api/v1, assembled from one module per tag. Schemas reuse the
 * code's enums and are typed against the JSON the handlers produce (`fields<T>`); openapi.spec.ts
 * checks that every route file appears here with its methods and nothing else does.
 */
import { version } from '../../../../package.json';
import { access } from './access';
import { atlas } from './atlas';
import { auskuenfte } from './auskuenfte';
import { baustellen } from './baustellen';
import { errorResponses, errorSchemas, headers, securitySchemes, signedIn } from './common';
import { enumSchemas } from './enums';
import { feedback } from './feedback';
import { layers } from './layers';
import { meta } from './meta';
import { mitnutzung } from './mitnutzung';
import { orgs } from './orgs';
import { renewal } from './renewal';
import { strassenraum } from './strassenraum';
import { verify } from './verify';
import { webhooks } from './webhooks';
import type { ApiPart, OpenApiDocument } from './types';

export type { OpenApiDocument } from './types';

const PARTS: ApiPart[] = [access, orgs, layers, auskuenfte, renewal, feedback, verify, baustellen, mitnutzung, strassenraum, webhooks, atlas, meta];

const DESCRIPTION = `Öffentliche Schnittstelle von Tiefblick, dem Geoportal für Leitungsauskunft und den Digitalen Straßenraum.

**Anmeldung.** Skripte und andere Systeme senden \`Authorization: Bearer tb_…\`; ein Token gibt \`POST /api/v1/tokens\`
mit E-Mail, Passwort und Bezeichnung (oder die Oberfläche unter *Konto*). Im Browser gilt die Sitzung (Cookie); dann
brauchen zustandsändernde Anfragen einen \`Origin\`-Header dieser Seite.

**Fehler** haben überall unter \`/api\` dieselbe Form \`{ "error": { "code", "message", "details" } }\` mit deutscher
Meldung — auch für unbekannte Pfade (404), falsche Methoden (405 mit \`Allow\`) und zu große Anfragen (413).
401 heißt: keine Identität; 403: falsche Rolle oder nicht verifizierte Organisation; 404: nicht gefunden *oder einer
anderen Organisation*.

**Leitungsdaten** verlassen den Server nur zugeschnitten auf eine erteilte, noch gültige Auskunft der eigenen
Organisation — oder an den Betreiber, dem sie gehören.`;

/** The document for clients reaching the API at `origin` (the request's own origin). */
export function buildOpenApi(origin: string): OpenApiDocument {
	const schemas = { ...errorSchemas, ...enumSchemas };
	const parameters: OpenApiDocument['components']['parameters'] = {};
	const paths: OpenApiDocument['paths'] = {};
	for (const part of PARTS) {
		for (const [name, schema] of Object.entries(part.schemas)) {
			if (name in schemas) throw new Error(`Schema ${name} doppelt`);
			schemas[name] = schema;
		}
		Object.assign(parameters, part.parameters);
		for (const [path, item] of Object.entries(part.paths)) {
			if (path in paths) throw new Error(`Pfad ${path} doppelt`);
			paths[path] = item;
		}
	}
	return {
		openapi: '3.1.1',
		info: {
			title: 'Tiefblick API',
			version,
			description: DESCRIPTION
		},
		servers: [{ url: origin }],
		security: signedIn,
		tags: PARTS.flatMap((p) => p.tags),
		paths,
		components: { schemas, responses: errorResponses, parameters, headers, securitySchemes }
	};
}
