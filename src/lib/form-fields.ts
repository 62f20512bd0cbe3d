/**
 * @module form-fields
 * What the pages' form bodies share (mitnutzung/neu, baustellen/neu): a text field of a posted form,
 * and a problem named at a field. Pure.
 */

/** A problem at a form field: the field is its JSON path in the API body (`period.start`); the message is German. */
export interface Problem {
	field: string;
	message: string;
}

/** A text field of a posted form, trimmed; '' when it is missing or a file. */
export function formText(form: FormData, name: string): string {
	const v = form.get(name);
	return typeof v === 'string' ? v.trim() : '';
}
