/**
 * @module auth/api-token
 * Personal API tokens for scripts, QGIS and other systems: "tb_<id>.<secret>", shown once, stored as
 * SHA-256(secret). They act as the user who made them, in that user's organisation.
 */
import { sql, type Db } from '../db';
import { appendAudit } from '../audit/repo';
import { now } from '../clock';
import { generateSecureRandomString, hashSecret, parseToken, secretMatches } from './token';

export const API_TOKEN_PREFIX = 'tb_';

export interface ApiToken {
	id: string;
	label: string;
	createdAt: Date;
	lastUsedAt: Date | null;
	revokedAt: Date | null;
}

interface TokenRow {
	id: string;
	secret_hash: Uint8Array;
	user_id: string;
	label: string;
	created_at: Date;
	last_used_at: Date | null;
	revoked_at: Date | null;
}

const toToken = (r: TokenRow): ApiToken => ({
	id: r.id,
	label: r.label,
	createdAt: r.created_at,
	lastUsedAt: r.last_used_at,
	revokedAt: r.revoked_at
});

export async function createApiToken(db: Db, userId: string, label: string): Promise<{ token: string; apiToken: ApiToken }> {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	const [row] = await db<TokenRow[]>`insert into api_tokens (id, secret_hash, user_id, label, created_at)
		values (${id}, ${Buffer.from(hashSecret(secret))}, ${userId}, ${label}, ${now()}) returning *`;
	return { token: `${API_TOKEN_PREFIX}${id}.${secret}`, apiToken: toToken(row!) };
}

/** The user id and token id behind a Bearer value; null when unknown, wrong or revoked. */
export async function validateApiToken(db: Db, token: string): Promise<{ userId: string; tokenId: string } | null> {
	const parsed = parseToken(token, API_TOKEN_PREFIX);
	if (!parsed) return null;
	const [row] = await db<TokenRow[]>`select * from api_tokens where id = ${parsed.id}`;
	if (!row || row.revoked_at || !secretMatches(parsed.secret, row.secret_hash)) return null;
	const at = now();
	if (!row.last_used_at || at.getTime() - row.last_used_at.getTime() > 60_000) {
		await db`update api_tokens set last_used_at = ${at} where id = ${row.id}`;
	}
	return { userId: row.user_id, tokenId: row.id };
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiToken[]> {
	const rows = await db<TokenRow[]>`select * from api_tokens where user_id = ${userId}
		order by revoked_at is not null, created_at desc`;
	return rows.map(toToken);
}

export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
	const result = await db`update api_tokens set revoked_at = ${now()}
		where id = ${tokenId} and user_id = ${userId} and revoked_at is null`;
	return result.count === 1;
}

export function validateTokenLabel(label: string): string | null {
	if (label.length < 2) return 'Bitte eine Bezeichnung angeben, z. B. „QGIS Büro“ oder „Nachtimport“.';
	if (label.length > 80) return 'Die Bezeichnung darf höchstens 80 Zeichen lang sein.';
	return null;
}

/** Creates a token and its audit entry together; the plain token is returned once and never stored. */
export async function issueApiToken(
	actor: { userId: string; orgId: string | null },
	label: string,
	personal: { ip: string; userAgent: string | null }
): Promise<{ token: string; apiToken: ApiToken }> {
	return sql.begin(async (tx) => {
		const created = await createApiToken(tx, actor.userId, label);
		await appendAudit(tx, {
			action: 'token.created',
			actorUser: actor.userId,
			actorOrg: actor.orgId,
			subject: created.apiToken.id,
			personal
		});
		return created;
	});
}

export async function withdrawApiToken(actor: { userId: string; orgId: string | null }, tokenId: string): Promise<boolean> {
	return sql.begin(async (tx) => {
		const done = await revokeApiToken(tx, actor.userId, tokenId);
		if (done) {
			await appendAudit(tx, { action: 'token.revoked', actorUser: actor.userId, actorOrg: actor.orgId, subject: tokenId });
		}
		return done;
	});
}
