import { describe, expect, it } from 'vitest';
import { readRegistrationForm, validateRegistration, type RegistrationInput } from './validate';

const valid: RegistrationInput = {
	name: 'Erika Mustermann',
	email: 'erika@tiefbau-beispiel.de',
	phone: '+49 345 123456',
	password: 'Kabelgraben-2026',
	passwordRepeat: 'Kabelgraben-2026',
	mode: 'neu',
	orgName: 'Tiefbau Beispiel GmbH',
	roles: ['bauunternehmen'],
	joinOrgId: ''
};

describe('registration validation', () => {
	it('accepts a complete new-organisation registration', () => {
		expect(validateRegistration(valid)).toEqual({});
	});

	it('names every faulty field in German', () => {
		const errors = validateRegistration({
			...valid,
			name: 'E',
			email: 'erika@',
			phone: 'abc',
			password: 'kurz',
			orgName: '',
			roles: []
		});
		expect(errors.name).toMatch(/Vor- und Nachnamen/);
		expect(errors.email).toMatch(/gültige E-Mail/);
		expect(errors.phone).toMatch(/Ziffern/);
		expect(errors.password).toMatch(/mindestens 10 Zeichen/);
		expect(errors.orgName).toMatch(/Organisation/);
		expect(errors.roles).toMatch(/Rolle/);
	});

	it('checks the repeated password and refuses the platform role', () => {
		expect(validateRegistration({ ...valid, passwordRepeat: 'anders-2026-x' }).passwordRepeat).toMatch(/stimmen nicht/);
		expect(validateRegistration({ ...valid, roles: ['plattform'] }).roles).toMatch(/Unbekannte Rolle/);
	});

	it('wants an organisation to join in join mode', () => {
		expect(validateRegistration({ ...valid, mode: 'beitreten' }).joinOrgId).toMatch(/Organisation/);
	});

	it('reads the form, trimming and lower-casing the e-mail', () => {
		const form = new FormData();
		form.set('email', '  Erika@Example.DE ');
		form.append('roles', 'kommune');
		form.append('roles', 'netzbetreiber');
		const input = readRegistrationForm(form);
		expect(input.email).toBe('erika@example.de');
		expect(input.roles).toEqual(['kommune', 'netzbetreiber']);
		expect(input.mode).toBe('neu');
	});
});
