/**
 * @module notifications/repo
 * The in-app inbox of an organisation. Read or unread is per organisation, not per person: the inbox is
 * the org's shared desk (one colleague takes care of it, the others see it done).
 */
import type { Db } from '../db';
import type { EventType } from './events';
import { isUuid } from '$lib/uuid';

export interface Notification {
	id: string;
	orgId: string;
	kind: EventType;
	title: string;
	body: string;
	link: string | null;
	subjectId: string | null;
	createdAt: Date;
	readAt: Date | null;
}

interface NotificationRow {
	id: string;
	org_id: string;
	kind: string;
	title: string;
	body: string;
	link: string | null;
	subject_id: string | null;
	created_at: Date;
	read_at: Date | null;
}

const toNotification = (r: NotificationRow): Notification => ({
	id: r.id,
	orgId: r.org_id,
	kind: r.kind as EventType,
	title: r.title,
	body: r.body,
	link: r.link,
	subjectId: r.subject_id,
	createdAt: r.created_at,
	readAt: r.read_at
});

export async function insertNotification(
	tx: Db,
	n: { orgId: string; kind: EventType; title: string; body: string; link: string | null; subjectId: string | null; createdAt: Date }
): Promise<void> {
	await tx`insert into notifications (org_id, kind, title, body, link, subject_id, created_at)
		values (${n.orgId}, ${n.kind}, ${n.title}, ${n.body}, ${n.link}, ${n.subjectId}, ${n.createdAt})`;
}

export async function countUnread(db: Db, orgId: string): Promise<number> {
	const [row] = await db<{ n: number }[]>`select count(*)::int as n from notifications where org_id = ${orgId} and read_at is null`;
	return row!.n;
}

export async function listNotifications(
	db: Db,
	orgId: string,
	limit: number,
	offset: number
): Promise<{ items: Notification[]; total: number; unread: number }> {
	const [counts] = await db<{ total: number; unread: number }[]>`select count(*)::int as total,
		count(*) filter (where read_at is null)::int as unread from notifications where org_id = ${orgId}`;
	const rows = await db<NotificationRow[]>`select * from notifications where org_id = ${orgId}
		order by created_at desc, id desc limit ${limit} offset ${offset}`;
	return { items: rows.map(toNotification), total: counts!.total, unread: counts!.unread };
}

export async function findNotification(db: Db, orgId: string, id: string): Promise<Notification | null> {
	if (!isUuid(id)) return null;
	const [row] = await db<NotificationRow[]>`select * from notifications where id = ${id} and org_id = ${orgId}`;
	return row ? toNotification(row) : null;
}

/** Marks the given ones (null = all) as read; ids of other orgs or unknown ids are simply not matched. */
export async function markRead(db: Db, orgId: string, ids: string[] | null, at: Date): Promise<number> {
	if (ids) {
		const valid = ids.filter((id) => isUuid(id));
		if (!valid.length) return 0;
		const result = await db`update notifications set read_at = ${at}
			where org_id = ${orgId} and read_at is null and id = any(string_to_array(${valid.join(',')}, ',')::uuid[])`;
		return result.count;
	}
	const result = await db`update notifications set read_at = ${at} where org_id = ${orgId} and read_at is null`;
	return result.count;
}
