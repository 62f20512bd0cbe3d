import { fail } from '@sveltejs/kit';
import { sql } from '$lib/server/db';
import { now } from '$lib/server/clock';
import { requireOrg } from '$lib/server/auth/guard';
import { listNotifications, markRead } from '$lib/server/notifications/repo';
import { EVENT_LABELS } from '$lib/server/notifications/events';
import { safeAppPath } from '$lib/server/notifications/present';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 30;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { org } = requireOrg(locals);
	const page = Math.max(1, Math.trunc(Number(url.searchParams.get('seite') ?? 1)) || 1);
	const list = await listNotifications(sql, org.id, PAGE_SIZE, (page - 1) * PAGE_SIZE);
	return {
		items: list.items.map((n) => ({
			id: n.id,
			label: EVENT_LABELS[n.kind] ?? n.kind,
			title: n.title,
			body: n.body,
			hasLink: safeAppPath(n.link) !== null,
			createdAt: n.createdAt,
			read: n.readAt !== null
		})),
		total: list.total,
		unread: list.unread,
		page,
		pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE))
	};
};

export const actions: Actions = {
	gelesen: async ({ locals, request }) => {
		const { org } = requireOrg(locals);
		const id = String((await request.formData()).get('id') ?? '');
		if (!(await markRead(sql, org.id, [id], now()))) return fail(404, { message: 'Diese Benachrichtigung gibt es nicht oder sie ist schon gelesen.' });
		return { message: 'Als gelesen markiert.' };
	},
	alle: async ({ locals }) => {
		const { org } = requireOrg(locals);
		const n = await markRead(sql, org.id, null, now());
		return { message: n === 1 ? 'Eine Benachrichtigung als gelesen markiert.' : `${n} Benachrichtigungen als gelesen markiert.` };
	}
};
