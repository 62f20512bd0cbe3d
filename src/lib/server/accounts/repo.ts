/**
 * @module accounts/repo
 * Users, organisations, memberships: all their SQL. Rows are mapped to domain types here;
 * "not found" is null.
 */
import type { Db } from '../db';
import type { MembershipRole, OrgRole } from '$lib/roles';
import type { Membership, Org, OrgContext, User } from './types';
import { isUuid } from '$lib/uuid';

interface UserRow {
	id: string;
	email: string;
	name: string;
	phone: string | null;
	password_changed_at: Date;
}
interface OrgRow {
	id: string;
	name: string;
	roles: OrgRole[];
	verified_at: Date | null;
	created_at: Date;
}

const toUser = (r: UserRow): User => ({
	id: r.id,
	email: r.email,
	name: r.name,
	phone: r.phone,
	passwordChangedAt: r.password_changed_at
});
const toOrg = (r: OrgRow): Org => ({
	id: r.id,
	name: r.name,
	roles: r.roles,
	verifiedAt: r.verified_at,
	createdAt: r.created_at
});

export async function insertUser(
	db: Db,
	u: { email: string; name: string; phone?: string | null; passwordHash: string }
): Promise<User> {
	const [row] = await db<UserRow[]>`insert into users (email, name, phone, password_hash)
		values (${u.email}, ${u.name}, ${u.phone ?? null}, ${u.passwordHash})
		returning id, email, name, phone, password_changed_at`;
	return toUser(row!);
}

export async function findUserById(db: Db, id: string): Promise<User | null> {
	const [row] = await db<UserRow[]>`select id, email, name, phone, password_changed_at from users where id = ${id}`;
	return row ? toUser(row) : null;
}

