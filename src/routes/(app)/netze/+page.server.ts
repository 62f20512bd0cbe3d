import { fail, redirect } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { requireOperator } from '$lib/server/layers/access';
import { listLayers } from '$lib/server/layers/repo';
import { createLayer } from '$lib/server/layers/service';
import { getCoverage } from '$lib/server/layers/coverage';
import { getSettings } from '$lib/server/operators/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { org } = requireRole(locals, 'netzbetreiber');
	const [layers, settings, coverage] = await Promise.all([listLayers(sql, org.id), getSettings(sql, org.id), getCoverage(sql, org.id)]);
	return {
		verified: org.verified,
		layers,
		settingsComplete: Boolean(settings.updatedAt && settings.contacts.stoerung.phone),
		coverage: coverage ? { source: coverage.source, updatedAt: coverage.updatedAt } : null
	};
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const actor = requireOperator(locals);
		const form = await request.formData();
		const raw = String(form.get('requestBufferM') ?? '').trim();
		const values = { name: String(form.get('name') ?? ''), network: String(form.get('network') ?? ''), requestBufferM: raw };
		const buffer = raw === '' ? null : Number(raw.replace(',', '.'));
		const result = await createLayer(actor, { ...values, requestBufferM: buffer === null || Number.isNaN(buffer) ? (raw ? -1 : null) : buffer });
		if ('errors' in result) return fail(400, { values, errors: result.errors });
		redirect(303, `/netze/${result.layer.id}`);
	}
};
