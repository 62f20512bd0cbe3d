/**
 * @module audit/repo
 * Appending to and reading the chain. Appends run inside the caller's transaction and take a
 * transaction-scoped advisory lock, so concurrent writers queue instead of forking the chain, and an
 * action that rolls back leaves no audit row behind.
 */
import type { Db } from '../db';
import { now } from '../clock';
import { config } from '../config';
import { GENESIS_HASH, chainHash, findBreak, type ChainBreak, type ChainedEntry } from './chain';

const AUDIT_LOCK = 727002;

export interface AuditInput {
	action: string;
	actorUser?: string | null;
	actorOrg?: string | null;
	subject?: string | null;
	/** Pseudonymous facts only: ids, codes, counts — never names, e-mails or IPs. */
	data?: Record<string, unknown>;
	/** Kept beside the chain for the retention period, then erased. */
	personal?: { ip?: string | null; email?: string | null; userAgent?: string | null };
}

export async function appendAudit(tx: Db, input: AuditInput): Promise<number> {
	await tx`select pg_advisory_xact_lock(${AUDIT_LOCK})`;
	const [last] = await tx<{ seq: string; hash: string }[]>`
		select seq, hash from audit_log order by seq desc limit 1`;
	const entry = {
		seq: last ? Number(last.seq) + 1 : 1,
		// millisecond precision, so the stored timestamptz reads back to the same ISO string
		at: now(),
		actorUser: input.actorUser ?? null,
		actorOrg: input.actorOrg ?? null,
		action: input.action,
		subject: input.subject ?? null,
		data: input.data ?? {}
	};
	const prevHash = last?.hash ?? GENESIS_HASH;
	const hash = chainHash(prevHash, entry);
	await tx`insert into audit_log (seq, at, actor_user, actor_org, action, subject, data, prev_hash, hash)
		values (${entry.seq}, ${entry.at}, ${entry.actorUser}, ${entry.actorOrg}, ${entry.action},
			${entry.subject}, ${tx.json(entry.data as never)}, ${prevHash}, ${hash})`;
	const p = input.personal;
	if (p && (p.ip || p.email || p.userAgent)) {
		const expires = new Date(entry.at.getTime() + config.personalDataRetentionDays * 86_400_000);
		await tx`insert into audit_personal (seq, ip, email, user_agent, expires_at)
			values (${entry.seq}, ${p.ip ?? null}, ${p.email ?? null}, ${p.userAgent?.slice(0, 300) ?? null}, ${expires})`;
	}
	return entry.seq;
}

interface AuditRow {
	seq: string;
	at: Date;
	actor_user: string | null;
	actor_org: string | null;
	action: string;
	subject: string | null;
	data: Record<string, unknown>;
	prev_hash: string;
	hash: string;
}

function toEntry(r: AuditRow): ChainedEntry {
	return {
		seq: Number(r.seq),
		at: r.at,
		actorUser: r.actor_user,
		actorOrg: r.actor_org,
		action: r.action,
		subject: r.subject,
		data: r.data,
		prevHash: r.prev_hash,
		hash: r.hash
	};
}

export interface VerifyResult {
	ok: boolean;
	checked: number;
	break: ChainBreak | null;
}

/** Walks the whole chain in pages of 5,000 rows; stops at the first break. */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
	let prevHash = GENESIS_HASH;
	let prevSeq = 0;
	let checked = 0;
	for (;;) {
		const rows = await db<AuditRow[]>`select * from audit_log where seq > ${prevSeq} order by seq limit 5000`;
		if (rows.length === 0) return { ok: true, checked, break: null };
		const entries = rows.map(toEntry);
		const broken = findBreak(entries, prevHash, prevSeq);
		if (broken) return { ok: false, checked: checked + entries.findIndex((e) => e.seq === broken.seq), break: broken };
		checked += entries.length;
		const last = entries[entries.length - 1]!;
		prevHash = last.hash;
		prevSeq = last.seq;
	}
}

export interface AuditListItem {
	seq: number;
	at: Date;
	action: string;
	actorUser: string | null;
	actorOrg: string | null;
	subject: string | null;
	data: Record<string, unknown>;
}

export async function listAudit(db: Db, limit = 100, beforeSeq?: number): Promise<AuditListItem[]> {
	const rows = await db<AuditRow[]>`select * from audit_log
		${beforeSeq ? db`where seq < ${beforeSeq}` : db``} order by seq desc limit ${limit}`;
	return rows.map((r) => {
		const { prevHash: _p, hash: _h, ...item } = toEntry(r);
		return item;
	});
}

/** Erases IPs and e-mails past their retention period; the chain is untouched. */
export async function purgeExpiredPersonal(db: Db): Promise<number> {
	const result = await db`delete from audit_personal where expires_at < ${now()}`;
	return result.count;
}
