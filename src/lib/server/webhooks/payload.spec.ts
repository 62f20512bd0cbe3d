import { describe, expect, it, vi } from 'vitest';
import { absoluteLink, buildPayload, payloadBody, withoutPersonalData } from './payload';

const at = new Date('2026-12-01T10:00:00Z');

describe('webhook payload', () => {
	it('has exactly id, type, createdAt, link and data, in that order, with an absolute link', () => {
		const p = buildPayload({ id: 'd1', type: 'baustelle.angelegt', createdAt: at, link: '/baustellen/b1', data: { baustelleId: 'b1', number: 'BS-2026-0001' } }, 'https://tiefblick.example');
		expect(p).toEqual({
			id: 'd1',
			type: 'baustelle.angelegt',
			createdAt: '2026-12-01T10:00:00.000Z',
			link: 'https://tiefblick.example/baustellen/b1',
			data: { baustelleId: 'b1', number: 'BS-2026-0001' }
		});
		expect(Object.keys(JSON.parse(payloadBody(p)))).toEqual(['id', 'type', 'createdAt', 'link', 'data']);
		// the same bytes on every retry, whatever order the stored copy comes back in
		expect(payloadBody({ data: p.data, link: p.link, createdAt: p.createdAt, type: p.type, id: p.id })).toBe(payloadBody(p));
	});

	it('carries no personal data: person fields and e-mail addresses are dropped at any depth', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const p = buildPayload(
			{
				id: 'd1',
				type: 'baustelle.beteiligung',
				createdAt: at,
				link: null,
				data: {
					baustelleId: 'b1',
					promoter: { orgId: 'o1', contact: { name: 'Erika Muster', phone: '0345 1234' } },
					E_Mail: 'erika@example.de',
					Bauleiter: 'Max Muster',
					createdBy: 'u1',
					streets: ['Große Ulrichstraße'],
					note: 'Rückfragen an erika@example.de',
					persons: [{ Vorname: 'Erika', nachname: 'Muster', role: 'x' }]
				}
			},
			null
		);
		const text = JSON.stringify(p);
		for (const personal of ['Erika', 'Muster', '0345', 'example.de', 'u1', 'contact', 'phone', 'createdBy', 'Bauleiter', 'E_Mail']) {
			expect(text, personal).not.toContain(personal);
		}
		expect(p.data).toEqual({ baustelleId: 'b1', promoter: { orgId: 'o1' }, streets: ['Große Ulrichstraße'], persons: [{ role: 'x' }] });
		expect(warn).toHaveBeenCalledOnce();
		warn.mockRestore();
	});

	it('reports what it dropped', () => {
		expect(withoutPersonalData({ a: 1, email: 'x@y.de', nested: { telefon: '1' } }).dropped).toEqual(['email', 'nested.telefon']);
	});

	it('leaves the link null without an origin or a link', () => {
		expect(absoluteLink('/baustellen/1', null)).toBeNull();
		expect(absoluteLink(null, 'https://tiefblick.example')).toBeNull();
	});
});
