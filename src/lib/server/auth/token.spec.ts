import { describe, expect, it } from 'vitest';
import { generateSecureRandomString, hashSecret, parseToken, secretMatches } from './token';

describe('token', () => {
	it('generates 24 characters from the unambiguous alphabet, never twice the same', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 1000; i++) {
			const s = generateSecureRandomString();
			expect(s).toMatch(/^[abcdefghijkmnpqrstuvwxyz23456789]{24}$/);
			seen.add(s);
		}
		expect(seen.size).toBe(1000);
	});

	it('parses <id>.<secret> and refuses anything else', () => {
		const id = generateSecureRandomString();
		const secret = generateSecureRandomString();
		expect(parseToken(`${id}.${secret}`)).toEqual({ id, secret });
		expect(parseToken(`tb_${id}.${secret}`, 'tb_')).toEqual({ id, secret });
		expect(parseToken(`${id}.${secret}`, 'tb_')).toBeNull();
		expect(parseToken(`${id}${secret}`)).toBeNull();
		expect(parseToken(`${id}.${secret}.x`)).toBeNull();
		expect(parseToken(`${id}.`)).toBeNull();
		expect(parseToken(`${id.toUpperCase()}.${secret}`)).toBeNull();
		expect(parseToken('')).toBeNull();
	});

	it('matches a secret only against its own hash', () => {
		const secret = generateSecureRandomString();
		const hash = hashSecret(secret);
		expect(hash).toHaveLength(32);
		expect(secretMatches(secret, hash)).toBe(true);
		expect(secretMatches(generateSecureRandomString(), hash)).toBe(false);
		// postgres.js hands bytea back as a Buffer
		expect(secretMatches(secret, Buffer.from(hash))).toBe(true);
	});
});
