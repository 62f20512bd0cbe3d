/**
 * @module auth/token
 * Secrets for sessions and API tokens, the way the Lucia guide teaches it now: a token is
 * "<id>.<secret>"; the database keeps the id and SHA-256(secret) only, and the secret is compared in
 * constant time. A stolen table row cannot be turned back into a working token.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { webcrypto } from 'node:crypto';

// No 0/o, 1/l: tokens are sometimes read aloud or typed from a screenshot.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 24 characters × 5 bits = 120 bits of entropy. */
export function generateSecureRandomString(): string {
	const bytes = new Uint8Array(24);
	webcrypto.getRandomValues(bytes);
	let id = '';
	for (const byte of bytes) id += ALPHABET[byte >> 3];
	return id;
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export interface ParsedToken {
	id: string;
	secret: string;
}

/** Splits "<id>.<secret>" (with an optional prefix such as "tb_"); null for anything malformed. */
export function parseToken(token: string, prefix = ''): ParsedToken | null {
	if (!token.startsWith(prefix)) return null;
	const parts = token.slice(prefix.length).split('.');
	if (parts.length !== 2) return null;
	const [id, secret] = parts as [string, string];
	if (!/^[a-z0-9]{24}$/.test(id) || !/^[a-z0-9]{24}$/.test(secret)) return null;
	return { id, secret };
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	return constantTimeEqual(hashSecret(secret), new Uint8Array(storedHash));
}
