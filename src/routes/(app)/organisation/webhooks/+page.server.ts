import { fail } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { config } from '$lib/server/config';
import { formatDateTime } from '$lib/format';
import { requireOrg, requireOrgAdmin } from '$lib/server/auth/guard';
import { EVENT_LABELS, SUBSCRIBABLE_EVENTS } from '$lib/server/notifications/events';
import { kickDeliveries } from '$lib/server/notifications/publish';
import { listDeliveries, listWebhooks, type Delivery } from '$lib/server/webhooks/repo';
import { changeWebhook, createWebhook, MAX_WEBHOOKS_PER_ORG, removeWebhook, sendTestPing } from '$lib/server/webhooks/service';
import type { Actions, PageServerLoad } from './$types';

const LOG_SIZE = 10;

const logEntry = (d: Delivery) => ({
	id: d.id,
	event: EVENT_LABELS[d.event] ?? d.event,
	status: d.status,
	attempts: d.attempts,
	nextAttemptAt: d.nextAttemptAt,
	lastStatus: d.lastStatus,
	lastError: d.lastError,
	createdAt: d.createdAt,
	deliveredAt: d.deliveredAt,
	attemptLog: d.attemptLog
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const { org } = requireOrg(locals);
	// the log of one webhook can be paged (?protokoll=<id>&seite=n); the others show their newest
	const pagedId = url.searchParams.get('protokoll');
	const page = Math.max(1, Math.trunc(Number(url.searchParams.get('seite') ?? 1)) || 1);
	const hooks = await listWebhooks(sql, org.id);
	const webhooks = await Promise.all(
		hooks.map(async (w) => {
			const p = w.id === pagedId ? page : 1;
			const log = await listDeliveries(sql, w.id, LOG_SIZE, (p - 1) * LOG_SIZE);
			return { ...w, log: log.items.map(logEntry), logTotal: log.total, logPage: p, logPages: Math.max(1, Math.ceil(log.total / LOG_SIZE)) };
		})
	);
	const confirmId = url.searchParams.get('loeschen');
	return {
		isAdmin: org.membershipRole === 'admin',
		webhooks,
		confirmDelete: webhooks.find((w) => w.id === confirmId) ?? null,
		events: SUBSCRIBABLE_EVENTS.map((value) => ({ value, label: EVENT_LABELS[value] })),
		maxWebhooks: MAX_WEBHOOKS_PER_ORG,
		httpAllowed: config.webhookAllowHttp,
		retry: { baseSeconds: config.webhookRetryBaseSeconds, maxAttempts: config.webhookMaxAttempts, timeoutMs: config.webhookTimeoutMs }
	};
};

/** Waits a little for the test ping's first attempt, so the admin sees its outcome with the answer. */
async function firstAttempt(webhookId: string, deliveryId: string): Promise<Delivery | null> {
	const until = Date.now() + config.webhookTimeoutMs + 1500;
	while (Date.now() < until) {
		await new Promise((r) => setTimeout(r, 150));
		const { items } = await listDeliveries(sql, webhookId, 5, 0);
		const d = items.find((x) => x.id === deliveryId);
		if (d && d.attemptLog.length) return d;
	}
	return null;
}

export const actions: Actions = {
	anlegen: async ({ locals, request }) => {
		const { user, org } = requireOrgAdmin(locals);
		const form = await request.formData();
		const url = String(form.get('url') ?? '');
		const events = form.getAll('events').map(String);
		const result = await createWebhook({ userId: user.id, orgId: org.id }, { url, events });
		if ('problems' in result) {
			return fail(422, { create: { url, events, errors: Object.fromEntries(result.problems.map((p) => [p.field, p.message])) as Record<string, string> } });
		}
		return { created: { id: result.webhook.id, url: result.webhook.url, secret: result.secret } };
	},

	umschalten: async ({ locals, request }) => {
		const { user, org } = requireOrgAdmin(locals);
		const form = await request.formData();
		const active = form.get('active') === 'true';
		const webhookId = String(form.get('id') ?? '');
		const result = await changeWebhook({ userId: user.id, orgId: org.id }, webhookId, { active });
		if (!result || 'problems' in result) return fail(404, { message: 'Webhook nicht gefunden.', error: true });
		return { webhookId, message: active ? 'Webhook aktiviert.' : 'Webhook deaktiviert. Wartende Zustellungen wurden abgebrochen.' };
	},

	ereignisse: async ({ locals, request }) => {
		const { user, org } = requireOrgAdmin(locals);
		const form = await request.formData();
		const webhookId = String(form.get('id') ?? '');
		const result = await changeWebhook({ userId: user.id, orgId: org.id }, webhookId, { events: form.getAll('events').map(String) });
		if (!result) return fail(404, { message: 'Webhook nicht gefunden.', error: true });
		if ('problems' in result) return fail(422, { webhookId, message: result.problems.map((p) => p.message).join(' '), error: true });
		return { webhookId, message: result.webhook.events.length ? 'Ereignisse gespeichert.' : 'Ereignisse gespeichert: der Webhook bekommt jetzt alle.' };
	},

	testen: async ({ locals, request }) => {
		const { user, org } = requireOrgAdmin(locals);
		const id = String((await request.formData()).get('id') ?? '');
		const result = await sendTestPing({ userId: user.id, orgId: org.id }, id);
		if (result === 'not_found') return fail(404, { message: 'Webhook nicht gefunden.', error: true });
		if (result === 'inactive') return fail(409, { webhookId: id, message: 'Der Webhook ist deaktiviert. Bitte erst aktivieren, dann testen.', error: true });
		kickDeliveries();
		const d = await firstAttempt(id, result.deliveryId);
		if (!d) return { webhookId: id, message: 'Testaufruf ist unterwegs; das Ergebnis steht gleich im Protokoll.' };
		if (d.status === 'zugestellt') return { webhookId: id, message: `Testaufruf zugestellt: der Empfänger antwortete mit HTTP ${d.lastStatus}.` };
		const next = d.status === 'ausstehend' && d.nextAttemptAt ? ` Nächster Versuch: ${formatDateTime(d.nextAttemptAt)}.` : '';
		return { webhookId: id, message: `Testaufruf nicht zugestellt: ${d.lastError ?? 'unbekannter Fehler'}${next}`, error: true };
	},

	loeschen: async ({ locals, request }) => {
		const { user, org } = requireOrgAdmin(locals);
		const id = String((await request.formData()).get('id') ?? '');
		if (!(await removeWebhook({ userId: user.id, orgId: org.id }, id))) return fail(404, { message: 'Webhook nicht gefunden.', error: true });
		return { message: 'Webhook gelöscht.' };
	}
};
