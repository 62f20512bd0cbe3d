import { describe, expect, it } from 'vitest';
import { parseFeedback, photoType } from './feedback-input';

const OP = '0b6a4c55-3f0e-4a57-9a3c-2f4b7d1e9a10';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);

describe('field feedback input', () => {
	it('takes a Lageabweichung with metres (German decimal comma)', () => {
		const r = parseFeedback({ operatorId: OP, kind: 'lageabweichung', deviationM: '0,8', comment: ' Gehweg Nordseite ' }, null, 1000);
		expect(r).toEqual({ input: { operatorId: OP, kind: 'lageabweichung', deviationM: 0.8, comment: 'Gehweg Nordseite', photo: null } });
	});

	it('needs the metres for a Lageabweichung, not for the other kinds', () => {
		expect(parseFeedback({ operatorId: OP, kind: 'lageabweichung' }, null, 1000)).toEqual({ problems: [{ field: 'deviationM', message: expect.stringContaining('Meter') }] });
		expect(parseFeedback({ operatorId: OP, kind: 'nicht_vorgefunden' }, null, 1000)).toMatchObject({ input: { deviationM: null } });
	});

	it('names every wrong field in German', () => {
		const r = parseFeedback({ operatorId: 'x', kind: 'egal', deviationM: '-3', comment: 'x'.repeat(2001) }, null, 1000);
		expect('problems' in r && r.problems.map((p) => p.field)).toEqual(['operatorId', 'kind', 'deviationM', 'comment']);
	});

	it('accepts a photo by its bytes, not its name', () => {
		expect(photoType(JPEG)).toBe('image/jpeg');
		expect(photoType(new TextEncoder().encode('%PDF-1.7 nothing'))).toBeNull();
		const ok = parseFeedback({ operatorId: OP, kind: 'unbekannte_leitung' }, { name: 'baugrube.jpg', bytes: JPEG }, 1000);
		expect(ok).toMatchObject({ input: { photo: { type: 'image/jpeg', name: 'baugrube.jpg' } } });
		const fake = parseFeedback({ operatorId: OP, kind: 'unbekannte_leitung' }, { name: 'foto.jpg', bytes: new TextEncoder().encode('<html>') }, 1000);
		expect(fake).toEqual({ problems: [{ field: 'photo', message: expect.stringContaining('JPEG') }] });
		const big = parseFeedback({ operatorId: OP, kind: 'unbekannte_leitung' }, { name: 'foto.jpg', bytes: JPEG }, 4);
		expect(big).toEqual({ problems: [{ field: 'photo', message: expect.stringContaining('zu groß') }] });
	});
});
