import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { OrgContext, User } from '../accounts/types';
import { requireOrg, requireOrgAdmin, requirePlatformAdmin, requireRole, requireUser, requireVerifiedOrg } from './guard';

const user: User = { id: 'u1', email: 'a@b.de', name: 'A', phone: null, passwordChangedAt: new Date() };
const org = (o: Partial<OrgContext> = {}): OrgContext => ({
	id: 'o1',
	name: 'Bau',
	roles: ['bauunternehmen'],
	verified: true,
	membershipRole: 'member',
	...o
});
const locals = (l: Partial<App.Locals>): App.Locals => ({
	user: null,
	session: null,
	authVia: null,
	org: null,
	pendingOrgName: null,
	...l
});

function statusOf(fn: () => unknown): { status: number; code?: string } | 'passed' {
	try {
		fn();
		return 'passed';
	} catch (e) {
		if (!isHttpError(e)) throw e;
		return { status: e.status, code: e.body.code };
	}
}

describe('guards', () => {
	it('401 without a user', () => {
		expect(statusOf(() => requireUser(locals({})))).toEqual({ status: 401, code: 'unauthenticated' });
	});

	it('403 while a join request is pending', () => {
		expect(statusOf(() => requireOrg(locals({ user, pendingOrgName: 'SW' })))).toEqual({ status: 403, code: 'no_organisation' });
	});

	it('403 for the wrong role', () => {
		expect(statusOf(() => requireRole(locals({ user, org: org() }), 'netzbetreiber'))).toEqual({ status: 403, code: 'forbidden_role' });
		expect(statusOf(() => requireRole(locals({ user, org: org() }), 'netzbetreiber', 'bauunternehmen'))).toBe('passed');
	});

	it('keeps line data from unverified organisations', () => {
		expect(statusOf(() => requireVerifiedOrg(locals({ user, org: org({ verified: false }) })))).toEqual({
			status: 403,
			code: 'org_unverified'
		});
		expect(statusOf(() => requireVerifiedOrg(locals({ user, org: org() })))).toBe('passed');
	});

	it('org admin and platform admin are separate things', () => {
		expect(statusOf(() => requireOrgAdmin(locals({ user, org: org() })))).toMatchObject({ status: 403 });
		expect(statusOf(() => requireOrgAdmin(locals({ user, org: org({ membershipRole: 'admin' }) })))).toBe('passed');
		expect(statusOf(() => requirePlatformAdmin(locals({ user, org: org({ membershipRole: 'admin' }) })))).toMatchObject({ status: 403 });
		expect(statusOf(() => requirePlatformAdmin(locals({ user, org: org({ roles: ['plattform'] }) })))).toBe('passed');
		expect(statusOf(() => requirePlatformAdmin(locals({ user, org: org({ roles: ['plattform'], verified: false }) })))).toMatchObject({
			status: 403
		});
	});
});
