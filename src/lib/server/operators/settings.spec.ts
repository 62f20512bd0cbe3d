import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettingsForm, validateSettings } from './settings';

const valid = {
	...DEFAULT_SETTINGS,
	contacts: {
		planauskunft: { name: 'Planauskunft', phone: '0345 000 1000', email: 'plan@sw.example' },
		einweisung: { name: '', phone: '', email: '' },
		stoerung: { name: 'Leitstelle', phone: '0800 000 0000', email: '' }
	}
};

describe('operator settings', () => {
	it('accepts sensible settings', () => {
		expect(validateSettings(valid)).toEqual({});
	});

	it('keeps validity between two weeks and twelve months', () => {
		expect(validateSettings({ ...valid, validityDays: 7 }).validityDays).toMatch(/2 Wochen/);
		expect(validateSettings({ ...valid, validityDays: 400 }).validityDays).toMatch(/12 Monaten/);
	});

	it('wants the 24-h number and a way to reach the Planauskunft', () => {
		const errors = validateSettings({ ...valid, contacts: { ...valid.contacts, stoerung: { name: '', phone: '', email: '' }, planauskunft: { name: '', phone: '', email: '' } } });
		expect(errors['stoerung.phone']).toMatch(/24-h-Störungsnummer/);
		expect(errors['planauskunft.phone']).toMatch(/Planauskunft/);
	});

	it('reads the form with checkboxes', () => {
		const f = new FormData();
		f.set('validityDays', '56');
		f.set('answerMode', 'manual');
		f.set('dataComplete', 'on');
		f.set('stoerung.phone', ' 0800 1 ');
		const s = readSettingsForm(f);
		expect(s).toMatchObject({ validityDays: 56, answerMode: 'manual', dataComplete: true, einweisungErforderlich: false });
		expect(s.contacts.stoerung.phone).toBe('0800 1');
	});
});