export async function findCredentialsByEmail(
	db: Db,
	email: string
): Promise<{ user: User; passwordHash: string } | null> {
	const [row] = await db<(UserRow & { password_hash: string })[]>`
		select id, email, name, phone, password_changed_at, password_hash from users where lower(email) = lower(${email})`;
	return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

export async function getPasswordHash(db: Db, userId: string): Promise<string | null> {
	const [row] = await db<{ password_hash: string }[]>`select password_hash from users where id = ${userId}`;
	return row?.password_hash ?? null;
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
	const [row] = await db`select 1 from users where lower(email) = lower(${email})`;
	return Boolean(row);
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string, at: Date): Promise<void> {
	await db`update users set password_hash = ${passwordHash}, password_changed_at = ${at} where id = ${userId}`;
}

export async function insertOrg(db: Db, o: { name: string; roles: OrgRole[]; verifiedAt?: Date | null }): Promise<Org> {
	const [row] = await db<OrgRow[]>`insert into organisations (name, roles, verified_at)
		-- role names are a closed set without commas; postgres.js's array parameters proved unreliable here
		values (${o.name}, string_to_array(${o.roles.join(',')}, ','), ${o.verifiedAt ?? null})
		returning id, name, roles, verified_at, created_at`;
	return toOrg(row!);
}

export async function findOrgById(db: Db, id: string): Promise<Org | null> {
	if (!isUuid(id)) return null;
	const [row] = await db<OrgRow[]>`select id, name, roles, verified_at, created_at from organisations where id = ${id}`;
	return row ? toOrg(row) : null;
}

export async function findOrgByName(db: Db, name: string): Promise<Org | null> {
	const [row] = await db<OrgRow[]>`select id, name, roles, verified_at, created_at
		from organisations where lower(name) = lower(${name})`;
	return row ? toOrg(row) : null;
}

/** Verified organisations a person may ask to join (names only are shown). */
export async function listJoinableOrgs(db: Db): Promise<Pick<Org, 'id' | 'name'>[]> {
	return db<{ id: string; name: string }[]>`select id, name from organisations
		where verified_at is not null and not ('plattform' = any(roles)) order by name`;
}

export interface OrgWithAdmins extends Org {
	memberCount: number;
	adminEmails: string[];
}

export async function listOrgs(db: Db, filter: 'unverified' | 'all'): Promise<OrgWithAdmins[]> {
	const rows = await db<(OrgRow & { member_count: string; admin_emails: string[] })[]>`
		select o.id, o.name, o.roles, o.verified_at, o.created_at,
			count(m.user_id) filter (where m.status = 'active') as member_count,
			coalesce(array_agg(u.email order by u.email) filter (where m.role = 'admin' and m.status = 'active'), '{}') as admin_emails
		from organisations o
		left join memberships m on m.org_id = o.id
		left join users u on u.id = m.user_id
		${filter === 'unverified' ? db`where o.verified_at is null` : db``}
		group by o.id
		order by o.verified_at is not null, o.created_at desc`;
	return rows.map((r) => ({ ...toOrg(r), memberCount: Number(r.member_count), adminEmails: r.admin_emails }));
}

export async function markOrgVerified(db: Db, orgId: string, by: string, at: Date): Promise<boolean> {
	const result = await db`update organisations set verified_at = ${at}, verified_by = ${by}
		where id = ${orgId} and verified_at is null`;
	return result.count === 1;
}

export async function insertMembership(db: Db, m: Membership): Promise<void> {
	await db`insert into memberships (user_id, org_id, role, status)
		values (${m.userId}, ${m.orgId}, ${m.role}, ${m.status})`;
}

export async function findMembership(db: Db, userId: string): Promise<(Membership & { orgName: string }) | null> {
	const [row] = await db<{ user_id: string; org_id: string; role: MembershipRole; status: 'active' | 'pending'; org_name: string }[]>`
		select m.user_id, m.org_id, m.role, m.status, o.name as org_name
		from memberships m join organisations o on o.id = m.org_id where m.user_id = ${userId}`;
	return row ? { userId: row.user_id, orgId: row.org_id, role: row.role, status: row.status, orgName: row.org_name } : null;
}

/** The org context of an active membership, or null. */
export async function findOrgContext(db: Db, userId: string): Promise<OrgContext | null> {
	const [row] = await db<(OrgRow & { membership_role: MembershipRole })[]>`
		select o.id, o.name, o.roles, o.verified_at, o.created_at, m.role as membership_role
		from memberships m join organisations o on o.id = m.org_id
		where m.user_id = ${userId} and m.status = 'active'`;
	if (!row) return null;
	return { id: row.id, name: row.name, roles: row.roles, verified: row.verified_at !== null, membershipRole: row.membership_role };
}

export interface MemberListItem {
	userId: string;
	name: string;
	email: string;
	role: MembershipRole;
	status: 'active' | 'pending';
	since: Date;
}

export async function listMembers(db: Db, orgId: string): Promise<MemberListItem[]> {
	const rows = await db<{ user_id: string; name: string; email: string; role: MembershipRole; status: 'active' | 'pending'; created_at: Date }[]>`
		select m.user_id, u.name, u.email, m.role, m.status, m.created_at
		from memberships m join users u on u.id = m.user_id
		where m.org_id = ${orgId} order by m.status desc, u.name`;
	return rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, role: r.role, status: r.status, since: r.created_at }));
}

export async function updateMembership(
	db: Db,
	orgId: string,
	userId: string,
	change: { role?: MembershipRole; status?: 'active' }
): Promise<boolean> {
	const result = await db`update memberships set
		role = coalesce(${change.role ?? null}, role), status = coalesce(${change.status ?? null}, status)
		where org_id = ${orgId} and user_id = ${userId}`;
	return result.count === 1;
}

export async function deleteMembership(db: Db, orgId: string, userId: string): Promise<boolean> {
	const result = await db`delete from memberships where org_id = ${orgId} and user_id = ${userId}`;
	return result.count === 1;
}

export async function countActiveAdmins(db: Db, orgId: string): Promise<number> {
	const [row] = await db<{ n: string }[]>`select count(*) as n from memberships
		where org_id = ${orgId} and role = 'admin' and status = 'active'`;
	return Number(row!.n);
}
