/**
 * @module auskunft/present
 * The v1 JSON of an Auskunft (POST answer, GET one, list items). No line geometry here: that is only
 * in features.geojson / features.dxf, for the requesting org, while valid.
 */
import type { Db } from '../db';
import { now } from '../clock';
import * as repo from './repo';
import { auskunftStatus, berlinDate } from './rules';
import { settleDeadlines } from './deadlines';

/**
 * `db` is the server's pool, never a transaction: a passed deadline is settled here first (its own
 * transaction), so a read right after the clock moved already shows keine_antwort.
 */
export async function auskunftJson(db: Db, a: repo.AuskunftRow, origin: string) {
	await settleDeadlines({ auskunftId: a.id, origin });
	const [operators, layers, docs] = await Promise.all([repo.operatorResults(db, a.id), repo.layerUses(db, a.id), repo.documents(db, a.id)]);
	const self = `${origin}/api/v1/auskuenfte/${a.id}`;
	const latest = docs[docs.length - 1];
	return {
		id: a.id,
		number: a.number,
		type: a.type,
		workClass: a.workClass,
		status: auskunftStatus(operators.map((o) => o.status), a.validUntil, berlinDate(now())),
		validUntil: a.validUntil,
		issuedAt: a.createdAt,
		areaM2: a.areaM2,
		period: { start: a.periodStart, end: a.periodEnd },
		description: a.description,
		reference: a.reference,
		operators: operators.map((o) => ({
			id: o.operatorOrgId,
			name: o.operatorName,
			networks: o.networks,
			status: o.status,
			validUntil: o.status === 'ausstehend' || o.status === 'keine_antwort' ? null : o.validUntil,
			// a plan withheld (own documents instead) is not counted: its features are not released
			featureCount: o.status === 'betroffen' && o.planReleased !== false ? o.featureCount : 0,
			lengthM: o.status === 'betroffen' && o.planReleased !== false ? o.lengthM : 0,
			einweisungErforderlich: o.einweisungErforderlich,
			zustimmungErforderlich: o.zustimmungErforderlich
		})),
		externalOperators: a.externalOperators,
		externalOperatorsNote: 'Nicht aufgeführte Betreiber sind gesondert anzufragen.',
		layerVersions: layers.map((l) => ({ layer: l.layerName, layerId: l.layerId, operator: l.operatorName, sha256: l.sha256, bufferM: l.bufferM })),
		documents: docs.map((d) => ({ version: d.version, sha256: d.sha256, issuedAt: d.issuedAt, pdf: `${self}/pdf?version=${d.version}` })),
		documentVersion: latest?.version ?? null,
		links: {
			self,
			pdf: `${self}/pdf`,
			geojson: `${self}/features.geojson`,
			dxf: `${self}/features.dxf`,
			verify: `${origin}/verify/${a.number}`
		}
	};
}

/**
 * The org's own Auskunft or null (another org's is "not found", as if it did not exist). Settles a
 * passed deadline first (see auskunftJson), so the PDF and the page read the current version.
 */
export async function ownAuskunft(db: Db, id: string, orgId: string): Promise<repo.AuskunftRow | null> {
	const a = await repo.findAuskunft(db, id);
	if (!a || a.orgId !== orgId) return null;
	return (await settleDeadlines({ auskunftId: a.id })) ? repo.findAuskunft(db, id) : a;
}
