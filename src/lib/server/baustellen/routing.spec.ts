import { describe, expect, it } from 'vitest';
import { decideAuthorities } from './routing';

describe('decideAuthorities', () => {
	it('names the municipality whose area the footprint meets', () => {
		expect(decideAuthorities([{ orgId: 'halle', name: 'Stadt Halle' }], [])).toEqual([{ id: 'halle', name: 'Stadt Halle', reason: 'gebiet' }]);
	});

	it('adds the Straßenbaulastträger of a road segment (a Landesstraße outside the Ortsdurchfahrt)', () => {
		const r = decideAuthorities([{ orgId: 'gemeinde', name: 'Gemeinde Saalwerder' }], [{ authorityOrgId: 'land', authorityName: 'Landesstraßenbaubehörde' }]);
		expect(r).toEqual([
			{ id: 'gemeinde', name: 'Gemeinde Saalwerder', reason: 'gebiet' },
			{ id: 'land', name: 'Landesstraßenbaubehörde', reason: 'strassenbaulast' }
		]);
	});

	it('lists each authority once, and an area authority keeps its coordinating role', () => {
		const r = decideAuthorities(
			[
				{ orgId: 'halle', name: 'Stadt Halle' },
				{ orgId: 'gemeinde', name: 'Gemeinde Saalwerder' }
			],
			[
				{ authorityOrgId: 'halle', authorityName: 'Stadt Halle' },
				{ authorityOrgId: 'land', authorityName: 'Land' },
				{ authorityOrgId: 'land', authorityName: 'Land' }
			]
		);
		expect(r.map((a) => `${a.id}:${a.reason}`)).toEqual(['gemeinde:gebiet', 'halle:gebiet', 'land:strassenbaulast']);
	});

	it('is empty where no authority is on the platform', () => {
		expect(decideAuthorities([], [])).toEqual([]);
	});
});
