/**
 * @module mitnutzung/service
 * POST /api/v1/mitnutzung and the page's form: measure the route (EPSG:4326 → 25832), compute, then ONE
 * transaction that stores the answer, writes the audit entry and tells each operator whose ducts were
 * found that someone checked a route along them (they see who asks about their network — the planner
 * will ask them for the Mitnutzung next).
 */
import { randomUUID } from 'node:crypto';
import type { Lineal } from '$lib/baustellen';
import { MAX_ROUTE_LENGTH_M } from '$lib/mitnutzung';
import { lonLatToUtm } from '$lib/geo/crs';
import { sql } from '../db';
import { now } from '../clock';
import { appendAudit } from '../audit/repo';
import { berlinDate } from '../auskunft/rules';
import { kickDeliveries, publish } from '../notifications/publish';
import { computeMitnutzung } from './compute';
import { measureRoute } from './cover';
import type { MitnutzungInput, Problem } from './input';
import * as repo from './repo';

export interface Requester {
	userId: string;
	orgId: string;
	orgName: string;
}

export type Outcome = { ok: true; check: repo.CheckRow } | { ok: false; status: number; code: string; message: string; problems: Problem[] };

function parts(route: Lineal): number[][][] {
	return route.type === 'LineString' ? [route.coordinates] : route.coordinates;
}

const metres = (m: number) => `${Math.round(m).toLocaleString('de-DE')} m`;

export async function checkRoute(requester: Requester, input: MitnutzungInput): Promise<Outcome> {
	const route = measureRoute(parts(input.route).map((part) => part.map((p) => lonLatToUtm(p))));
	if (route.lengthM < 1) {
		const message = 'Die Trasse ist kürzer als 1 m. Bitte eine Linie entlang der geplanten Verlegung zeichnen.';
		return { ok: false, status: 422, code: 'route_too_short', message, problems: [{ field: 'route', message }] };
	}
	if (route.lengthM > MAX_ROUTE_LENGTH_M) {
		const message = `Die Trasse ist ${metres(route.lengthM)} lang; geprüft werden höchstens ${metres(MAX_ROUTE_LENGTH_M)} auf einmal. Bitte in Abschnitte teilen.`;
		return { ok: false, status: 422, code: 'route_too_long', message, problems: [{ field: 'route', message }] };
	}

	const createdAt = now();
	const today = berlinDate(createdAt);
	const c = await computeMitnutzung({ route, corridorM: input.corridorM, orgId: requester.orgId, period: input.period, today });

	const check = await sql.begin(async (tx) => {
		const number = await repo.nextNumber(tx, Number(today.slice(0, 4)));
		const id = randomUUID();
		const row: repo.CheckRow = {
			id,
			number,
			orgId: requester.orgId,
			userId: requester.userId,
			title: input.title,
			route: input.route,
			corridorM: input.corridorM,
			routeLengthM: Math.round(route.lengthM * 10) / 10,
			coveredLengthM: c.coverage.lengthM,
			result: {
				id,
				number,
				title: input.title,
				createdAt: createdAt.toISOString(),
				route: { lengthM: Math.round(route.lengthM * 10) / 10, geometry: input.route },
				corridorM: input.corridorM,
				period: input.period,
				coverage: c.coverage,
				gaps: c.gaps,
				ducts: c.ducts,
				coLaying: c.coLaying,
				layerVersions: c.layers.map((l) => ({ layer: l.layerName, operator: l.operatorName, sha256: l.sha256 }))
			},
			createdAt
		};
		await repo.insertCheck(tx, row);
		await appendAudit(tx, {
			action: 'mitnutzung.checked',
			actorUser: requester.userId,
			actorOrg: requester.orgId,
			subject: id,
			data: {
				number,
				routeLengthM: row.routeLengthM,
				corridorM: input.corridorM,
				coveredLengthM: c.coverage.lengthM,
				ducts: c.ducts.map((d) => ({ org: d.operator.id, layer: d.layer.id, lengthM: d.lengthM })),
				layers: c.layers.map((l) => ({ version: l.versionId, sha256: l.sha256 })),
				baustellen: c.coLaying.map((x) => x.baustelle.id)
			}
		});
		for (const orgId of new Set(c.ducts.map((d) => d.operator.id))) {
			if (orgId === requester.orgId) continue;
			const own = c.ducts.filter((d) => d.operator.id === orgId);
			const length = own.reduce((s, d) => s + d.lengthM, 0);
			await publish(tx, {
				type: 'mitnutzung.anfrage',
				orgIds: [orgId],
				title: `${requester.orgName} prüft eine Trasse entlang Ihrer Leerrohre`,
				body: `${number}: ${metres(length)} der geplanten Trasse verlaufen entlang ${own.map((d) => `„${d.layer.name}“`).join(', ')} mit freien Rohren. Eine Anfrage zur Mitnutzung kann folgen.`,
				link: null,
				subjectId: id,
				data: { number, requesterOrgId: requester.orgId, lengthM: Math.round(length * 10) / 10, layerIds: own.map((d) => d.layer.id) }
			});
		}
		return row;
	});
	kickDeliveries();
	return { ok: true, check };
}
