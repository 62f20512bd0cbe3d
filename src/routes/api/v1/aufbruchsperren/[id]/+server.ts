import { json } from '@sveltejs/kit';
import { EXEMPTIONS, type Exemption } from '$lib/baustellen';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { endpoint, readJson, apiErrorResponse } from '$lib/server/http/api';
import { notFound, requireRole, requireVerifiedOrg } from '$lib/server/auth/guard';
import { changeMoratorium, getMoratorium, type MoratoriumMode, type MoratoriumStatus } from '$lib/server/baustellen/moratoria';
import { isDate } from '$lib/server/baustellen/input';
import { moratoriumJson } from '$lib/server/baustellen/present-moratorium';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const { org } = requireRole(locals, 'kommune');
	const m = await getMoratorium(sql, params.id);
	if (!m || m.authorityOrgId !== org.id) notFound('Aufbruchsperre');
	return json(moratoriumJson(m));
});

/** PATCH `{ status?: aktiv|aufgehoben, validUntil?, mode?, exemptions?, legalBasis? }` → activate a proposal, lift, change. */
export const PATCH: RequestHandler = endpoint(async ({ locals, params, request }) => {
	const { user, org } = requireRole(locals, 'kommune');
	requireVerifiedOrg(locals);
	const m = await getMoratorium(sql, params.id);
	if (!m || m.authorityOrgId !== org.id) notFound('Aufbruchsperre');
	const b = (await readJson(request)) as Record<string, unknown>;
	const problems: { field: string; message: string }[] = [];
	if (b.status !== undefined && b.status !== 'aktiv' && b.status !== 'aufgehoben') problems.push({ field: 'status', message: 'Status bitte „aktiv“ oder „aufgehoben“.' });
	if (b.validUntil !== undefined && (!isDate(b.validUntil) || b.validUntil < m.validFrom)) problems.push({ field: 'validUntil', message: 'Das Ende muss ein Datum nach dem Beginn sein (JJJJ-MM-TT).' });
	if (b.mode !== undefined && b.mode !== 'warnung' && b.mode !== 'sperre') problems.push({ field: 'mode', message: 'Wirkung bitte „warnung“ oder „sperre“.' });
	if (b.exemptions !== undefined && (!Array.isArray(b.exemptions) || b.exemptions.some((e) => !EXEMPTIONS.includes(e as Exemption) || e === 'keine'))) {
		problems.push({ field: 'exemptions', message: `Ausnahmen bitte als Liste aus: ${EXEMPTIONS.filter((e) => e !== 'keine').join(', ')}.` });
	}
	if (problems.length) return apiErrorResponse(422, 'validation', 'Die Änderung ist fehlerhaft.', problems);
	const at = now();
	await sql.begin((tx) =>
		changeMoratorium(
			tx,
			{ userId: user.id, orgId: org.id },
			m,
			{
				status: b.status as MoratoriumStatus | undefined,
				validUntil: b.validUntil as string | undefined,
				mode: b.mode as MoratoriumMode | undefined,
				exemptions: b.exemptions as Exemption[] | undefined,
				legalBasis: typeof b.legalBasis === 'string' ? b.legalBasis.trim().slice(0, 300) : undefined
			},
			at
		)
	);
	return json(moratoriumJson((await getMoratorium(sql, m.id))!));
});
