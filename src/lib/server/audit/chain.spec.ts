import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, chainHash, findBreak, type AuditEntry, type ChainedEntry } from './chain';

function chain(entries: AuditEntry[]): ChainedEntry[] {
	let prev = GENESIS_HASH;
	return entries.map((e) => {
		const hash = chainHash(prev, e);
		const chained = { ...e, prevHash: prev, hash };
		prev = hash;
		return chained;
	});
}

const base = (seq: number, data: Record<string, unknown> = {}): AuditEntry => ({
	seq,
	at: new Date(Date.UTC(2026, 10, 26, 8, 0, seq)),
	actorUser: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
	actorOrg: null,
	action: 'login.success',
	subject: null,
	data
});

describe('audit chain', () => {
	it('accepts an intact chain', () => {
		expect(findBreak(chain([base(1), base(2), base(3)]))).toBeNull();
	});

	it('does not depend on key order inside data (jsonb reorders keys)', () => {
		expect(chainHash(GENESIS_HASH, base(1, { b: 1, a: { d: 2, c: 3 } }))).toBe(
			chainHash(GENESIS_HASH, base(1, { a: { c: 3, d: 2 }, b: 1 }))
		);
	});

	it('names the first tampered row', () => {
		const rows = chain([base(1), base(2), base(3), base(4)]);
		rows[2] = { ...rows[2]!, action: 'login.failure' };
		expect(findBreak(rows)).toEqual({ seq: 3, reason: 'Inhalt passt nicht zum gespeicherten Hash' });
	});

	it('notices a deleted row and a re-hashed row', () => {
		const rows = chain([base(1), base(2), base(3)]);
		expect(findBreak([rows[0]!, rows[2]!])?.seq).toBe(3);
		// an attacker who rewrites row 2 and recomputes its hash still breaks row 3's link
		const forged = { ...rows[1]!, subject: 'x' };
		forged.hash = chainHash(forged.prevHash, forged);
		expect(findBreak([rows[0]!, forged, rows[2]!])).toEqual({ seq: 3, reason: 'Verweis auf den Vorgänger stimmt nicht' });
	});
});
