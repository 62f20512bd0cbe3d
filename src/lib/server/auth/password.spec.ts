import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password';

describe('password policy', () => {
	it('wants at least 10 characters', () => {
		expect(checkPasswordPolicy('kurz-123')).toMatch(/mindestens 10 Zeichen/);
		expect(checkPasswordPolicy('lang-genug-7')).toBeNull();
	});

	it('refuses common passwords regardless of case', () => {
		expect(checkPasswordPolicy('Passwort123')).toMatch(/zu verbreitet/);
		expect(checkPasswordPolicy('QWERTZUIOP')).toMatch(/zu verbreitet/);
	});

	it('refuses a single repeated character', () => {
		expect(checkPasswordPolicy('xxxxxxxxxxxx')).toMatch(/einzigen wiederholten/);
	});

	it('refuses the e-mail or the name inside the password', () => {
		expect(checkPasswordPolicy('mueller-2026!', { email: 'mueller@example.de' })).toMatch(/E-Mail/);
		expect(checkPasswordPolicy('xx-Schneider-xx', { name: 'Schneider' })).toMatch(/Namen/);
	});
});

describe('argon2id', () => {
	it('verifies the right password and rejects a wrong one and a broken hash', async () => {
		const stored = await hashPassword('Hochbordstein-42');
		expect(stored.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPassword(stored, 'Hochbordstein-42')).toBe(true);
		expect(await verifyPassword(stored, 'Hochbordstein-43')).toBe(false);
		expect(await verifyPassword('not-a-hash', 'Hochbordstein-42')).toBe(false);
	});
});
