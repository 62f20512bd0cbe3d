/**
 * @module accounts/service
 * What people do with accounts: register, join, verify, manage members, change the password.
 * Every change and its audit entry commit together or not at all.
 */
import type { MembershipRole } from '$lib/roles';
import { sql } from '../db';
import { now } from '../clock';
import { appendAudit } from '../audit/repo';
import { hashPassword, checkPasswordPolicy, verifyPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import * as repo from './repo';
import type { User } from './types';
import { selectedRoles, validateRegistration, type FieldErrors, type RegistrationInput } from './validate';

export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors & { form?: string } };

export interface Personal {
	ip: string;
	userAgent: string | null;
}

export async function register(
	input: RegistrationInput,
	personal: Personal
): Promise<Outcome<{ user: User; joinPending: boolean }>> {
	const errors = validateRegistration(input);
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const passwordHash = await hashPassword(input.password);
	return sql.begin(async (tx): Promise<Outcome<{ user: User; joinPending: boolean }>> => {
		if (await repo.emailTaken(tx, input.email)) {
			return { ok: false, errors: { email: 'Für diese E-Mail-Adresse gibt es schon ein Konto. Bitte melden Sie sich an.' } };
		}
		let orgId: string;
		if (input.mode === 'neu') {
			if (await repo.findOrgByName(tx, input.orgName)) {
				return {
					ok: false,
					errors: { orgName: 'Diese Organisation ist schon registriert. Wählen Sie „Bestehender Organisation beitreten“.' }
				};
			}
			orgId = (await repo.insertOrg(tx, { name: input.orgName, roles: selectedRoles(input) })).id;
		} else {
			const org = await repo.findOrgById(tx, input.joinOrgId);
			if (!org || !org.verifiedAt || org.roles.includes('plattform')) {
				return { ok: false, errors: { joinOrgId: 'Diese Organisation gibt es nicht oder sie nimmt keine Beitritte an.' } };
			}
			orgId = org.id;
		}
		const user = await repo.insertUser(tx, { email: input.email, name: input.name, phone: input.phone || null, passwordHash });
		const joinPending = input.mode === 'beitreten';
		await repo.insertMembership(tx, {
			userId: user.id,
			orgId,
			role: joinPending ? 'member' : 'admin',
			status: joinPending ? 'pending' : 'active'
		});
		await appendAudit(tx, {
			action: joinPending ? 'membership.requested' : 'org.registered',
			actorUser: user.id,
			actorOrg: orgId,
			subject: orgId,
			data: joinPending ? {} : { roles: selectedRoles(input) },
			personal: { ...personal, email: user.email }
		});
		return { ok: true, value: { user, joinPending } };
	});
}

/** Platform admin confirms an organisation; false when unknown or already verified. */
export async function verifyOrg(orgId: string, admin: { userId: string; orgId: string }): Promise<boolean> {
	return sql.begin(async (tx) => {
		const done = await repo.markOrgVerified(tx, orgId, admin.userId, now());
		if (done) {
			await appendAudit(tx, { action: 'org.verified', actorUser: admin.userId, actorOrg: admin.orgId, subject: orgId });
		}
		return done;
	});
}

export interface MemberChange {
	orgId: string;
	actorUserId: string;
	userId: string;
}

export async function approveMember(c: MemberChange): Promise<boolean> {
	return sql.begin(async (tx) => {
		const membership = await repo.findMembership(tx, c.userId);
		if (!membership || membership.orgId !== c.orgId || membership.status !== 'pending') return false;
		await repo.updateMembership(tx, c.orgId, c.userId, { status: 'active' });
		await appendAudit(tx, { action: 'membership.approved', actorUser: c.actorUserId, actorOrg: c.orgId, subject: c.userId });
		return true;
	});
}

/** German reason when refused, null when done. An organisation always keeps one active admin. */
export async function changeMemberRole(c: MemberChange & { role: MembershipRole }): Promise<string | null> {
	return sql.begin(async (tx) => {
		const membership = await repo.findMembership(tx, c.userId);
		if (!membership || membership.orgId !== c.orgId || membership.status !== 'active') return 'Mitglied nicht gefunden.';
		if (membership.role === c.role) return null;
		if (membership.role === 'admin' && (await repo.countActiveAdmins(tx, c.orgId)) <= 1) {
			return 'Die Organisation braucht mindestens einen Administrator. Ernennen Sie zuerst einen anderen.';
		}
		await repo.updateMembership(tx, c.orgId, c.userId, { role: c.role });
		await appendAudit(tx, {
			action: 'membership.role_changed',
			actorUser: c.actorUserId,
			actorOrg: c.orgId,
			subject: c.userId,
			data: { role: c.role }
		});
		return null;
	});
}

/** Removes a member or refuses a join request; their sessions end at once. */
export async function removeMember(c: MemberChange): Promise<string | null> {
	return sql.begin(async (tx) => {
		const membership = await repo.findMembership(tx, c.userId);
		if (!membership || membership.orgId !== c.orgId) return 'Mitglied nicht gefunden.';
		if (membership.role === 'admin' && membership.status === 'active' && (await repo.countActiveAdmins(tx, c.orgId)) <= 1) {
			return 'Der letzte Administrator kann nicht entfernt werden.';
		}
		await repo.deleteMembership(tx, c.orgId, c.userId);
		await invalidateUserSessions(tx, c.userId);
		await appendAudit(tx, {
			action: membership.status === 'pending' ? 'membership.refused' : 'membership.removed',
			actorUser: c.actorUserId,
			actorOrg: c.orgId,
			subject: c.userId
		});
		return null;
	});
}

/**
 * Changes the password after checking the current one, and ends every other session of the user
 * (someone who knew the old password may hold one). The caller's own session stays.
 */
export async function changePassword(args: {
	user: User;
	orgId: string | null;
	keepSessionId: string | null;
	current: string;
	next: string;
	repeat: string;
}): Promise<FieldErrors & { current?: string; next?: string; repeat?: string }> {
	const stored = await repo.getPasswordHash(sql, args.user.id);
	if (!stored || !(await verifyPassword(stored, args.current))) return { current: 'Das aktuelle Passwort stimmt nicht.' };
	const policy = checkPasswordPolicy(args.next, args.user);
	if (policy) return { next: policy };
	if (args.next !== args.repeat) return { repeat: 'Die beiden neuen Passwörter stimmen nicht überein.' };
	if (args.next === args.current) return { next: 'Das neue Passwort muss sich vom bisherigen unterscheiden.' };
	const passwordHash = await hashPassword(args.next);
	await sql.begin(async (tx) => {
		await repo.updatePasswordHash(tx, args.user.id, passwordHash, now());
		const ended = await invalidateUserSessions(tx, args.user.id, args.keepSessionId);
		await appendAudit(tx, {
			action: 'password.changed',
			actorUser: args.user.id,
			actorOrg: args.orgId,
			data: { sessionsEnded: ended }
		});
	});
	return {};
}
