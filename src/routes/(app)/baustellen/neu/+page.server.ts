import { fail, redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { OFFLINE_STYLE_URL } from '$lib/map/defaults';
import { berlinDate } from '$lib/server/auskunft/rules';
import { listAuskuenfte } from '$lib/server/auskunft/repo';
import { ownAuskunft } from '$lib/server/auskunft/present';
import { requireActor } from '$lib/server/baustellen/access';
import { parseCreate } from '$lib/server/baustellen/input';
import { fieldsFromAuskunft } from '$lib/server/baustellen/from-auskunft';
import { createBaustelle } from '$lib/server/baustellen/service';
import { createBody, readForm, type BaustelleFormValues } from './form-body';
import type { Actions, PageServerLoad } from './$types';

function emptyValues(contact: { name: string; email: string; phone: string }): BaustelleFormValues {
	return {
		title: '',
		description: '',
		workKind: 'aufgrabung',
		excavation: 'ja',
		networks: [],
		periodStart: '',
		periodEnd: '',
		confirmed: false,
		traffic: 'keine',
		public: true,
		publiclyFunded: false,
		exemption: 'keine',
		promoter: 'org',
		bauherr: '',
		contactName: contact.name,
		contactPhone: contact.phone,
		contactEmail: contact.email,
		ducts: [],
		auskunftId: '',
		geometry: ''
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const user = locals.user!;
	let values = emptyValues({ name: user.name, email: user.email, phone: user.phone ?? '' });
	// „Als Baustelle anmelden“ with changes: start from the Auskunft's area, period and works
	const fromId = url.searchParams.get('auskunft');
	const source = fromId ? await ownAuskunft(sql, fromId, actor.orgId) : null;
	if (source) {
		const f = fieldsFromAuskunft(source);
		values = {
			...values,
			title: f.title,
			description: f.description,
			workKind: f.workKind,
			excavation: f.excavation ? 'ja' : 'nein',
			periodStart: f.plannedStart,
			periodEnd: f.plannedEnd,
			contactName: f.contact.name || values.contactName,
			contactPhone: f.contact.phone || values.contactPhone,
			bauherr: f.contact.bauherr,
			auskunftId: source.id,
			geometry: JSON.stringify(source.area4326)
		};
	}
	const { items } = await listAuskuenfte(sql, actor.orgId, 100, 0);
	return {
		values,
		orgName: actor.orgName,
		today: berlinDate(now()),
		auskuenfte: items.map((a) => ({ id: a.id, number: a.number, description: a.description.split('\n')[0]!.slice(0, 60), start: a.periodStart, end: a.periodEnd })),
		basemapStyleUrl: env.BASEMAP_STYLE_URL || OFFLINE_STYLE_URL
	};
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const actor = requireActor(locals);
		const form = await request.formData();
		const file = form.get('geometryFile');
		const fileText = file instanceof File && file.size > 0 ? await file.text() : null;
		const values = readForm(form, fileText);
		const body = createBody(values);
		if ('problems' in body) return fail(422, { values, problems: body.problems });
		const parsed = parseCreate(body.body, berlinDate(now()));
		if ('problems' in parsed) return fail(422, { values, problems: parsed.problems });
		const outcome = await createBaustelle(actor, parsed.fields);
		if (!outcome.ok) return fail(outcome.status, { values, problems: outcome.problems?.length ? outcome.problems : [{ field: 'form', message: outcome.message }] });
		redirect(303, `/baustellen/${outcome.value.id}`);
	}
};
