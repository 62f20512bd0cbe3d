/**
 * What the detail page shows beyond the v1 JSON: each permit's clock in words (working days left, the
 * period that starts on completeness), the other Baustellen of the conflicts for the map and whether
 * the viewer may open them, and what the viewer may do. Server-only (reads the service, read-only).
 */
import type { ConflictJson, PermitJson, Polygonal } from '$lib/baustellen';
import type { Db } from '$lib/server/db';
import { viewable } from '$lib/server/baustellen/access';
import { getAuthoritySettings, permitPeriods } from '$lib/server/baustellen/settings';
import { getBaustellenByIds, type BaustelleRow } from '$lib/server/baustellen/repo';
import { clockState } from '$lib/server/genehmigungen/clock';
import { describePeriod, type PeriodUnit } from '$lib/server/genehmigungen/periods';

export interface Clock {
	/** complete and undecided: the authority's time is counting */
	running: boolean;
	daysLeft: number | null;
	unit: PeriodUnit;
	/** the TK consent's due date has passed: it counts as granted */
	fictionDue: boolean;
	/** "10 Arbeitstage" — the period that starts on completeness */
	period: string;
	/** the period can still be extended once (TK consent, complete, not yet extended) */
	extendable: boolean;
}

export async function permitClocks(db: Db, permits: PermitJson[], today: string): Promise<Record<string, Clock>> {
	const out: Record<string, Clock> = {};
	const periods = new Map<string, ReturnType<typeof permitPeriods>>();
	for (const p of permits) {
		if (!periods.has(p.authority.id)) periods.set(p.authority.id, permitPeriods(await getAuthoritySettings(db, p.authority.id)));
		const period = periods.get(p.authority.id)![p.kind];
		const c = clockState(p, today, period);
		out[p.id] = {
			running: c.running,
			daysLeft: c.daysLeft,
			unit: period.unit,
			fictionDue: c.fictionDue,
			period: describePeriod(period),
			extendable: !!period.extension && p.status === 'vollstaendig' && !p.extended && !c.overdue
		};
	}
	return out;
}

export interface OtherOnMap {
	id: string;
	number: string;
	footprint: Polygonal;
}

/**
 * The other Baustellen named in the conflicts: their footprints for the map (where they are is what
 * the conflict is about) and which of them the viewer may open in full.
 */
export async function conflictPartners(
	db: Db,
	viewer: { orgId: string; isPlatform: boolean },
	conflicts: ConflictJson[]
): Promise<{ others: OtherOnMap[]; openable: string[] }> {
	const ids = [...new Set(conflicts.map((c) => c.other?.id).filter((x): x is string => !!x))];
	const rows: BaustelleRow[] = await getBaustellenByIds(db, ids);
	const openable: string[] = [];
	for (const r of rows) if (await viewable(db, viewer, r.id)) openable.push(r.id);
	return { others: rows.map((r) => ({ id: r.id, number: r.number, footprint: r.footprint4326 })), openable };
}
