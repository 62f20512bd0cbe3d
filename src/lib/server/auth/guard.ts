/**
 * @module auth/guard
 * Guards for loads, actions and endpoints — who first, then what. They throw Kit errors with a stable
 * `code`; API endpoints turn them into the v1 JSON shape (http/api.ts), pages render +error.svelte.
 * 404 (not 403) for other organisations' objects: their existence is nobody else's business.
 */
import { error } from '@sveltejs/kit';
import type { OrgRole } from '$lib/roles';
import type { OrgContext, User } from '../accounts/types';

export function requireUser(locals: App.Locals): User {
	if (!locals.user) error(401, { code: 'unauthenticated', message: 'Bitte melden Sie sich an.' });
	return locals.user;
}

export function requireOrg(locals: App.Locals): { user: User; org: OrgContext } {
	const user = requireUser(locals);
	if (!locals.org) {
		error(403, {
			code: 'no_organisation',
			message: locals.pendingOrgName
				? `Ihre Beitrittsanfrage bei „${locals.pendingOrgName}“ ist noch nicht bestätigt.`
				: 'Ihr Konto gehört keiner Organisation an.'
		});
	}
	return { user, org: locals.org };
}

export function requireRole(locals: App.Locals, ...roles: OrgRole[]): { user: User; org: OrgContext } {
	const ctx = requireOrg(locals);
	if (!roles.some((r) => ctx.org.roles.includes(r))) {
		error(403, { code: 'forbidden_role', message: 'Diese Funktion steht Ihrer Organisation nicht zur Verfügung.' });
	}
	return ctx;
}

/** Line data goes only to organisations a platform admin has checked. */
export function requireVerifiedOrg(locals: App.Locals): { user: User; org: OrgContext } {
	const ctx = requireOrg(locals);
	if (!ctx.org.verified) {
		error(403, {
			code: 'org_unverified',
			message: 'Ihre Organisation ist noch nicht verifiziert. Leitungsdaten gibt es erst nach der Prüfung durch den Plattformbetrieb.'
		});
	}
	return ctx;
}

export function requireOrgAdmin(locals: App.Locals): { user: User; org: OrgContext } {
	const ctx = requireOrg(locals);
	if (ctx.org.membershipRole !== 'admin') {
		error(403, { code: 'forbidden_org_admin', message: 'Nur Administratoren Ihrer Organisation dürfen das.' });
	}
	return ctx;
}

export function requirePlatformAdmin(locals: App.Locals): { user: User; org: OrgContext } {
	const ctx = requireRole(locals, 'plattform');
	if (!ctx.org.verified) error(403, { code: 'forbidden_role', message: 'Nur der Plattformbetrieb darf das.' });
	return ctx;
}

export function notFound(what = 'Objekt'): never {
	error(404, { code: 'not_found', message: `${what} nicht gefunden.` });
}
