import { fail, redirect } from '@sveltejs/kit';
import { readFileSync, rmSync } from 'node:fs';
import { env } from '$env/dynamic/private';
import { sql } from '$lib/server/db';
import { config } from '$lib/server/config';
import { now } from '$lib/server/clock';
import { requireRole } from '$lib/server/auth/guard';
import { OFFLINE_STYLE_URL } from '$lib/map/defaults';
import { receiveUpload } from '$lib/server/http/upload';
import { TMP_DIR } from '$lib/server/layers/storage';
import { requireRequester } from '$lib/server/auskunft/access';
import { parseAuskunftInput } from '$lib/server/auskunft/input';
import { createAuskunft } from '$lib/server/auskunft/service';
import { streetNames } from '$lib/server/auskunft/streets';
import { berlinDate } from '$lib/server/auskunft/rules';
import { recordEvent, retryAfter } from '$lib/server/auth/rate-limit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	requireRole(locals, 'bauunternehmen', 'planungsbuero', 'netzbetreiber', 'kommune');
	return {
		// BASEMAP_STYLE_URL: a Mapbox GL style for production (e.g. basemap.de Web Vektor); unset → the
		// offline style the app serves from its own street data
		basemapStyleUrl: env.BASEMAP_STYLE_URL || OFFLINE_STYLE_URL,
		streetNames: streetNames()
	};
};

/** The area from the drawn map (hidden field) or, without JavaScript, from an uploaded GeoJSON file. */
function areaOf(fields: Record<string, string>, fileText: string | null): unknown {
	const raw = fields.geometry || fileText;
	if (!raw) return null;
	try {
		const j = JSON.parse(raw) as { type?: string; geometry?: unknown; features?: { geometry: unknown }[] };
		if (j.type === 'Feature') return j.geometry;
		if (j.type === 'FeatureCollection') return j.features?.length === 1 ? j.features[0]!.geometry : null;
		return j;
	} catch {
		return null;
	}
}

export const actions: Actions = {
	request: async ({ locals, request, url }) => {
		const requester = requireRequester(locals);
		const upload = await receiveUpload(request, { maxBytes: 5_000_000, tmpDir: TMP_DIR, fileField: 'areaFile' });
		let fileText: string | null = null;
		if (upload.file) {
			if (upload.file.size > 0) fileText = readFileSync(upload.file.path, 'utf8');
			rmSync(upload.file.path, { force: true });
		}
		const f = upload.fields;
		const values = Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'geometry'));
		if (f.interesse !== 'on') {
			return fail(400, { values, problems: [{ field: 'interesse', message: 'Bitte das berechtigte Interesse bestätigen.' }] });
		}
		const limit = { max: config.auskunftMaxPerHour, windowSeconds: 3600 };
		if ((await retryAfter(sql, 'auskunft-user', requester.userId, limit)) > 0) {
			return fail(429, { values, problems: [{ field: 'form', message: `Zu viele Auskünfte in kurzer Zeit (höchstens ${limit.max} je Stunde). Bitte später erneut versuchen.` }] });
		}
		const body = {
			type: f.type,
			workClass: f.workClass,
			geometry: areaOf(f, fileText),
			period: { start: f.periodStart, end: f.periodEnd },
			description: f.description,
			reference: f.reference,
			site: Object.fromEntries(Object.entries(f).filter(([k]) => k.startsWith('site.')).map(([k, v]) => [k.slice(5), v]))
		};
		const parsed = parseAuskunftInput(body, berlinDate(now()));
		if ('problems' in parsed) return fail(422, { values, problems: parsed.problems });
		const outcome = await createAuskunft(requester, parsed.input, { idempotencyKey: null, origin: url.origin });
		if (outcome.status === 'invalid') return fail(422, { values, problems: outcome.problems });
		await recordEvent(sql, 'auskunft-user', requester.userId, limit);
		redirect(303, `/auskunft/${outcome.auskunft.id}`);
	}
};
