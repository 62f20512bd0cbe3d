import { describe, expect, it } from 'vitest';
import { formText } from './form-fields';

describe('formText', () => {
	it('trims a text field and reads a missing one or a file as empty', () => {
		const form = new FormData();
		form.set('title', '  Glasfaser Nord ');
		form.set('routeFile', new File(['{}'], 'trasse.geojson'));
		expect(formText(form, 'title')).toBe('Glasfaser Nord');
		expect(formText(form, 'routeFile')).toBe('');
		expect(formText(form, 'from')).toBe('');
	});
});
