/**
 * @module baustellen/permits
 * Permit tracks in the database: the promoter submits, the deciding authority marks complete, asks for
 * changes, grants (with conditions), refuses or extends; a missed TKG clock grants by fiction. The
 * rules are genehmigungen/ (pure); this module loads, applies, stores, derives the Baustelle's status,
 * notifies and audits — one transaction per action.
 */
import { PERMIT_KIND_LABELS, PERMIT_STATUS_LABELS } from '$lib/baustellen';
import { sql, type Db } from '../db';
import { now } from '../clock';
import { appendAudit } from '../audit/repo';
import { berlinDate } from '../auskunft/rules';
import { publish, kickDeliveries } from '../notifications/publish';
import { applyPermitAction, type PermitAction } from '../genehmigungen/actions';
import * as repo from './repo';
import { getAuthoritySettings, permitPeriods } from './settings';
import { settleStatusAfterPermits, type Actor, type Outcome } from './service';

export const AUTHORITY_ACTIONS: PermitAction[] = ['vollstaendig', 'nachfordern', 'erteilen', 'erteilen_mit_auflagen', 'ablehnen', 'verlaengern'];

/** The message of a blocking conflict (an Aufbruchsperre without exemption), if any. */
async function blockingMessage(db: Db, baustelleId: string): Promise<string | undefined> {
	const [r] = await db<{ message: string }[]>`select message from baustelle_conflicts where baustelle_id = ${baustelleId} and blocking limit 1`;
	return r?.message;
}

async function apply(tx: Db, actor: Actor | null, permit: repo.PermitRow, b: repo.BaustelleRow, action: PermitAction, input: { conditions?: string; reason?: string }, at: Date): Promise<Outcome<repo.PermitRow>> {
	const today = berlinDate(at);
	const settings = await getAuthoritySettings(tx, permit.authorityOrgId);
	const period = permitPeriods(settings)[permit.kind];
	const result = applyPermitAction(permit, action, { today, conditions: input.conditions, reason: input.reason, period, blocked: await blockingMessage(tx, b.id) });
	if (!result.ok) return { ok: false, status: 409, code: result.code, message: result.message };
	const decided = ['erteilen', 'erteilen_mit_auflagen', 'ablehnen', 'fiktion'].includes(action);
	const next: repo.PermitRow = {
		...permit,
		...(result.patch as Partial<repo.PermitRow>),
		updatedAt: at,
		...(decided ? { decidedAt: at, decidedBy: actor?.userId ?? null } : {})
	};
	await repo.updatePermit(tx, next);
	await settleStatusAfterPermits(tx, b.id, at);
	const label = PERMIT_KIND_LABELS[permit.kind];
	if (action === 'einreichen') {
		await publish(tx, {
			type: 'genehmigung.beantragt',
			orgIds: [permit.authorityOrgId],
			title: `${label} beantragt: ${b.number}`,
			body: `${b.orgName} beantragt die ${label} für „${b.title}“ (${b.streets.join(', ') || 'ohne Straßenangabe'}).`,
			link: `/baustellen/${b.id}`,
			subjectId: b.id,
			data: { baustelle: b.number, permit: permit.id, kind: permit.kind }
		});
	} else {
		await publish(tx, {
			type: 'genehmigung.entschieden',
			orgIds: [b.orgId],
			title: `${label}: ${PERMIT_STATUS_LABELS[next.status]} (${b.number})`,
			body: [next.conditions && next.status === 'erteilt_mit_auflagen' ? `Auflagen: ${next.conditions}` : '', next.reason && ['abgelehnt', 'nachforderung'].includes(next.status) ? `Begründung: ${next.reason}` : '', next.dueAt && next.status === 'vollstaendig' ? `Frist bis ${next.dueAt.split('-').reverse().join('.')}.` : '']
				.filter(Boolean)
				.join(' '),
			link: `/baustellen/${b.id}`,
			subjectId: b.id,
			data: { baustelle: b.number, permit: permit.id, kind: permit.kind, status: next.status, dueAt: next.dueAt }
		});
	}
	await appendAudit(tx, {
		action: `genehmigung.${action}`,
		actorUser: actor?.userId ?? null,
		actorOrg: actor?.orgId ?? null,
		subject: permit.id,
		data: { baustelle: b.id, kind: permit.kind, from: permit.status, to: next.status, dueAt: next.dueAt }
	});
	return { ok: true, value: (await repo.getPermit(tx, permit.id))! };
}

