import { describe, expect, it } from 'vitest';
import { problemOf, readForm, requestBody } from './form-body';

const LINE = { type: 'LineString', coordinates: [[11.97288, 51.4889], [11.9718, 51.4855]] };

function form(fields: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
}

describe('readForm', () => {
	it('prefers the drawn route over the pasted text and the file', () => {
		const drawn = JSON.stringify(LINE);
		expect(readForm(form({ route: drawn, routeText: 'x' }), 'y').route).toBe(drawn);
		expect(readForm(form({ route: '', routeText: ' x ' }), 'y').route).toBe('x');
		expect(readForm(form({}), ' y ').route).toBe('y');
	});

	it('keeps what was typed, trimmed', () => {
		expect(readForm(form({ title: ' FTTH Los 4 ', corridorM: '2,5', from: '2030-04-01', to: '' }))).toEqual({
			title: 'FTTH Los 4',
			corridorM: '2,5',
			from: '2030-04-01',
			to: '',
			route: ''
		});
	});
});

describe('requestBody', () => {
	it('leaves an empty window to the service (from today, one year)', () => {
		const result = requestBody({ title: '', corridorM: '', from: '', to: '', route: JSON.stringify({ type: 'Feature', geometry: LINE }) });
		expect(result).toEqual({ body: { route: LINE, corridorM: '', title: '', from: undefined, to: undefined } });
	});

	it('names the route when its text is no line', () => {
		const result = requestBody({ title: '', corridorM: '5', from: '', to: '', route: '{"type":"Point","coordinates":[11.97,51.48]}' });
		expect('problems' in result && problemOf(result.problems, 'route')).toContain('keine Linie');
	});

	it('sends no route when none was given, so the service asks for one', () => {
		const result = requestBody({ title: '', corridorM: '5', from: '2030-01-01', to: '2030-06-30', route: '' });
		expect(result).toEqual({ body: { route: undefined, corridorM: '5', title: '', from: '2030-01-01', to: '2030-06-30' } });
	});
});
