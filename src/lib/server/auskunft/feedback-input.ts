/**
 * @module auskunft/feedback-input
 * Reads a field feedback (Rückmeldung von der Baustelle) from form or JSON fields, pure: which
 * operator, what deviation, how many metres, a comment, an optional photo. German, field-named problems.
 */
import type { Problem } from './input';

export const FEEDBACK_KINDS = ['nicht_vorgefunden', 'unbekannte_leitung', 'lageabweichung'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_LABELS: Record<FeedbackKind, string> = {
	nicht_vorgefunden: 'Leitung nicht vorgefunden',
	unbekannte_leitung: 'Unbekannte Leitung angetroffen',
	lageabweichung: 'Lageabweichung'
};

export interface Photo {
	name: string;
	type: string;
	bytes: Uint8Array;
}

export interface FeedbackInput {
	operatorId: string;
	kind: FeedbackKind;
	/** Lageabweichung: how far the line lay from the plan, metres */
	deviationM: number | null;
	comment: string;
	photo: Photo | null;
}

/** JPEG, PNG or WebP by their first bytes (the name and the browser's type are only hints). */
export function photoType(bytes: Uint8Array): string | null {
	const b = bytes;
	if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
	if (b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
	if (b.length > 12 && Buffer.from(b.subarray(0, 4)).toString('latin1') === 'RIFF' && Buffer.from(b.subarray(8, 12)).toString('latin1') === 'WEBP') return 'image/webp';
	return null;
}

export function parseFeedback(
	fields: Record<string, string | undefined>,
	photo: { name: string; bytes: Uint8Array } | null,
	maxPhotoBytes: number
): { input: FeedbackInput } | { problems: Problem[] } {
	const problems: Problem[] = [];
	const operatorId = (fields.operatorId ?? '').trim();
	if (!/^[0-9a-f-]{36}$/i.test(operatorId)) problems.push({ field: 'operatorId', message: 'Bitte den Betreiber wählen, dessen Leitung betroffen ist.' });
	const kind = (fields.kind ?? '').trim() as FeedbackKind;
	if (!FEEDBACK_KINDS.includes(kind)) problems.push({ field: 'kind', message: 'Bitte die Art der Abweichung wählen: nicht vorgefunden, unbekannte Leitung oder Lageabweichung.' });

	const rawDeviation = (fields.deviationM ?? '').trim().replace(',', '.');
	let deviationM: number | null = null;
	if (rawDeviation !== '') {
		deviationM = Number(rawDeviation);
		if (!Number.isFinite(deviationM) || deviationM <= 0 || deviationM > 100) {
			problems.push({ field: 'deviationM', message: 'Die Abweichung in Metern muss eine Zahl über 0 und höchstens 100 sein, z. B. 0,8.' });
			deviationM = null;
		}
	} else if (kind === 'lageabweichung') {
		problems.push({ field: 'deviationM', message: 'Bitte angeben, um wie viele Meter die Leitung abweicht.' });
	}

	const comment = (fields.comment ?? '').trim();
	if (comment.length > 2000) problems.push({ field: 'comment', message: 'Die Beschreibung darf höchstens 2.000 Zeichen lang sein.' });

	let parsedPhoto: Photo | null = null;
	if (photo && photo.bytes.byteLength > 0) {
		const type = photoType(photo.bytes);
		if (!type) problems.push({ field: 'photo', message: 'Das Foto muss ein JPEG-, PNG- oder WebP-Bild sein.' });
		else if (photo.bytes.byteLength > maxPhotoBytes) problems.push({ field: 'photo', message: `Das Foto ist zu groß (höchstens ${(maxPhotoBytes / 1_000_000).toLocaleString('de-DE')} MB).` });
		else parsedPhoto = { name: photo.name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120) || 'foto', type, bytes: photo.bytes };
	}
	if (problems.length) return { problems };
	return { input: { operatorId: operatorId.toLowerCase(), kind, deviationM, comment, photo: parsedPhoto } };
}
