/**
 * @module accounts/validate
 * Pure checks of the registration form; messages in German, keyed by form field.
 */
import { SELF_SERVICE_ROLES, type OrgRole } from '$lib/roles';
import { checkPasswordPolicy } from '../auth/password';

export interface RegistrationInput {
	name: string;
	email: string;
	phone: string;
	password: string;
	passwordRepeat: string;
	mode: 'neu' | 'beitreten';
	orgName: string;
	roles: string[];
	joinOrgId: string;
}

export type FieldErrors = Partial<Record<keyof RegistrationInput, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function readRegistrationForm(form: FormData): RegistrationInput {
	const text = (key: string) => String(form.get(key) ?? '').trim();
	return {
		name: text('name'),
		email: text('email').toLowerCase(),
		phone: text('phone'),
		password: String(form.get('password') ?? ''),
		passwordRepeat: String(form.get('passwordRepeat') ?? ''),
		mode: text('mode') === 'beitreten' ? 'beitreten' : 'neu',
		orgName: text('orgName'),
		roles: form.getAll('roles').map(String),
		joinOrgId: text('joinOrgId')
	};
}

export function validateRegistration(input: RegistrationInput): FieldErrors {
	const errors: FieldErrors = {};
	if (input.name.length < 2) errors.name = 'Bitte Vor- und Nachnamen angeben.';
	else if (input.name.length > 120) errors.name = 'Der Name darf höchstens 120 Zeichen lang sein.';
	if (!EMAIL.test(input.email)) errors.email = 'Bitte eine gültige E-Mail-Adresse angeben, z. B. name@firma.de.';
	if (input.phone && !/^[+0-9 ()/-]{6,30}$/.test(input.phone)) {
		errors.phone = 'Die Telefonnummer darf nur Ziffern, Leerzeichen und + ( ) / - enthalten.';
	}
	const policy = checkPasswordPolicy(input.password, { email: input.email, name: input.name });
	if (policy) errors.password = policy;
	else if (input.password !== input.passwordRepeat) errors.passwordRepeat = 'Die beiden Passwörter stimmen nicht überein.';
	if (input.mode === 'neu') {
		if (input.orgName.length < 3) errors.orgName = 'Bitte den Namen Ihrer Organisation angeben (mindestens 3 Zeichen).';
		else if (input.orgName.length > 160) errors.orgName = 'Der Name der Organisation darf höchstens 160 Zeichen lang sein.';
		if (input.roles.length === 0) errors.roles = 'Bitte mindestens eine Rolle Ihrer Organisation wählen.';
		else if (!input.roles.every((r) => (SELF_SERVICE_ROLES as string[]).includes(r))) {
			errors.roles = 'Unbekannte Rolle gewählt.';
		}
	} else if (!input.joinOrgId) {
		errors.joinOrgId = 'Bitte die Organisation wählen, der Sie beitreten möchten.';
	}
	return errors;
}

export function selectedRoles(input: RegistrationInput): OrgRole[] {
	return SELF_SERVICE_ROLES.filter((r) => input.roles.includes(r));
}
