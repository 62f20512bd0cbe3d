import { describe, expect, it } from 'vitest';
import { requiredPermits, type RoutedAuthority } from './required';

const HALLE: RoutedAuthority = { id: 'org-halle', reason: 'gebiet' };
const NACHBAR: RoutedAuthority = { id: 'org-gemeinde-saaleaue', reason: 'gebiet' };
/** the Land as Straßenbaulastträger of a Landesstraße outside the Ortsdurchfahrt */
const LAND: RoutedAuthority = { id: 'org-landesstrassenbau', reason: 'strassenbaulast' };

const water = { excavation: true, traffic: 'halbseitig' as const, networks: ['wasser'], workKind: 'leitungsbau' as const };
const fibre = { excavation: true, traffic: 'halbseitig' as const, networks: ['breitband'], workKind: 'leitungsbau' as const };

describe('requiredPermits', () => {
	it('water works that excavate and narrow the road: Aufgrabeerlaubnis and verkehrsrechtliche Anordnung', () => {
		expect(requiredPermits(water, [HALLE])).toEqual([
			{ kind: 'aufgrabeerlaubnis', authorityOrgId: 'org-halle' },
			{ kind: 'verkehrsrechtliche_anordnung', authorityOrgId: 'org-halle' }
		]);
	});

	it('TK lines: the § 127 TKG consent replaces the Aufgrabeerlaubnis', () => {
		expect(requiredPermits(fibre, [HALLE])).toEqual([
			{ kind: 'verkehrsrechtliche_anordnung', authorityOrgId: 'org-halle' },
			{ kind: 'tkg_zustimmung', authorityOrgId: 'org-halle' }
		]);
		expect(requiredPermits({ ...fibre, networks: ['telekommunikation'], traffic: 'keine' }, [HALLE])).toEqual([{ kind: 'tkg_zustimmung', authorityOrgId: 'org-halle' }]);
	});

	it('a joint trench of water and fibre needs both: the consent covers only the TK line', () => {
		expect(requiredPermits({ ...water, networks: ['wasser', 'breitband'], traffic: 'keine' }, [HALLE])).toEqual([
			{ kind: 'aufgrabeerlaubnis', authorityOrgId: 'org-halle' },
			{ kind: 'tkg_zustimmung', authorityOrgId: 'org-halle' }
		]);
	});

	it('TK works without excavation need no consent here', () => {
		expect(requiredPermits({ ...fibre, excavation: false, traffic: 'keine' }, [HALLE])).toEqual([]);
	});

	it('an excavation without named networks needs the Aufgrabeerlaubnis', () => {
		expect(requiredPermits({ excavation: true, traffic: 'keine', networks: [], workKind: 'aufgrabung' }, [HALLE])).toEqual([{ kind: 'aufgrabeerlaubnis', authorityOrgId: 'org-halle' }]);
	});

	it('a Kranstellung always needs the Sondernutzungserlaubnis, and the Anordnung when it affects traffic', () => {
		const kran = { excavation: false, traffic: 'gehweg' as const, networks: [], workKind: 'kranstellung' as const };
		expect(requiredPermits(kran, [HALLE])).toEqual([
			{ kind: 'verkehrsrechtliche_anordnung', authorityOrgId: 'org-halle' },
			{ kind: 'sondernutzung', authorityOrgId: 'org-halle' }
		]);
		expect(requiredPermits({ ...kran, traffic: 'keine' }, [HALLE])).toEqual([{ kind: 'sondernutzung', authorityOrgId: 'org-halle' }]);
	});

	it('Oberflächenarbeiten without excavation and traffic impact need nothing; with traffic impact a Sondernutzung', () => {
		const surface = { excavation: false, traffic: 'keine' as const, networks: [], workKind: 'oberflaechenarbeiten' as const };
		expect(requiredPermits(surface, [HALLE])).toEqual([]);
		expect(requiredPermits({ ...surface, traffic: 'vollsperrung' }, [HALLE])).toEqual([
			{ kind: 'verkehrsrechtliche_anordnung', authorityOrgId: 'org-halle' },
			{ kind: 'sondernutzung', authorityOrgId: 'org-halle' }
		]);
	});

	it('interkommunal: every kommune of the area decides for its part', () => {
		expect(requiredPermits({ ...water, traffic: 'vollsperrung' }, [HALLE, NACHBAR])).toEqual([
			{ kind: 'aufgrabeerlaubnis', authorityOrgId: 'org-halle' },
			{ kind: 'aufgrabeerlaubnis', authorityOrgId: 'org-gemeinde-saaleaue' },
			{ kind: 'verkehrsrechtliche_anordnung', authorityOrgId: 'org-halle' },
			{ kind: 'verkehrsrechtliche_anordnung', authorityOrgId: 'org-gemeinde-saaleaue' }
		]);
	});

	it('a Landesstraße: the Land grants the use of the road, the kommune orders the traffic measures', () => {
		expect(requiredPermits(water, [HALLE, LAND])).toEqual([
			{ kind: 'aufgrabeerlaubnis', authorityOrgId: 'org-landesstrassenbau' },
			{ kind: 'verkehrsrechtliche_anordnung', authorityOrgId: 'org-halle' }
		]);
		expect(requiredPermits(fibre, [LAND, HALLE])).toEqual([
			{ kind: 'verkehrsrechtliche_anordnung', authorityOrgId: 'org-halle' },
			{ kind: 'tkg_zustimmung', authorityOrgId: 'org-landesstrassenbau' }
		]);
		// only the Land was met: it also stands in for the traffic authority
		expect(requiredPermits(water, [LAND])).toEqual([
			{ kind: 'aufgrabeerlaubnis', authorityOrgId: 'org-landesstrassenbau' },
			{ kind: 'verkehrsrechtliche_anordnung', authorityOrgId: 'org-landesstrassenbau' }
		]);
	});

	it('lists each kind and authority once, in a stable order', () => {
		const twice = [HALLE, NACHBAR, HALLE];
		const once = requiredPermits({ ...water, networks: ['wasser', 'telekommunikation'], workKind: 'kranstellung' }, twice);
		expect(once.map((p) => `${p.kind}:${p.authorityOrgId}`)).toEqual([
			'aufgrabeerlaubnis:org-halle',
			'aufgrabeerlaubnis:org-gemeinde-saaleaue',
			'verkehrsrechtliche_anordnung:org-halle',
			'verkehrsrechtliche_anordnung:org-gemeinde-saaleaue',
			'tkg_zustimmung:org-halle',
			'tkg_zustimmung:org-gemeinde-saaleaue',
			'sondernutzung:org-halle',
			'sondernutzung:org-gemeinde-saaleaue'
		]);
		expect(requiredPermits(water, [])).toEqual([]);
	});
});