/** One action on one permit: `einreichen` by the promoter, the others by the deciding authority. */
export async function permitAction(actor: Actor, permitId: string, action: PermitAction, input: { conditions?: string; reason?: string }): Promise<Outcome<repo.PermitRow>> {
	const permit = await repo.getPermit(sql, permitId);
	const b = permit ? await repo.getBaustelle(sql, permit.baustelleId) : null;
	if (!permit || !b) return { ok: false, status: 404, code: 'not_found', message: 'Genehmigung nicht gefunden.' };
	const owner = b.orgId === actor.orgId;
	const deciding = permit.authorityOrgId === actor.orgId;
	if (!owner && !deciding && !(await repo.relation(sql, b, actor.orgId)).authority) return { ok: false, status: 404, code: 'not_found', message: 'Genehmigung nicht gefunden.' };
	if (action === 'einreichen' ? !owner : !deciding || !AUTHORITY_ACTIONS.includes(action)) {
		return {
			ok: false,
			status: 403,
			code: 'forbidden_role',
			message: action === 'einreichen' ? 'Den Antrag stellt der Träger der Baustelle.' : `Über die ${PERMIT_KIND_LABELS[permit.kind]} entscheidet ${permit.authorityName}.`
		};
	}
	if (b.status === 'storniert') return { ok: false, status: 409, code: 'cancelled', message: 'Die Baustelle ist storniert.' };
	const at = now();
	const outcome = await sql.begin((tx) => apply(tx, actor, permit, b, action, input, at));
	if (outcome.ok) kickDeliveries();
	return outcome;
}

/** „Genehmigungen beantragen“: submits every permit not yet submitted (or sent back for changes). */
export async function submitAll(actor: Actor, baustelleId: string): Promise<Outcome<number>> {
	const b = await repo.getBaustelle(sql, baustelleId);
	if (!b || b.orgId !== actor.orgId) return { ok: false, status: 404, code: 'not_found', message: 'Baustelle nicht gefunden.' };
	const open = (await repo.permitsOf(sql, baustelleId)).filter((p) => p.status === 'offen' || p.status === 'nachforderung');
	if (!open.length) return { ok: false, status: 409, code: 'nothing_to_submit', message: 'Es gibt keine offenen Anträge für diese Baustelle.' };
	const at = now();
	const result = await sql.begin(async (tx) => {
		for (const p of open) {
			const r = await apply(tx, actor, p, b, 'einreichen', {}, at);
			if (!r.ok) throw Object.assign(new Error(r.message), { outcome: r });
		}
		return open.length;
	});
	kickDeliveries();
	return { ok: true, value: result };
}

/**
 * Clocks that grant by fiction (the TKG consent): complete, past the due date, undecided → fiktiv_erteilt.
 * Run by housekeeping and before permits are shown, so nobody sees a stale state.
 */
export async function settlePermitClocks(): Promise<number> {
	const at = now();
	const today = berlinDate(at);
	const due = await sql<{ id: string }[]>`select id from permits where status = 'vollstaendig' and due_at < ${today} and kind = 'tkg_zustimmung'`;
	let n = 0;
	for (const { id } of due) {
		const done = await sql.begin(async (tx) => {
			const [locked] = await tx`select id from permits where id = ${id} and status = 'vollstaendig' for update skip locked`;
			if (!locked) return false;
			const permit = (await repo.getPermit(tx, id))!;
			const b = (await repo.getBaustelle(tx, permit.baustelleId))!;
			const r = await apply(tx, null, permit, b, 'fiktion', {}, at);
			return r.ok;
		});
		if (done) n++;
	}
	if (n) kickDeliveries();
	return n;
}
