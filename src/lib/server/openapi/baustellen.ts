/**
 * @module openapi/baustellen
 * Tag "Baustellen": the coordinated construction calendar for promoters and road authorities
 * (routes/api/v1/baustellen, genehmigungen, aufbruchsperren; baustellen/ and genehmigungen/ in the code).
 * The value sets come from $lib/baustellen, so the description cannot drift.
 */
import {
	BAUSTELLE_STATUSES,
	CONFLICT_KINDS,
	EXEMPTIONS,
	PERMIT_KINDS,
	PERMIT_STATUSES,
	SEVERITIES,
	TRAFFIC_IMPACTS,
	WORK_KINDS,
	type BaustelleJson,
	type ConflictJson,
	type PermitJson
} from '$lib/baustellen';
import { NETWORKS } from '$lib/layers/catalogue';
import { PERMIT_ACTIONS } from '../genehmigungen/actions';
import { date, dateTime, errors, fields, integer, json, object, orNull, ref, uuid } from './common';
import type { ApiPart, Schema } from './types';

const TAG = 'Baustellen';
const enumOf = (values: readonly string[], description: string): Schema => ({ type: 'string', enum: [...values], description });
const geometry = (types: string[], description: string): Schema => ({
	type: 'object',
	required: ['type', 'coordinates'],
	properties: { type: { type: 'string', enum: types }, coordinates: { type: 'array' } },
	description
});
const idParam = (what: string) => ({ name: 'id', in: 'path' as const, required: true, description: what, schema: uuid });
const text: Schema = { type: 'string' };
/** 422 with field problems (`details: [{ field, message }]`), German messages. */
const invalid = {
	'422': {
		description: 'Eingaben fehlerhaft (`validation`) oder die Fläche ist ungültig (z. B. `self_intersection`, `outside_service_area`, `area_too_large`); `details` nennt die Felder.',
		content: json(ref('ValidationError'))
	}
};

const contact = object({ name: text, phone: text, email: text, bauherr: { type: 'string', description: 'Privater Bauherr — nie öffentlich.' } });
const duct = object({ kind: text, count: integer(1), diameterMm: orNull({ type: 'number' }), note: text });

const permit = object(
	fields<PermitJson>({
		id: uuid,
		kind: ref('PermitKind'),
		authority: object({ id: uuid, name: text }),
		status: ref('PermitStatus'),
		submittedAt: orNull(date),
		completeAt: orNull(date),
		dueAt: { ...orNull(date), description: 'Fristende (Arbeitstage Sachsen-Anhalt bzw. Monate nach § 188 BGB; fällt es auf Wochenende/Feiertag, der nächste Arbeitstag).' },
		extended: { type: 'boolean', description: 'Die Frist wurde (einmal) verlängert.' },
		conditions: { type: 'string', description: 'Auflagen bei `erteilt_mit_auflagen`.' },
		reason: { type: 'string', description: 'Begründung bei `abgelehnt` oder die angeforderten Änderungen bei `nachforderung`.' },
		decidedAt: orNull(dateTime),
		overdue: { type: 'boolean', description: 'Die Frist läuft und ist überschritten.' }
	}),
	{ description: 'Ein Genehmigungsstrang mit eigener Behörde und eigener Frist.' }
);

const baustelle = object(
	fields<BaustelleJson>({
		id: uuid,
		number: { type: 'string', example: 'BS-2026-00042' },
		status: ref('BaustelleStatus'),
		title: text,
		description: text,
		promoter: object({ orgId: uuid, name: { type: 'string', description: 'Name der Organisation oder „privat“.' }, privat: { type: 'boolean' } }),
		contact,
		networks: { type: 'array', items: { type: 'string', enum: [...NETWORKS] } },
		workKind: ref('WorkKind'),
		excavation: { type: 'boolean' },
		publiclyFunded: { type: 'boolean', description: 'Öffentlich finanziert: andere können die Mitverlegung nach § 146 TKG verlangen.' },
		exemption: ref('Exemption'),
		footprint: geometry(['Polygon', 'MultiPolygon'], 'Baustellenfläche, EPSG:4326.'),
		axis: geometry(['LineString', 'MultiLineString'], 'Achse, EPSG:4326 — angegeben oder aus den Straßenachsen in der Fläche abgeleitet.'),
		axisDerived: { type: 'boolean' },
		areaM2: { type: 'number' },
		streets: { type: 'array', items: text },
		period: object({ start: date, end: date, confirmed: { type: 'boolean', description: 'Termine bestätigt (sonst geschätzt).' } }),
		actual: object({ start: orNull(date), end: orNull(date) }),
		traffic: ref('TrafficImpact'),
		public: { type: 'boolean', description: 'Im öffentlichen Baustellenatlas, iCal-, OGC- und WZDx-Feed (ohne Personen, ohne Leitungsdaten).' },
		auskunftId: orNull(uuid),
		ducts: { type: 'array', items: duct, description: 'Zu verlegende Leerrohre (für die Mitverlegung).' },
		authorities: { type: 'array', items: object({ id: uuid, name: text, reason: { type: 'string', enum: ['gebiet', 'strassenbaulast'] } }) },
		permits: { type: 'array', items: ref('Permit') },
		conflicts: object({ count: integer(), blocking: integer(), highest: orNull(ref('Severity')) }),
		revision: { ...integer(), description: 'Zählt öffentlich sichtbare Änderungen (SEQUENCE im iCal-Feed).' },
		createdAt: dateTime,
		updatedAt: dateTime,
		links: object({ self: text, konflikte: text, page: text })
	}),
	{ description: 'Eine Baustelle, wie Träger und zuständige Behörden sie sehen.' }
);

