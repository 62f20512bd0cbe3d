/**
 * @module auth/password
 * argon2id hashes (@node-rs/argon2, its defaults: 19 MiB, 2 passes — OWASP's minimum) and the policy:
 * at least 10 characters, not on the list of common passwords, not the e-mail or the name.
 */
import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
	return hash(password);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
	try {
		return await verify(storedHash, password);
	} catch {
		return false; // a malformed stored hash is a failed login, not a crash
	}
}

// Verifying against this when the e-mail is unknown keeps the response time the same,
// so timing does not tell which e-mails have an account.
const DUMMY_HASH = hash('tiefblick-dummy-password');
export async function burnPasswordCheck(password: string): Promise<void> {
	await verifyPassword(await DUMMY_HASH, password);
}

/** German message for the user, or null when the password is acceptable. */
export function checkPasswordPolicy(password: string, person: { email?: string; name?: string } = {}): string | null {
	if (password.length < MIN_PASSWORD_LENGTH) {
		return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
	}
	if (password.length > 256) return 'Das Passwort darf höchstens 256 Zeichen lang sein.';
	const lower = password.toLowerCase();
	if (COMMON_PASSWORDS.has(lower)) {
		return 'Dieses Passwort ist zu verbreitet und wird bei Angriffen zuerst probiert. Bitte ein anderes wählen.';
	}
	if (/^(.)\1+$/.test(password)) return 'Das Passwort darf nicht aus einem einzigen wiederholten Zeichen bestehen.';
	const local = person.email?.split('@')[0]?.toLowerCase();
	if ((local && local.length >= 4 && lower.includes(local)) || (person.email && lower === person.email.toLowerCase())) {
		return 'Das Passwort darf nicht Ihre E-Mail-Adresse enthalten.';
	}
	if (person.name && person.name.length >= 4 && lower.includes(person.name.toLowerCase())) {
		return 'Das Passwort darf nicht Ihren Namen enthalten.';
	}
	return null;
}
