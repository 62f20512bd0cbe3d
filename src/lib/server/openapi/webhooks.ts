/**
 * @module openapi/webhooks
 * Tags "Benachrichtigungen" and "Webhooks": the org's in-app inbox (routes/api/v1/benachrichtigungen/**)
 * and its outgoing webhooks with their delivery log (routes/api/v1/webhooks/**), in the shapes of
 * notifications/present.ts and webhooks/present.ts. The payload a receiver gets is described as
 * `WebhookPayload` (it is also part of each logged delivery).
 */
import { EVENT_LABELS, EVENT_TYPES, SUBSCRIBABLE_EVENTS } from '../notifications/events';
import type { notificationJson } from '../notifications/present';
import type { createdWebhookJson, deliveryJson, webhookJson } from '../webhooks/present';
import type { WebhookPayload } from '../webhooks/payload';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../webhooks/repo';
import { WEBHOOK_URL_MAX_LENGTH } from '../webhooks/url';
import { MAX_WEBHOOKS_PER_ORG } from '../webhooks/service';
import { config } from '../config';
import { dateTime, errors, fields, fieldsBody, integer, json, object, orNull, parameterRef, ref, signedIn, uuid } from './common';
import type { ApiPart, Parameter, Schema } from './types';

type WebhookJson = ReturnType<typeof webhookJson>;
type CreatedJson = ReturnType<typeof createdWebhookJson>;
type DeliveryJson = ReturnType<typeof deliveryJson>;
type AttemptJson = DeliveryJson['attemptLog'][number];
type NotificationJson = ReturnType<typeof notificationJson>;

const WEBHOOKS = 'Webhooks';
const INBOX = 'Benachrichtigungen';

const STATUS_TEXT: Record<DeliveryStatus, string> = {
	ausstehend: 'wartet auf den (nächsten) Versuch',
	zugestellt: 'der Empfänger hat mit 2xx geantwortet',
	fehlgeschlagen: `nach ${config.webhookMaxAttempts} Versuchen (oder durch Deaktivieren des Webhooks) aufgegeben`
};

const listing = (entries: [string, string][]) => entries.map(([v, t]) => `- \`${v}\` — ${t}`).join('\n');

