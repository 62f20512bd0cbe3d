import { fail } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { PERMIT_KIND_LABELS, type BaustelleStatus } from '$lib/baustellen';
import { OFFLINE_STYLE_URL } from '$lib/map/defaults';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { notFound } from '$lib/server/auth/guard';
import { berlinDate } from '$lib/server/auskunft/rules';
import { findAuskunft } from '$lib/server/auskunft/repo';
import { requireActor, viewable } from '$lib/server/baustellen/access';
import { parsePatch } from '$lib/server/baustellen/input';
import { baustelleAction, updateBaustelle, type BaustelleAction } from '$lib/server/baustellen/service';
import { AUTHORITY_ACTIONS, permitAction, settlePermitClocks, submitAll } from '$lib/server/baustellen/permits';
import { baustelleJson, conflictsJson } from '$lib/server/baustellen/present';
import { getAuthoritySettings } from '$lib/server/baustellen/settings';
import { getPermit } from '$lib/server/baustellen/repo';
import { isIsoDate } from '$lib/server/genehmigungen/dates';
import type { PermitAction } from '$lib/server/genehmigungen/actions';
import { patchBody, readForm } from '../neu/form-body';
import { conflictPartners, permitClocks } from './view';
import type { Actions, PageServerLoad } from './$types';

/** The promoter may change the Baustelle until the works are reported finished (service: EDITABLE). */
const EDITABLE: BaustelleStatus[] = ['geplant', 'beantragt', 'genehmigt', 'in_ausfuehrung'];

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	// a TK consent whose clock ran out counts as granted: settle before anyone reads the permits
	await settlePermitClocks();
	const v = await viewable(sql, actor, params.id);
	if (!v) notFound('Baustelle');
	const b = v.baustelle;
	const today = berlinDate(now());
	const [baustelle, conflicts] = [await baustelleJson(sql, b, url.origin), await conflictsJson(sql, b)];
	const partners = await conflictPartners(sql, actor, conflicts);
	const auskunft = v.owner && b.auskunftId ? await findAuskunft(sql, b.auskunftId) : null;
	return {
		baustelle,
		// who registered it: shown beside „privat“ to owner and authorities, never publicly
		registeredBy: b.orgName,
		conflicts,
		others: partners.others,
		openable: partners.openable,
		clocks: await permitClocks(sql, baustelle.permits, today),
		viewer: { orgId: actor.orgId, owner: v.owner, authority: v.authority, isPlatform: actor.isPlatform },
		editable: v.owner && EDITABLE.includes(b.status),
		// the length the Abnahme proposes for the Aufbruchsperre: the accepting authority's setting
		moratoriumYears: v.authority ? (await getAuthoritySettings(sql, actor.orgId)).moratoriumYears : null,
		auskunft: auskunft ? { id: auskunft.id, number: auskunft.number } : null,
		today,
		basemapStyleUrl: env.BASEMAP_STYLE_URL || OFFLINE_STYLE_URL
	};
};

const text = (form: FormData, name: string): string => String(form.get(name) ?? '').trim().slice(0, 4000);

const PERMIT_DONE: Partial<Record<PermitAction, string>> = {
	einreichen: 'erneut eingereicht',
	vollstaendig: 'als vollständig bestätigt; die Frist läuft',
	nachfordern: 'zurückgegeben: Änderungen angefordert',
	erteilen: 'erteilt',
	erteilen_mit_auflagen: 'mit Auflagen erteilt',
	ablehnen: 'abgelehnt',
	verlaengern: 'Frist verlängert'
};

const LIFECYCLE_DONE: Record<BaustelleAction, string> = {
	baubeginn: 'Baubeginn angezeigt.',
	fertigmeldung: 'Fertigstellung gemeldet. Die Behörde kann jetzt die Oberfläche abnehmen.',
	abnahme: 'Abnahme bestätigt. Eine Aufbruchsperre für die neue Oberfläche ist vorgeschlagen; sie wird unter Koordination › Aufbruchsperren aktiviert.',
	stornieren: 'Baustelle storniert.'
};

export const actions: Actions = {
	update: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		const v = await viewable(sql, actor, params.id);
		if (!v) notFound('Baustelle');
		const values = readForm(await request.formData());
		const body = patchBody(values, v.baustelle.footprint4326);
		if ('problems' in body) return fail(422, { edit: { values, problems: body.problems } });
		const parsed = parsePatch(body.body);
		if ('problems' in parsed) return fail(422, { edit: { values, problems: parsed.problems } });
		const r = await updateBaustelle(actor, params.id, parsed.fields);
		if (!r.ok) return fail(r.status, { edit: { values, problems: r.problems?.length ? r.problems : [{ field: 'form', message: r.message }] } });
		return { done: { section: 'angaben', message: 'Änderungen gespeichert. Zuständigkeiten, Genehmigungen und Konflikte sind neu geprüft.' } };
	},

	beantragen: async ({ locals, params }) => {
		const actor = requireActor(locals);
		if (!(await viewable(sql, actor, params.id))) notFound('Baustelle');
		const r = await submitAll(actor, params.id);
		if (!r.ok) return fail(r.status, { failed: { section: 'genehmigungen', permitId: null, message: r.message } });
		return { done: { section: 'genehmigungen', message: r.value === 1 ? 'Ein Antrag eingereicht.' : `${r.value} Anträge eingereicht.` } };
	},

	permit: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		if (!(await viewable(sql, actor, params.id))) notFound('Baustelle');
		const form = await request.formData();
		const permitId = text(form, 'permitId');
		const action = text(form, 'action') as PermitAction;
		const permit = await getPermit(sql, permitId);
		if (!permit || permit.baustelleId !== params.id) notFound('Genehmigung');
		const input = { conditions: text(form, 'conditions') || undefined, reason: text(form, 'reason') || undefined };
		const failed = (status: number, message: string) => fail(status, { failed: { section: 'genehmigungen', permitId, action, message, ...input } });
		if (action !== 'einreichen' && !AUTHORITY_ACTIONS.includes(action)) return failed(422, 'Unbekannte Entscheidung.');
		const r = await permitAction(actor, permitId, action, input);
		if (!r.ok) return failed(r.status, r.message);
		return { done: { section: 'genehmigungen', permitId, message: `${PERMIT_KIND_LABELS[permit.kind]} (${permit.authorityName}): ${PERMIT_DONE[action] ?? 'gespeichert'}.` } };
	},

	lifecycle: async ({ locals, params, request }) => {
		const actor = requireActor(locals);
		if (!(await viewable(sql, actor, params.id))) notFound('Baustelle');
		const form = await request.formData();
		const action = text(form, 'action') as BaustelleAction;
		const date = text(form, 'date');
		const failed = (status: number, message: string) => fail(status, { failed: { section: 'ablauf', permitId: null, action, message } });
		if (!(['baubeginn', 'fertigmeldung', 'abnahme', 'stornieren'] as string[]).includes(action)) return failed(422, 'Unbekannter Schritt.');
		if (date && !isIsoDate(date)) return failed(422, 'Bitte das Datum als TT.MM.JJJJ angeben.');
		if (action === 'stornieren' && form.get('confirm') !== 'on') return failed(422, 'Bitte bestätigen, dass die Baustelle storniert werden soll.');
		const r = await baustelleAction(actor, params.id, action, { date: date || undefined });
		if (!r.ok) return failed(r.status, r.message);
		return { done: { section: 'ablauf', message: LIFECYCLE_DONE[action] } };
	}
};
