import type { MembershipRole, OrgRole } from '$lib/roles';

export interface User {
	id: string;
	email: string;
	name: string;
	phone: string | null;
	passwordChangedAt: Date;
}

export interface Org {
	id: string;
	name: string;
	roles: OrgRole[];
	verifiedAt: Date | null;
	createdAt: Date;
}

export interface Membership {
	userId: string;
	orgId: string;
	role: MembershipRole;
	status: 'active' | 'pending';
}

/** What a request knows about the caller's organisation (null while a join request is pending). */
export interface OrgContext {
	id: string;
	name: string;
	roles: OrgRole[];
	verified: boolean;
	membershipRole: MembershipRole;
}
