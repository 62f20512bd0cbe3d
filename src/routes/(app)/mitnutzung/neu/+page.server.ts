import { fail, redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { sql } from '$lib/server/db';
import { config } from '$lib/server/config';
import { now } from '$lib/server/clock';
import { OFFLINE_STYLE_URL } from '$lib/map/defaults';
import { berlinDate } from '$lib/server/auskunft/rules';
import { recordEvent, retryAfter } from '$lib/server/auth/rate-limit';
import { requirePlanner } from '$lib/server/mitnutzung/access';
import { parseMitnutzung } from '$lib/server/mitnutzung/input';
import { checkRoute } from '$lib/server/mitnutzung/service';
import { readForm, requestBody } from './form-body';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	requirePlanner(locals);
	return {
		today: berlinDate(now()),
		basemapStyleUrl: env.BASEMAP_STYLE_URL || OFFLINE_STYLE_URL
	};
};

export const actions: Actions = {
	check: async ({ locals, request }) => {
		const requester = requirePlanner(locals);
		const form = await request.formData();
		const file = form.get('routeFile');
		const fileText = file instanceof File && file.size > 0 ? await file.text() : null;
		const values = readForm(form, fileText);
		const body = requestBody(values);
		if ('problems' in body) return fail(400, { values, problems: body.problems });
		const parsed = parseMitnutzung(body.body, berlinDate(now()));
		if ('problems' in parsed) return fail(400, { values, problems: parsed.problems });

		// the same budget as POST /api/v1/mitnutzung: one counter per user for page and API
		const limit = { max: config.mitnutzungMaxPerHour, windowSeconds: 3600 };
		const wait = await retryAfter(sql, 'mitnutzung-user', requester.userId, limit);
		if (wait > 0) {
			const message = `Zu viele Prüfungen in kurzer Zeit (höchstens ${limit.max} je Stunde). Bitte in ${Math.ceil(wait / 60)} Minute(n) erneut versuchen.`;
			return fail(429, { values, problems: [{ field: 'form', message }] });
		}
		const outcome = await checkRoute(requester, parsed.input);
		if (!outcome.ok) {
			const problems = outcome.problems.length ? outcome.problems : [{ field: 'form', message: outcome.message }];
			return fail(outcome.status === 422 ? 400 : outcome.status, { values, problems });
		}
		await recordEvent(sql, 'mitnutzung-user', requester.userId, limit);
		redirect(303, `/mitnutzung/${outcome.check.id}`);
	}
};
