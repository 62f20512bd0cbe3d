/**
 * @module audit/chain
 * The hash chain, pure: hash = sha256(prev_hash ‖ canonical(entry)). Canonical JSON has a fixed field
 * order and sorted object keys, so the database's jsonb key reordering cannot change a hash.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
	seq: number;
	at: Date;
	actorUser: string | null;
	actorOrg: string | null;
	action: string;
	subject: string | null;
	data: Record<string, unknown>;
}

export interface ChainedEntry extends AuditEntry {
	prevHash: string;
	hash: string;
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		const out: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
		return out;
	}
	return value;
}

export function canonical(entry: AuditEntry): string {
	return JSON.stringify([
		entry.seq,
		entry.at.toISOString(),
		entry.actorUser,
		entry.actorOrg,
		entry.action,
		entry.subject,
		sortKeys(entry.data)
	]);
}

export function chainHash(prevHash: string, entry: AuditEntry): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(prevHash + canonical(entry))));
}

export interface ChainBreak {
	seq: number;
	reason: string;
}

/**
 * Checks a run of entries in seq order, starting after `prevHash` (the genesis for the first row).
 * Returns the first broken row or null. Callers stream long chains through this in pages.
 */
export function findBreak(entries: ChainedEntry[], prevHash = GENESIS_HASH, prevSeq = 0): ChainBreak | null {
	for (const e of entries) {
		if (e.seq !== prevSeq + 1) return { seq: e.seq, reason: `Lücke: auf Nr. ${prevSeq} folgt Nr. ${e.seq}` };
		if (e.prevHash !== prevHash) return { seq: e.seq, reason: 'Verweis auf den Vorgänger stimmt nicht' };
		if (chainHash(prevHash, e) !== e.hash) return { seq: e.seq, reason: 'Inhalt passt nicht zum gespeicherten Hash' };
		prevHash = e.hash;
		prevSeq = e.seq;
	}
	return null;
}
