/**
 * @module genehmigungen/required
 * Which permits a Baustelle needs and from whom, pure. The authorities come from the routing (issue #5,
 * point 3): `strassenbaulast` = a road segment of another Straßenbaulastträger is met (e.g. the Land
 * for a Landesstraße outside the Ortsdurchfahrt), `gebiet` = the kommune whose area the footprint meets.
 *
 *   excavation, not only TK   → Aufgrabeerlaubnis          from the Straßenbaulastträger
 *   excavation, TK lines      → Zustimmung nach § 127 TKG  from the Straßenbaulastträger (Wegebaulastträger)
 *   traffic ≠ keine           → verkehrsrechtliche Anordnung from the kommune(n) of the area
 *   Kranstellung, or no
 *   excavation but traffic    → Sondernutzungserlaubnis    from the Straßenbaulastträger
 */
import { PERMIT_KINDS, type PermitKind, type TrafficImpact, type WorkKind } from '$lib/baustellen';

export interface RoutedAuthority {
	id: string;
	reason: 'gebiet' | 'strassenbaulast';
}

export interface RequiredPermit {
	kind: PermitKind;
	authorityOrgId: string;
}

/** Networks whose lines are Telekommunikationslinien in the sense of the TKG (§ 3 Nr. 64). */
export const TK_NETWORKS: readonly string[] = ['telekommunikation', 'breitband'];

function ids(authorities: RoutedAuthority[], reason: RoutedAuthority['reason']): string[] {
	return authorities.filter((a) => a.reason === reason).map((a) => a.id);
}

/**
 * The permits a Baustelle needs, one per kind and authority, ordered by kind (`PERMIT_KINDS`) and then
 * by the authorities' order.
 *
 * The Straßenbaulastträger are the `strassenbaulast` authorities when the routing found any, else the
 * `gebiet` ones (a kommune is Straßenbaulastträger of its own roads). The Straßenverkehrsbehörde is the
 * kommune of the area (`gebiet`), or the Straßenbaulastträger when no area was met.
 *
 * TK lines: a telecom company laying its lines in a public road needs the Wegebaulastträger's consent
 * under § 127 Abs. 1 TKG, which is the decision on the use of the road — asking it for an Aufgrabe-
 * erlaubnis as well would make it decide twice and run a second clock beside the statutory one. So for
 * works that lay only TK lines the consent replaces the Aufgrabeerlaubnis of each Straßenbaulastträger.
 * Works that also lay other lines in the same trench (a Stadtwerk laying water and fibre) need both: the
 * consent covers only the TK line. TK works without excavation (blowing fibre into existing ducts) need
 * neither here.
 */
export function requiredPermits(
	b: { excavation: boolean; traffic: TrafficImpact; networks: string[]; workKind: WorkKind },
	authorities: RoutedAuthority[]
): RequiredPermit[] {
	const strassenbaulast = ids(authorities, 'strassenbaulast');
	const gebiet = ids(authorities, 'gebiet');
	const roadAuthorities = strassenbaulast.length ? strassenbaulast : gebiet;
	const trafficAuthorities = gebiet.length ? gebiet : strassenbaulast;

	const tk = b.networks.filter((n) => TK_NETWORKS.includes(n));
	const onlyTk = tk.length > 0 && tk.length === b.networks.length;
	const hasTraffic = b.traffic !== 'keine';

	const needs: Record<PermitKind, string[]> = {
		aufgrabeerlaubnis: b.excavation && !onlyTk ? roadAuthorities : [],
		verkehrsrechtliche_anordnung: hasTraffic ? trafficAuthorities : [],
		tkg_zustimmung: b.excavation && tk.length > 0 ? roadAuthorities : [],
		sondernutzung: b.workKind === 'kranstellung' || (!b.excavation && hasTraffic) ? roadAuthorities : []
	};

	const result: RequiredPermit[] = [];
	const seen = new Set<string>();
	for (const kind of PERMIT_KINDS) {
		for (const authorityOrgId of needs[kind]) {
			const key = `${kind}|${authorityOrgId}`;
			if (seen.has(key)) continue;
			seen.add(key);
			result.push({ kind, authorityOrgId });
		}
	}
	return result;
}
