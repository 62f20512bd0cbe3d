import { fail } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { requireRole, requireVerifiedOrg } from '$lib/server/auth/guard';
import { berlinDate } from '$lib/server/auskunft/rules';
import { streetNames } from '$lib/server/auskunft/streets';
import { addYears } from '$lib/server/baustellen/dates';
import { changeMoratorium, createMoratorium, DEFAULT_EXEMPTIONS, getMoratorium, parseMoratorium, type Moratorium } from '$lib/server/baustellen/moratoria';
import { getAuthoritySettings } from '$lib/server/baustellen/settings';
import { moratoriumBody, moratoriumGroups, moratoriumValues, parseMoratoriumChange } from '$lib/server/koordination/aufbruchsperren';
import { OFFLINE_STYLE_URL } from '$lib/map/defaults';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { org } = requireRole(locals, 'kommune');
	const today = berlinDate(now());
	const settings = await getAuthoritySettings(sql, org.id);
	return {
		groups: await moratoriumGroups(sql, org.id, today),
		// the moratorium whose change form is open (?aendern=<id>): a link, so it works without JavaScript
		editing: url.searchParams.get('aendern'),
		defaults: { validFrom: today, validUntil: addYears(today, settings.moratoriumYears), exemptions: DEFAULT_EXEMPTIONS },
		streetNames: streetNames(),
		basemapStyleUrl: env.BASEMAP_STYLE_URL || OFFLINE_STYLE_URL,
		canEdit: org.verified
	};
};

function authority(locals: App.Locals) {
	const { user, org } = requireRole(locals, 'kommune');
	requireVerifiedOrg(locals);
	return { userId: user.id, orgId: org.id };
}

/** The org's own moratorium named in the form, or null (another org's is as good as unknown). */
async function own(form: FormData, orgId: string): Promise<Moratorium | null> {
	const m = await getMoratorium(sql, String(form.get('id') ?? ''));
	return m && m.authorityOrgId === orgId ? m : null;
}

async function affected(id: string): Promise<{ affected: number; blocking: number }> {
	const [r] = await sql<{ affected: number; blocking: number }[]>`
		select count(distinct baustelle_id)::int as affected, count(distinct baustelle_id) filter (where blocking)::int as blocking
		from baustelle_conflicts where moratorium_id = ${id}`;
	return r ?? { affected: 0, blocking: 0 };
}

function affectedText(n: { affected: number; blocking: number }): string {
	if (!n.affected) return 'Derzeit ist keine Baustelle betroffen.';
	const which = n.affected === 1 ? '1 Baustelle ist' : `${n.affected} Baustellen sind`;
	return `${which} betroffen${n.blocking ? `, ${n.blocking === 1 ? 'eine davon wird' : `${n.blocking} davon werden`} gesperrt` : ''}.`;
}

const NOT_FOUND = { message: 'Diese Aufbruchsperre gibt es nicht (mehr). Bitte die Seite neu laden.', error: true };

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const actor = authority(locals);
		const form = await request.formData();
		const { body, problems } = moratoriumBody(form);
		const parsed = parseMoratorium(body, berlinDate(now()));
		const all = [...problems, ...(parsed.ok ? [] : parsed.problems.filter((p) => !problems.some((q) => q.field === p.field)))];
		if (all.length || !parsed.ok) return fail(400, { create: true, values: moratoriumValues(form), problems: all });
		const at = now();
		const id = await sql.begin((tx) => createMoratorium(tx, actor, parsed.value, at));
		return { message: `Aufbruchsperre „${parsed.value.title}“ angelegt. ${affectedText(await affected(id))}`, created: id };
	},

	activate: async ({ locals, request }) => {
		const actor = authority(locals);
		const m = await own(await request.formData(), actor.orgId);
		if (!m) return fail(404, NOT_FOUND);
		if (m.status !== 'vorgeschlagen') return fail(409, { message: `„${m.title}“ ist kein Vorschlag mehr.`, error: true });
		await sql.begin((tx) => changeMoratorium(tx, actor, m, { status: 'aktiv' }, now()));
		return { message: `„${m.title}“ ist aktiv. ${affectedText(await affected(m.id))}` };
	},

	discard: async ({ locals, request }) => {
		const actor = authority(locals);
		const m = await own(await request.formData(), actor.orgId);
		if (!m) return fail(404, NOT_FOUND);
		if (m.status !== 'vorgeschlagen') return fail(409, { message: `„${m.title}“ ist kein Vorschlag mehr.`, error: true });
		await sql.begin((tx) => changeMoratorium(tx, actor, m, { status: 'aufgehoben' }, now()));
		return { message: `Vorschlag „${m.title}“ verworfen.` };
	},

	change: async ({ locals, request }) => {
		const actor = authority(locals);
		const form = await request.formData();
		const m = await own(form, actor.orgId);
		if (!m) return fail(404, NOT_FOUND);
		if (m.status === 'aufgehoben') return fail(409, { message: `„${m.title}“ ist aufgehoben und lässt sich nicht mehr ändern.`, error: true });
		const parsed = parseMoratoriumChange(form, m);
		if (!parsed.ok) return fail(400, { changeId: m.id, values: moratoriumValues(form), problems: parsed.problems });
		await sql.begin((tx) => changeMoratorium(tx, actor, m, parsed.value, now()));
		return { message: `„${m.title}“ geändert. ${affectedText(await affected(m.id))}`, changed: m.id };
	},

	lift: async ({ locals, request }) => {
		const actor = authority(locals);
		const m = await own(await request.formData(), actor.orgId);
		if (!m) return fail(404, NOT_FOUND);
		if (m.status !== 'aktiv') return fail(409, { message: `„${m.title}“ ist nicht aktiv.`, error: true });
		await sql.begin((tx) => changeMoratorium(tx, actor, m, { status: 'aufgehoben' }, now()));
		return { message: `„${m.title}“ aufgehoben. Die betroffenen Baustellen wurden neu geprüft.` };
	}
};