const pageParameters: Parameter[] = [
	{ name: 'limit', in: 'query', description: 'Einträge je Seite.', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
	{ name: 'offset', in: 'query', description: 'Übersprungene Einträge.', schema: { type: 'integer', minimum: 0, default: 0 } }
];

const pageOf = (item: string, extra: Record<string, Schema> = {}): Schema =>
	object({
		items: { type: 'array', items: ref(item), description: 'Neueste zuerst.' },
		total: integer(),
		...extra,
		limit: integer(1),
		offset: integer(),
		next: { ...orNull({ type: 'string', format: 'uri' }), description: 'Die nächste Seite; `null` auf der letzten.' }
	});

const webhookProperties = fields<WebhookJson>({
	id: uuid,
	url: { type: 'string', format: 'uri' },
	events: { type: 'array', items: ref('WebhookEvent'), description: 'Abonnierte Ereignisse; leer = alle.' },
	active: { type: 'boolean', description: 'Nur aktive Webhooks bekommen Zustellungen.' },
	createdAt: dateTime
});

const eventsInput: Schema = {
	anyOf: [{ type: 'array', items: ref('WebhookEvent') }, { type: 'string', description: 'Als Formularfeld: Namen durch Kommas getrennt.' }],
	description: 'Ereignisse, die der Webhook bekommt; weglassen oder leer = alle. Unbekannte Namen sind ein Fehler (422).'
};

const VERIFY = `Jede Zustellung ist ein \`POST\` mit JSON (\`WebhookPayload\`) und den Kopfzeilen \`Content-Type: application/json\`,
\`User-Agent: Tiefblick-Webhook/1\`, \`Tiefblick-Event\` (Ereignis), \`Tiefblick-Delivery\` (Kennung der Zustellung — bei jeder
Wiederholung gleich; Empfänger erkennen Doppelte daran) und \`Tiefblick-Signature: t=<Unix-Sekunden>,v1=<hex HMAC-SHA256(Geheimnis, "<t>.<Rohkörper>")>\`.

Prüfen (Node.js), mit dem unveränderten Rohkörper:
\`\`\`js
const { createHmac, timingSafeEqual } = require('node:crypto');
const [t, v1] = req.headers['tiefblick-signature'].split(',').map((p) => p.split('=')[1]);
const expected = createHmac('sha256', SECRET).update(\`\${t}.\${rawBody}\`).digest('hex');
const fresh = Math.abs(Date.now() / 1000 - Number(t)) < 300;
const valid = fresh && v1.length === 64 && timingSafeEqual(Buffer.from(v1), Buffer.from(expected));
\`\`\`

2xx gilt als zugestellt. Jede andere Antwort, eine Weiterleitung (wird nicht verfolgt) oder keine Antwort binnen
${config.webhookTimeoutMs / 1000} s wird wiederholt: nach ${config.webhookRetryBaseSeconds} s × 4^(Versuch−1), höchstens ${config.webhookMaxAttempts} Versuche, dann \`fehlgeschlagen\`.`;

export const webhooks: ApiPart = {
	tags: [
		{
			name: INBOX,
			description: 'Der Posteingang der eigenen Organisation: was auf der Plattform geschah und sie betrifft. Gelesen/ungelesen gilt für die ganze Organisation.'
		},
		{
			name: WEBHOOKS,
			description: `Ausgehende Webhooks der Organisation: dieselben Ereignisse wie im Posteingang, signiert an eigene Systeme. Administratoren der Organisation verwalten sie (höchstens ${MAX_WEBHOOKS_PER_ORG}), alle Mitglieder sehen das Zustellprotokoll. Webhooks anderer Organisationen sind 404.\n\n${VERIFY}`
		}
	],
	parameters: {
		WebhookId: { name: 'id', in: 'path', required: true, description: 'Kennung des Webhooks.', schema: uuid }
	},
	schemas: {
		EventType: {
			type: 'string',
			enum: [...EVENT_TYPES],
			description: `Art eines Ereignisses:\n${listing(EVENT_TYPES.map((t) => [t, EVENT_LABELS[t]]))}`
		},
		WebhookEvent: {
			type: 'string',
			enum: [...SUBSCRIBABLE_EVENTS],
			description: 'Ein abonnierbares Ereignis (alle außer `ping`, das nur „Test senden“ auslöst).'
		},
		DeliveryStatus: {
			type: 'string',
			enum: [...DELIVERY_STATUSES],
			description: `Stand einer Zustellung:\n${listing(DELIVERY_STATUSES.map((s) => [s, STATUS_TEXT[s]]))}`
		},
		Webhook: object(webhookProperties, { description: 'Ein Webhook (ohne Geheimnis).' }),
		WebhookList: object({ items: { type: 'array', items: ref('Webhook'), description: 'Älteste zuerst.' } }),
		WebhookCreate: {
			type: 'object',
			required: ['url'],
			properties: {
				url: {
					type: 'string',
					maxLength: WEBHOOK_URL_MAX_LENGTH,
					description: 'Adresse des Empfängers: `https://`, ohne Zugangsdaten, nicht im internen Netz.'
				},
				events: eventsInput
			}
		},
		WebhookCreated: object(
			fields<CreatedJson>({
				...webhookProperties,
				secret: {
					type: 'string',
					pattern: '^[0-9a-f]{64}$',
					description: 'Das Geheimnis für die Signatur (32 Zufallsbytes, hexadezimal). Wird nur in dieser Antwort gezeigt.'
				}
			}),
			{ description: 'Der neue Webhook mit seinem Geheimnis.' }
		),
		WebhookUpdate: {
			type: 'object',
			description: 'Nur die gesendeten Felder ändern sich. Deaktivieren beendet wartende Zustellungen als `fehlgeschlagen`.',
			properties: { active: { type: ['boolean', 'string'], enum: [true, false, 'true', 'false'] }, events: eventsInput }
		},
		WebhookPayload: object(
			fields<WebhookPayload>({
				id: { ...uuid, description: 'Kennung der Zustellung, wie `Tiefblick-Delivery`; bei Wiederholungen gleich.' },
				type: ref('EventType'),
				createdAt: { ...dateTime, description: 'Wann das Ereignis geschah.' },
				link: { ...orNull({ type: 'string', format: 'uri' }), description: 'Der Gegenstand in Tiefblick, z. B. die Baustelle.' },
				data: {
					type: 'object',
					additionalProperties: true,
					description: 'Je nach Ereignis: Kennungen, Nummern, Daten, Status — nie personenbezogene Angaben.'
				}
			}),
			{ description: 'Der JSON-Körper jeder Zustellung, Schlüssel in dieser Reihenfolge.' }
		),
		WebhookAttempt: object(
			fields<AttemptJson>({
				attempt: integer(1),
				startedAt: dateTime,
				durationMs: integer(),
				statusCode: { ...orNull({ type: 'integer' }), description: 'HTTP-Status des Empfängers; `null`, wenn keine Antwort kam.' },
				error: { ...orNull({ type: 'string' }), description: 'Was schiefging (deutsch); `null` bei Erfolg.' }
			}),
			{ description: 'Ein Zustellversuch.' }
		),
		WebhookDelivery: object(
			fields<DeliveryJson>({
				id: uuid,
				event: ref('EventType'),
				status: ref('DeliveryStatus'),
				attempts: integer(),
				nextAttemptAt: { ...orNull(dateTime), description: 'Nächster Versuch, solange `ausstehend`.' },
				lastStatus: orNull({ type: 'integer' }),
				lastError: orNull({ type: 'string' }),
				createdAt: dateTime,
				deliveredAt: orNull(dateTime),
				payload: ref('WebhookPayload'),
				attemptLog: { type: 'array', items: ref('WebhookAttempt'), description: 'Jeder Versuch, der erste zuerst.' }
			}),
			{ description: 'Eine Zustellung eines Ereignisses an einen Webhook.' }
		),
		WebhookDeliveryPage: pageOf('WebhookDelivery'),
		WebhookTestQueued: object({ deliveryId: uuid }, { description: 'Der Testaufruf wartet auf Zustellung; sein Ergebnis steht gleich im Protokoll.' }),
		Notification: object(
			fields<NotificationJson>({
				id: uuid,
				type: ref('EventType'),
				title: { type: 'string' },
				body: { type: 'string' },
				link: { ...orNull({ type: 'string', format: 'uri' }), description: 'Der Gegenstand in Tiefblick.' },
				subjectId: { ...orNull(uuid), description: 'Kennung des Gegenstands, z. B. der Baustelle.' },
				createdAt: dateTime,
				readAt: { ...orNull(dateTime), description: '`null` = ungelesen.' }
			}),
			{ description: 'Eine Benachrichtigung im Posteingang der Organisation.' }
		),
		NotificationPage: pageOf('Notification', { unread: { ...integer(), description: 'Ungelesene insgesamt.' } }),
		NotificationsRead: {
			type: 'object',
			properties: {
				ids: {
					anyOf: [{ type: 'array', items: uuid }, { type: 'string', description: 'Als Formularfeld: Kennungen durch Kommas getrennt.' }],
					description: 'Diese Benachrichtigungen; weglassen = alle.'
				}
			}
		},
		NotificationsMarked: object(
			{ marked: { ...integer(), description: 'Jetzt als gelesen markiert.' }, unread: { ...integer(), description: 'Danach noch ungelesen.' } },
			{ description: 'Ergebnis des Markierens.' }
		)
	},
	paths: {
		'/api/v1/benachrichtigungen': {
			get: {
				operationId: 'listNotifications',
				tags: [INBOX],
				summary: 'Posteingang der eigenen Organisation',
				security: signedIn,
				parameters: pageParameters,
				responses: { '200': { description: 'Neueste zuerst, mit der Zahl der ungelesenen.', content: json(ref('NotificationPage')) }, ...errors(401, 403) }
			}
		},
		'/api/v1/benachrichtigungen/gelesen': {
			post: {
				operationId: 'markNotificationsRead',
				tags: [INBOX],
				summary: 'Als gelesen markieren',
				description: 'Mit `ids` diese, ohne Körper oder ohne `ids` alle Benachrichtigungen der Organisation. Fremde Kennungen werden übergangen.',
				security: signedIn,
				requestBody: { required: false, content: fieldsBody(ref('NotificationsRead')) },
				responses: { '200': { description: 'Markiert.', content: json(ref('NotificationsMarked')) }, ...errors(400, 401, 403, 413, 415, [422, 'ValidationFailed']) }
			}
		},
		'/api/v1/webhooks': {
			get: {
				operationId: 'listWebhooks',
				tags: [WEBHOOKS],
				summary: 'Webhooks der eigenen Organisation',
				security: signedIn,
				responses: { '200': { description: 'Ohne Geheimnisse.', content: json(ref('WebhookList')) }, ...errors(401, 403) }
			},
			post: {
				operationId: 'createWebhook',
				tags: [WEBHOOKS],
				summary: 'Webhook anlegen (Administratoren)',
				description: 'Das Geheimnis für die Signatur erzeugt der Server; es steht nur in dieser Antwort.',
				security: signedIn,
				requestBody: { required: true, content: fieldsBody(ref('WebhookCreate')) },
				responses: { '201': { description: 'Angelegt.', content: json(ref('WebhookCreated')) }, ...errors(400, 401, 403, 413, 415, [422, 'ValidationFailed']) }
			}
		},
		'/api/v1/webhooks/{id}': {
			parameters: [parameterRef('WebhookId')],
			get: {
				operationId: 'getWebhook',
				tags: [WEBHOOKS],
				summary: 'Ein Webhook',
				security: signedIn,
				responses: { '200': { description: 'Der Webhook.', content: json(ref('Webhook')) }, ...errors(401, 403, 404) }
			},
			patch: {
				operationId: 'updateWebhook',
				tags: [WEBHOOKS],
				summary: 'Aktivieren, deaktivieren, Ereignisse ändern (Administratoren)',
				security: signedIn,
				requestBody: { required: true, content: fieldsBody(ref('WebhookUpdate')) },
				responses: { '200': { description: 'Der geänderte Webhook.', content: json(ref('Webhook')) }, ...errors(400, 401, 403, 404, 413, 415, [422, 'ValidationFailed']) }
			},
			delete: {
				operationId: 'deleteWebhook',
				tags: [WEBHOOKS],
				summary: 'Webhook löschen (Administratoren)',
				description: 'Mit allen Zustellungen und ihrem Protokoll.',
				security: signedIn,
				responses: { '204': { description: 'Gelöscht.' }, ...errors(401, 403, 404) }
			}
		},
		'/api/v1/webhooks/{id}/deliveries': {
			parameters: [parameterRef('WebhookId')],
			get: {
				operationId: 'listWebhookDeliveries',
				tags: [WEBHOOKS],
				summary: 'Zustellprotokoll',
				description: 'Jede Zustellung mit Stand, Versuchen, nächstem Versuch, letztem Fehler und dem gesendeten Körper. Für alle Mitglieder.',
				security: signedIn,
				parameters: pageParameters,
				responses: { '200': { description: 'Neueste zuerst.', content: json(ref('WebhookDeliveryPage')) }, ...errors(401, 403, 404) }
			}
		},
		'/api/v1/webhooks/{id}/test': {
			parameters: [parameterRef('WebhookId')],
			post: {
				operationId: 'testWebhook',
				tags: [WEBHOOKS],
				summary: 'Testaufruf senden (Administratoren)',
				description: 'Schickt ein `ping` nur an diesen Webhook, sofort. Ein deaktivierter Webhook antwortet 409 (`inactive`).',
				security: signedIn,
				responses: { '202': { description: 'Zur Zustellung angenommen.', content: json(ref('WebhookTestQueued')) }, ...errors(401, 403, 404, 409) }
			}
		}
	}
};
