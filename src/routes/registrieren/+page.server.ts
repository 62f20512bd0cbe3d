import { fail, redirect } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { config } from '$lib/server/config';
import { listJoinableOrgs } from '$lib/server/accounts/repo';
import { register } from '$lib/server/accounts/service';
import { readRegistrationForm } from '$lib/server/accounts/validate';
import { clientInfo, startBrowserSession } from '$lib/server/auth/browser';
import { recordEvent, retryAfter } from '$lib/server/auth/rate-limit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, '/');
	return { orgs: await listJoinableOrgs(sql) };
};

export const actions: Actions = {
	default: async (event) => {
		const input = readRegistrationForm(await event.request.formData());
		const { password: _p, passwordRepeat: _r, ...values } = input;
		const info = clientInfo(event);
		const limit = { max: config.registerMaxPerHour, windowSeconds: 3600 };
		const wait = await retryAfter(sql, 'register-ip', info.ip, limit);
		if (wait > 0) {
			event.setHeaders({ 'retry-after': String(wait) });
			return fail(429, { values, errors: { form: 'Zu viele Registrierungen von diesem Anschluss. Bitte später erneut versuchen.' } });
		}
		const outcome = await register(input, info);
		if (!outcome.ok) return fail(400, { values, errors: outcome.errors });
		await recordEvent(sql, 'register-ip', info.ip, limit);
		await startBrowserSession(event, outcome.value.user.id);
		redirect(303, '/?willkommen');
	}
};
