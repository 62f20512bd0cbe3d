/**
 * @module baustellen/present
 * The v1 JSON of a Baustelle and its conflicts, for its promoter and its authorities
 * (`BaustelleJson`, `ConflictJson` in $lib/baustellen). Public feeds use atlas/ instead.
 */
import type { BaustelleJson, ConflictJson, PermitJson } from '$lib/baustellen';
import type { Db } from '../db';
import { now } from '../clock';
import { berlinDate } from '../auskunft/rules';
import { clockState } from '../genehmigungen/clock';
import type { Period } from '../genehmigungen/periods';
import { getAuthoritySettings, permitPeriods } from './settings';
import * as repo from './repo';

export function permitJson(p: repo.PermitRow, today: string, period: Period): PermitJson {
	return {
		id: p.id,
		kind: p.kind,
		authority: { id: p.authorityOrgId, name: p.authorityName },
		status: p.status,
		submittedAt: p.submittedAt,
		completeAt: p.completeAt,
		dueAt: p.dueAt,
		extended: p.extended,
		conditions: p.conditions,
		reason: p.reason,
		decidedAt: p.decidedAt?.toISOString() ?? null,
		overdue: clockState(p, today, period).overdue
	};
}

export async function baustelleJson(db: Db, b: repo.BaustelleRow, origin: string): Promise<BaustelleJson> {
	const today = berlinDate(now());
	const [authorities, permits, conflicts] = [await repo.authoritiesOf(db, b.id), await repo.permitsOf(db, b.id), await repo.conflictSummary(db, b.id)];
	return {
		id: b.id,
		number: b.number,
		status: b.status,
		title: b.title,
		description: b.description,
		promoter: { orgId: b.orgId, name: b.promoterPrivate ? 'privat' : b.orgName, privat: b.promoterPrivate },
		contact: b.contact,
		networks: b.networks,
		workKind: b.workKind,
		excavation: b.excavation,
		publiclyFunded: b.publiclyFunded,
		exemption: b.exemption,
		footprint: b.footprint4326,
		axis: b.axis4326,
		axisDerived: b.axisDerived,
		areaM2: b.areaM2,
		streets: b.streets,
		period: { start: b.plannedStart, end: b.plannedEnd, confirmed: b.datesConfirmed },
		actual: { start: b.actualStart, end: b.actualEnd },
		traffic: b.traffic,
		public: b.public,
		auskunftId: b.auskunftId,
		ducts: b.ducts,
		authorities,
		permits: await permitsJson(db, permits, today),
		conflicts,
		revision: b.revision,
		createdAt: b.createdAt.toISOString(),
		updatedAt: b.updatedAt.toISOString(),
		links: { self: `${origin}/api/v1/baustellen/${b.id}`, konflikte: `${origin}/api/v1/baustellen/${b.id}/konflikte`, page: `${origin}/baustellen/${b.id}` }
	};
}

/** Permits with their clocks, each by the periods of its deciding authority. */
export async function permitsJson(db: Db, permits: repo.PermitRow[], today: string): Promise<PermitJson[]> {
	const periods = new Map<string, ReturnType<typeof permitPeriods>>();
	const out: PermitJson[] = [];
	for (const p of permits) {
		if (!periods.has(p.authorityOrgId)) periods.set(p.authorityOrgId, permitPeriods(await getAuthoritySettings(db, p.authorityOrgId)));
		out.push(permitJson(p, today, periods.get(p.authorityOrgId)![p.kind]));
	}
	return out;
}

/** The stored conflicts of a Baustelle with what the viewer may know about the other side. */
export async function conflictsJson(db: Db, b: repo.BaustelleRow): Promise<ConflictJson[]> {
	const rows = await repo.conflictsOf(db, b.id);
	const others = await repo.getBaustellenByIds(db, [...new Set(rows.map((r) => r.otherBaustelleId).filter((x): x is string => !!x))]);
	const moratoria = new Map<string, { id: string; title: string; valid_until: Date }>();
	const mIds = [...new Set(rows.map((r) => r.moratoriumId).filter((x): x is string => !!x))];
	if (mIds.length) {
		for (const m of await db<{ id: string; title: string; valid_until: Date }[]>`select id, title, valid_until from moratoria where id = any (string_to_array(${mIds.join(',')}, ',')::uuid[])`) {
			moratoria.set(m.id, m);
		}
	}
	return rows.map((r) => {
		const o = others.find((x) => x.id === r.otherBaustelleId);
		const m = r.moratoriumId ? moratoria.get(r.moratoriumId) : undefined;
		return {
			id: r.id,
			kind: r.kind,
			severity: r.severity,
			blocking: r.blocking,
			message: r.message,
			other: o
				? {
						id: o.id,
						number: o.number,
						title: o.title,
						promoter: o.promoterPrivate ? 'privat' : o.orgName,
						start: o.actualStart ?? o.plannedStart,
						end: o.actualEnd ?? o.plannedEnd,
						// business contact for coordinating, never for private promoters
						...(o.promoterPrivate ? {} : { contact: { name: o.contact.name, phone: o.contact.phone, email: o.contact.email } })
					}
				: null,
			moratorium: m ? { id: m.id, title: m.title, validUntil: repo.isoDate(m.valid_until)! } : null,
			details: r.details
		};
	});
}