const conflict = object(
	fields<ConflictJson>({
		id: uuid,
		kind: ref('ConflictKind'),
		severity: ref('Severity'),
		blocking: { type: 'boolean', description: 'Blockiert die Aufgrabeerlaubnis (Aufbruchsperre mit Wirkung „sperre“ ohne Ausnahme).' },
		message: text,
		other: orNull({
			type: 'object',
			properties: { id: uuid, number: text, title: text, promoter: text, start: date, end: date, contact: object({ name: text, phone: text, email: text }) },
			required: ['id', 'number', 'title', 'promoter', 'start', 'end']
		}),
		moratorium: orNull(object({ id: uuid, title: text, validUntil: date })),
		details: { type: 'object', description: 'z. B. distanceM, overlapDays, sameStreet, street, askBy, tkg146.' }
	})
);

const createBody: Schema = {
	type: 'object',
	required: ['title', 'period'],
	description: 'Fläche (`footprint` oder `geometry`) oder Achse (`axis`, dann Fläche = Achse ± `widthM`/2) ist nötig — außer bei `auskunftId` allein (dann aus der Auskunft).',
	properties: {
		title: text,
		description: text,
		footprint: geometry(['Polygon', 'MultiPolygon'], 'EPSG:4326. Alias: `geometry`.'),
		axis: geometry(['LineString', 'MultiLineString'], 'EPSG:4326, optional.'),
		widthM: { type: 'number', minimum: 0.5, maximum: 100, default: 3 },
		period: { type: 'object', required: ['start', 'end'], properties: { start: date, end: date, confirmed: { type: 'boolean', description: 'Termine bestätigt (sonst geschätzt).' } } },
		workKind: { ...ref('WorkKind') },
		excavation: { type: 'boolean', description: 'Standard: ja bei Aufgrabung, Leitungsbau, Bohrung.' },
		networks: { type: 'array', items: { type: 'string', enum: [...NETWORKS] } },
		traffic: ref('TrafficImpact'),
		public: { type: 'boolean', default: true },
		publiclyFunded: { type: 'boolean', default: false },
		exemption: ref('Exemption'),
		promoter: { type: 'string', enum: ['organisation', 'privat'] },
		contact,
		streets: { type: 'array', items: text, description: 'Sonst aus den Straßendaten abgeleitet.' },
		auskunftId: uuid,
		ducts: { type: 'array', items: duct }
	}
};

const moratorium = object({
	id: uuid,
	title: text,
	street: text,
	area: geometry(['Polygon', 'MultiPolygon'], 'EPSG:4326.'),
	validFrom: date,
	validUntil: date,
	legalBasis: text,
	mode: { type: 'string', enum: ['warnung', 'sperre'] },
	exemptions: { type: 'array', items: ref('Exemption') },
	status: { type: 'string', enum: ['vorgeschlagen', 'aktiv', 'aufgehoben'] },
	sourceBaustelleId: orNull(uuid),
	createdAt: dateTime
});

