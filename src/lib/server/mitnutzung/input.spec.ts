import { describe, expect, it } from 'vitest';
import { parseMitnutzung } from './input';

const line = { type: 'LineString', coordinates: [[11.969, 51.482], [11.972, 51.483]] };

describe('parseMitnutzung', () => {
	it('fills the defaults: 5 m corridor, the coming twelve months', () => {
		const r = parseMitnutzung({ route: line }, '2030-03-01');
		if ('problems' in r) throw new Error(JSON.stringify(r.problems));
		expect(r.input).toEqual({ route: line, corridorM: 5, title: '', period: { start: '2030-03-01', end: '2031-03-01' } });
	});

	it('takes a Feature under `geometry`, a corridor with a decimal comma and a window', () => {
		const r = parseMitnutzung({ geometry: { type: 'Feature', properties: {}, geometry: line }, corridorM: '2,5', title: ' FTTH Los 4 ', period: { start: '2030-04-01', end: '2030-09-30' } }, '2030-03-01');
		if ('problems' in r) throw new Error(JSON.stringify(r.problems));
		expect(r.input).toMatchObject({ corridorM: 2.5, title: 'FTTH Los 4', period: { start: '2030-04-01', end: '2030-09-30' } });
	});

	it('reads empty form fields as not given', () => {
		const r = parseMitnutzung({ route: line, corridorM: '', from: '', to: '' }, '2030-03-01');
		if ('problems' in r) throw new Error(JSON.stringify(r.problems));
		expect(r.input).toMatchObject({ corridorM: 5, period: { start: '2030-03-01', end: '2031-03-01' } });
	});

	it('takes a bare GeoJSON LineString or Feature as the whole body', () => {
		const r = parseMitnutzung(line, '2030-03-01');
		expect('input' in r && r.input.route).toEqual(line);
		const f = parseMitnutzung({ type: 'Feature', properties: { name: 'Los 4' }, geometry: line }, '2030-03-01');
		expect('input' in f && f.input.route).toEqual(line);
	});

	it('names every problem in German at its field', () => {
		const r = parseMitnutzung({ route: { type: 'Polygon', coordinates: [] }, corridorM: 100, period: { start: '2030-05-01', end: '2030-04-01' } }, '2030-03-01');
		expect(r).toEqual({
			code: 'validation',
			problems: [
				{ field: 'route', message: expect.stringContaining('LineString') },
				{ field: 'corridorM', message: 'Der Korridor muss zwischen 0,5 und 25 m liegen.' },
				{ field: 'period.end', message: 'Das Ende des Zeitraums liegt vor seinem Beginn.' }
			]
		});
	});

	it('refuses a route outside Sachsen-Anhalt with its own code, and one-point parts', () => {
		const swapped = parseMitnutzung({ route: { type: 'LineString', coordinates: [[51.48, 11.97], [51.49, 11.98]] } }, '2030-03-01');
		expect(swapped).toMatchObject({ code: 'outside_service_area', problems: [{ field: 'route', message: expect.stringContaining('Länge und Breite vertauscht') }] });
		const short = parseMitnutzung({ route: { type: 'MultiLineString', coordinates: [[[11.969, 51.482]]] } }, '2030-03-01');
		expect(short).toMatchObject({ problems: [{ field: 'route', message: 'Jeder Teil der Trasse braucht mindestens zwei Punkte.' }] });
	});
});
