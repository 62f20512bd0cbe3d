import { fail, redirect } from '@sveltejs/kit';
import { checkLogin } from '$lib/server/auth/login';
import { clientInfo, safeNext, startBrowserSession } from '$lib/server/auth/browser';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { loggedOut: url.searchParams.has('abgemeldet'), registered: url.searchParams.has('registriert') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		if (!email || !password) {
			return fail(400, { email, message: 'Bitte E-Mail-Adresse und Passwort eingeben.' });
		}
		const result = await checkLogin({ email, password, ...clientInfo(event), via: 'session' });
		if (!result.ok && result.reason === 'rate_limited') {
			event.setHeaders({ 'retry-after': String(result.retryAfter) });
			const minutes = Math.ceil(result.retryAfter / 60);
			return fail(429, {
				email,
				message: `Zu viele fehlgeschlagene Anmeldungen. Bitte in ${minutes} Minute${minutes === 1 ? '' : 'n'} erneut versuchen.`
			});
		}
		if (!result.ok) return fail(400, { email, message: 'E-Mail-Adresse oder Passwort ist falsch.' });
		await startBrowserSession(event, result.user.id);
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
