/**
 * @module operators/settings
 * What an operator declares once for all its answers: contacts (Planauskunft, Einweisung vor Ort,
 * Störung/Notfall 24 h), Schutzanweisung, validity of its answers, answer mode, completeness, flags.
 */
import type { Db } from '../db';

export interface Contact {
	name: string;
	phone: string;
	email: string;
}

export interface OperatorSettings {
	contacts: { planauskunft: Contact; einweisung: Contact; stoerung: Contact };
	schutzanweisungText: string;
	schutzanweisungPdfName: string | null;
	validityDays: number;
	answerMode: 'automatic' | 'manual';
	dataComplete: boolean;
	einweisungErforderlich: boolean;
	zustimmungErforderlich: boolean;
	planungPdfOnly: boolean;
	updatedAt: Date | null;
}

const EMPTY_CONTACT: Contact = { name: '', phone: '', email: '' };

export const DEFAULT_SETTINGS: OperatorSettings = {
	contacts: { planauskunft: EMPTY_CONTACT, einweisung: EMPTY_CONTACT, stoerung: EMPTY_CONTACT },
	schutzanweisungText: '',
	schutzanweisungPdfName: null,
	validityDays: 28,
	answerMode: 'automatic',
	dataComplete: false,
	einweisungErforderlich: false,
	zustimmungErforderlich: false,
	planungPdfOnly: false,
	updatedAt: null
};

interface Row {
	contacts: Partial<OperatorSettings['contacts']>;
	schutzanweisung_text: string | null;
	schutzanweisung_pdf_name: string | null;
	validity_days: number;
	answer_mode: 'automatic' | 'manual';
	data_complete: boolean;
	einweisung_erforderlich: boolean;
	zustimmung_erforderlich: boolean;
	planung_pdf_only: boolean;
	updated_at: Date;
}

export async function getSettings(db: Db, orgId: string): Promise<OperatorSettings> {
	const [r] = await db<Row[]>`select contacts, schutzanweisung_text, schutzanweisung_pdf_name, validity_days, answer_mode,
		data_complete, einweisung_erforderlich, zustimmung_erforderlich, planung_pdf_only, updated_at
		from operator_settings where org_id = ${orgId}`;
	if (!r) return DEFAULT_SETTINGS;
	return {
		contacts: { ...DEFAULT_SETTINGS.contacts, ...r.contacts },
		schutzanweisungText: r.schutzanweisung_text ?? '',
		schutzanweisungPdfName: r.schutzanweisung_pdf_name,
		validityDays: r.validity_days,
		answerMode: r.answer_mode,
		dataComplete: r.data_complete,
		einweisungErforderlich: r.einweisung_erforderlich,
		zustimmungErforderlich: r.zustimmung_erforderlich,
		planungPdfOnly: r.planung_pdf_only,
		updatedAt: r.updated_at
	};
}

export type SettingsInput = Omit<OperatorSettings, 'schutzanweisungPdfName' | 'updatedAt'>;

/** German messages keyed by form field; empty when fine. */
export function validateSettings(s: SettingsInput): Record<string, string> {
	const errors: Record<string, string> = {};
	if (!(s.validityDays >= 14 && s.validityDays <= 366)) errors.validityDays = 'Die Gültigkeit muss zwischen 2 Wochen (14 Tage) und 12 Monaten (366 Tage) liegen.';
	const phone = /^[+0-9 ()/-]{5,30}$/;
	const email = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
	for (const [key, label] of [['planauskunft', 'Planauskunft'], ['einweisung', 'Einweisung vor Ort'], ['stoerung', 'Störung / Notfall']] as const) {
		const c = s.contacts[key];
		if (c.phone && !phone.test(c.phone)) errors[`${key}.phone`] = `${label}: Telefonnummer bitte nur mit Ziffern, Leerzeichen und + ( ) / -.`;
		if (c.email && !email.test(c.email)) errors[`${key}.email`] = `${label}: bitte eine gültige E-Mail-Adresse.`;
	}
	if (!s.contacts.stoerung.phone) errors['stoerung.phone'] = 'Die 24-h-Störungsnummer ist Pflicht: sie steht auf jeder Auskunft und bei Notfällen.';
	if (!s.contacts.planauskunft.phone && !s.contacts.planauskunft.email) errors['planauskunft.phone'] = 'Bitte Telefon oder E-Mail der Planauskunft angeben.';
	if (s.schutzanweisungText.length > 20_000) errors.schutzanweisungText = 'Die Schutzanweisung darf höchstens 20.000 Zeichen lang sein; längere bitte als PDF.';
	return errors;
}

export function readSettingsForm(form: FormData): SettingsInput {
	const t = (k: string) => String(form.get(k) ?? '').trim();
	const contact = (p: string): Contact => ({ name: t(`${p}.name`), phone: t(`${p}.phone`), email: t(`${p}.email`) });
	return {
		contacts: { planauskunft: contact('planauskunft'), einweisung: contact('einweisung'), stoerung: contact('stoerung') },
		schutzanweisungText: t('schutzanweisungText'),
		validityDays: Number(t('validityDays') || 28),
		answerMode: t('answerMode') === 'manual' ? 'manual' : 'automatic',
		dataComplete: form.get('dataComplete') === 'on',
		einweisungErforderlich: form.get('einweisungErforderlich') === 'on',
		zustimmungErforderlich: form.get('zustimmungErforderlich') === 'on',
		planungPdfOnly: form.get('planungPdfOnly') === 'on'
	};
}

export async function saveSettings(db: Db, orgId: string, s: SettingsInput, pdf?: { name: string; bytes: Uint8Array } | null): Promise<void> {
	await db`insert into operator_settings (org_id, contacts, schutzanweisung_text, validity_days, answer_mode, data_complete,
			einweisung_erforderlich, zustimmung_erforderlich, planung_pdf_only, updated_at)
		values (${orgId}, ${db.json(s.contacts as never)}, ${s.schutzanweisungText || null}, ${s.validityDays}, ${s.answerMode},
			${s.dataComplete}, ${s.einweisungErforderlich}, ${s.zustimmungErforderlich}, ${s.planungPdfOnly}, now())
		on conflict (org_id) do update set contacts = excluded.contacts, schutzanweisung_text = excluded.schutzanweisung_text,
			validity_days = excluded.validity_days, answer_mode = excluded.answer_mode, data_complete = excluded.data_complete,
			einweisung_erforderlich = excluded.einweisung_erforderlich, zustimmung_erforderlich = excluded.zustimmung_erforderlich,
			planung_pdf_only = excluded.planung_pdf_only, updated_at = now()`;
	if (pdf) {
		await db`update operator_settings set schutzanweisung_pdf = ${Buffer.from(pdf.bytes)}, schutzanweisung_pdf_name = ${pdf.name}
			where org_id = ${orgId}`;
	}
}

export async function getSchutzanweisungPdf(db: Db, orgId: string): Promise<{ name: string; bytes: Buffer } | null> {
	const [r] = await db<{ schutzanweisung_pdf: Buffer | null; schutzanweisung_pdf_name: string | null }[]>`
		select schutzanweisung_pdf, schutzanweisung_pdf_name from operator_settings where org_id = ${orgId}`;
	return r?.schutzanweisung_pdf ? { name: r.schutzanweisung_pdf_name ?? 'schutzanweisung.pdf', bytes: r.schutzanweisung_pdf } : null;
}