export const baustellen: ApiPart = {
	tags: [
		{
			name: TAG,
			description:
				'Koordinierter Baustellenkalender: Träger melden Baustellen an; zuständig sind die Kommunen, deren Gebiet die Fläche berührt, und Straßenbaulastträger ' +
				'einzelner Straßenabschnitte (z. B. Landesstraße außerhalb der Ortsdurchfahrt). Konflikte in Raum und Zeit, Aufbruchsperren, Frostperiode und ' +
				'Mitverlegungschancen werden bei jeder Änderung geprüft und beiden Seiten gezeigt. Andere Organisationen erhalten 404.'
		}
	],
	schemas: {
		BaustelleStatus: enumOf(BAUSTELLE_STATUSES, 'geplant → beantragt → genehmigt (alle Genehmigungen erteilt) → in_ausfuehrung → abgeschlossen → abgenommen; oder storniert.'),
		WorkKind: enumOf(WORK_KINDS, 'Art der Arbeiten.'),
		TrafficImpact: enumOf(TRAFFIC_IMPACTS, 'Verkehrsbeeinträchtigung.'),
		Exemption: enumOf(EXEMPTIONS, 'Ausnahmegrund gegenüber Aufbruchsperren.'),
		PermitKind: enumOf(PERMIT_KINDS, 'Aufgrabeerlaubnis, verkehrsrechtliche Anordnung (§ 45 StVO), Zustimmung nach § 127 TKG, Sondernutzung.'),
		PermitStatus: enumOf(PERMIT_STATUSES, 'Stand eines Genehmigungsstrangs; `fiktiv_erteilt` nach verstrichener TKG-Frist.'),
		ConflictKind: enumOf(CONFLICT_KINDS, 'Überschneidung, Aufbruchsperre, Frostperiode, Mitverlegungschance.'),
		Severity: enumOf(SEVERITIES, '„hoch“: gleicher Straßenabschnitt und beide mit Aufgrabung.'),
		Baustelle: baustelle,
		BaustelleRequest: createBody,
		Permit: permit,
		Conflict: conflict,
		Moratorium: moratorium
	},
	paths: {
		'/api/v1/baustellen': {
			get: {
				operationId: 'listBaustellen',
				tags: [TAG],
				summary: 'Eigene Baustellen und die in der eigenen Zuständigkeit',
				parameters: [
					{ name: 'scope', in: 'query', schema: { type: 'string', enum: ['alle', 'eigene', 'behoerde'], default: 'alle' } },
					{ name: 'status', in: 'query', schema: ref('BaustelleStatus') },
					{ name: 'from', in: 'query', schema: date },
					{ name: 'to', in: 'query', schema: date },
					{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
					{ name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } }
				],
				responses: {
					'200': {
						description: 'Neueste zuerst.',
						content: json(object({ items: { type: 'array', items: ref('Baustelle') }, total: integer(), limit: integer(1), offset: integer(), next: orNull({ type: 'string' }) }))
					},
					...errors(400, 401, 403)
				}
			},
			post: {
				operationId: 'createBaustelle',
				tags: [TAG],
				summary: 'Baustelle anmelden',
				description: 'Eine Transaktion: Baustelle, zuständige Behörden, nötige Genehmigungen (offen), Konfliktprüfung, Benachrichtigungen (Behörden, betroffene Netzbetreiber, Konfliktpartner), Audit.',
				requestBody: { required: true, content: json(ref('BaustelleRequest')) },
				responses: { '201': { description: 'Angelegt.', content: json(ref('Baustelle')) }, ...errors(400, 401, 403, 413, 415), ...invalid }
			}
		},
		'/api/v1/baustellen/{id}': {
			get: {
				operationId: 'getBaustelle',
				tags: [TAG],
				summary: 'Eine Baustelle',
				parameters: [idParam('Baustelle')],
				responses: { '200': { description: 'Die Baustelle.', content: json(ref('Baustelle')) }, ...errors(401, 403, 404) }
			},
			patch: {
				operationId: 'updateBaustelle',
				tags: [TAG],
				summary: 'Baustelle ändern (Träger) oder Status weiterschalten',
				description:
					'Felder wie beim Anlegen (nur die gesendeten). `status` führt den Schritt aus, der dorthin führt: beantragt (alle offenen Anträge einreichen), ' +
					'in_ausfuehrung (Baubeginnanzeige, `actual.start`), abgeschlossen (Fertigmeldung, `actual.end`), abgenommen (Behörde), storniert. Konflikte werden neu geprüft.',
				parameters: [idParam('Baustelle')],
				requestBody: { required: true, content: json({ type: 'object', properties: { ...createBody.properties, status: ref('BaustelleStatus'), actual: object({ start: date, end: date }) } }) },
				responses: { '200': { description: 'Die geänderte Baustelle.', content: json(ref('Baustelle')) }, ...errors(400, 401, 403, 404, 409, 413, 415), ...invalid }
			}
		},
		'/api/v1/baustellen/{id}/konflikte': {
			get: {
				operationId: 'getBaustelleKonflikte',
				tags: [TAG],
				summary: 'Konflikte, Aufbruchsperren, Frost und Mitverlegungschancen',
				parameters: [idParam('Baustelle')],
				responses: {
					'200': {
						description: 'Blockierende zuerst, dann nach Schwere.',
						content: json(object({ baustelle: object({ id: uuid, number: text }), items: { type: 'array', items: ref('Conflict') }, blocking: { type: 'boolean' } }))
					},
					...errors(401, 403, 404)
				}
			}
		},
		'/api/v1/baustellen/{id}/aktionen': {
			post: {
				operationId: 'baustelleAktion',
				tags: [TAG],
				summary: 'Ablaufschritt: beantragen, Baubeginn, Fertigmeldung, Abnahme, Stornieren',
				description: 'Die Abnahme erklärt die zuständige Behörde; sie schlägt eine Aufbruchsperre der eingestellten Dauer vor. Alles andere der Träger.',
				parameters: [idParam('Baustelle')],
				requestBody: {
					required: true,
					content: json({ type: 'object', required: ['action'], properties: { action: { type: 'string', enum: ['beantragen', 'baubeginn', 'fertigmeldung', 'abnahme', 'stornieren'] }, date } })
				},
				responses: { '200': { description: 'Die Baustelle danach.', content: json(ref('Baustelle')) }, ...errors(400, 401, 403, 404, 409, 413, 415), ...invalid }
			}
		},
		'/api/v1/genehmigungen/{id}': {
			post: {
				operationId: 'genehmigungAktion',
				tags: [TAG],
				summary: 'Genehmigung: einreichen (Träger) oder entscheiden (Behörde)',
				description:
					'`einreichen` durch den Träger; `vollstaendig` (startet die Frist), `nachfordern` (`reason`), `erteilen`, `erteilen_mit_auflagen` (`conditions`), `ablehnen` (`reason`), ' +
					'`verlaengern` (nur TKG, einmal) durch die entscheidende Behörde. Eine Aufbruchsperre mit Wirkung „sperre“ verhindert die Aufgrabeerlaubnis (409).',
				parameters: [idParam('Genehmigung')],
				requestBody: {
					required: true,
					content: json({ type: 'object', required: ['action'], properties: { action: { type: 'string', enum: PERMIT_ACTIONS.filter((a) => a !== 'fiktion') }, conditions: text, reason: text } })
				},
				responses: { '200': { description: 'Die Genehmigung danach.', content: json(ref('Permit')) }, ...errors(400, 401, 403, 404, 409, 413, 415), ...invalid }
			}
		},
		'/api/v1/aufbruchsperren': {
			get: {
				operationId: 'listAufbruchsperren',
				tags: [TAG],
				summary: 'Aufbruchsperren der eigenen Behörde',
				responses: { '200': { description: 'Vorgeschlagene zuerst.', content: json(object({ items: { type: 'array', items: ref('Moratorium') } })) }, ...errors(401, 403) }
			},
			post: {
				operationId: 'createAufbruchsperre',
				tags: [TAG],
				summary: 'Aufbruchsperre anlegen (Fläche oder Straßenabschnitt)',
				requestBody: {
					required: true,
					content: json({
						type: 'object',
						required: ['validUntil'],
						properties: {
							title: text,
							street: { type: 'string', description: 'Straßenname → Straßenabschnitt aus den Straßendaten (±10 m).' },
							area: geometry(['Polygon', 'MultiPolygon'], 'EPSG:4326; Vorrang vor `street`.'),
							validFrom: date,
							validUntil: date,
							legalBasis: text,
							mode: { type: 'string', enum: ['warnung', 'sperre'], default: 'sperre' },
							exemptions: { type: 'array', items: ref('Exemption') }
						}
					})
				},
				responses: { '201': { description: 'Angelegt; betroffene Baustellen sind neu geprüft.', content: json(ref('Moratorium')) }, ...errors(400, 401, 403, 413, 415), ...invalid }
			}
		},
		'/api/v1/aufbruchsperren/{id}': {
			get: {
				operationId: 'getAufbruchsperre',
				tags: [TAG],
				summary: 'Eine Aufbruchsperre',
				parameters: [idParam('Aufbruchsperre')],
				responses: { '200': { description: 'Die Aufbruchsperre.', content: json(ref('Moratorium')) }, ...errors(401, 403, 404) }
			},
			patch: {
				operationId: 'changeAufbruchsperre',
				tags: [TAG],
				summary: 'Aktivieren, aufheben, ändern',
				parameters: [idParam('Aufbruchsperre')],
				requestBody: {
					required: true,
					content: json({
						type: 'object',
						properties: {
							status: { type: 'string', enum: ['aktiv', 'aufgehoben'] },
							validUntil: date,
							mode: { type: 'string', enum: ['warnung', 'sperre'] },
							exemptions: { type: 'array', items: ref('Exemption') },
							legalBasis: text
						}
					})
				},
				responses: { '200': { description: 'Die Aufbruchsperre danach.', content: json(ref('Moratorium')) }, ...errors(400, 401, 403, 404, 413, 415), ...invalid }
			}
		}
	}
};
