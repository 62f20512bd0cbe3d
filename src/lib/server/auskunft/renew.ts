/**
 * @module auskunft/renew
 * Renewal (`POST /api/v1/auskuenfte/{id}/renew`): the same drawn area checked again against the layer
 * versions active now and every operator whose coverage meets it now, stored as a new validity of the
 * same number — new operator results, new document version — with a diff against the validity it
 * replaces (kept in auskunft_validities, its PDFs stay verifiable).
 *
 * Operators answer a renewal as they answer a new request: automatic ones at once, manual ones again
 * from their inbox (a new validity is a new answer, never one given on their behalf).
 */
import { sql } from '../db';
import { now } from '../clock';
import { appendAudit } from '../audit/repo';
import { computeAuskunft, featureRecord, type Computation } from './compute';
import * as repo from './repo';
import { archiveValidity, clearResults, lockAuskunft, markRenewed, storedLayerUses, storedOperators } from './answers-repo';
import { storeComputation } from './store';
import { issueVersion } from './issue';
import { renewalDiff, type DiffOperator, type RenewalDiff } from './renew-diff';
import { berlinDate, overallValidUntil, type OperatorStatus } from './rules';
import type { Polygonal } from './clip';
import type { Requester } from './service';

export type RenewOutcome = { status: 'renewed'; auskunft: repo.AuskunftRow; diff: RenewalDiff; version: number } | { status: 'not_found' };

const released = (status: OperatorStatus, planReleased: boolean) => status === 'betroffen' && planReleased;

export async function renewAuskunft(requester: Requester, id: string, origin: string): Promise<RenewOutcome> {
	const found = await repo.findAuskunft(sql, id);
	if (!found || found.orgId !== requester.orgId) return { status: 'not_found' };

	const at = now();
	const today = berlinDate(at);
	// outside the transaction: the computation reads layers and settings through the pool
	const computation: Computation = await computeAuskunft({ area25832: found.area25832 as Polygonal, type: found.type, workClass: found.workClass, today });
	const validUntil = overallValidUntil(
		computation.operators.filter((o) => o.status !== 'ausstehend').map((o) => o.validUntil),
		computation.operators[0]?.validUntil ?? today
	);

	return sql.begin(async (tx): Promise<RenewOutcome> => {
		await lockAuskunft(tx, id);
		const a = (await repo.findAuskunft(tx, id))!;
		const oldOperators = await storedOperators(tx, id);
		const oldLayers = await storedLayerUses(tx, id);
		const validityNo = a.validityNo ?? 1;
		await archiveValidity(tx, id, {
			validityNo,
			startedAt: a.renewedAt ?? a.createdAt,
			endedAt: at,
			validUntil: a.validUntil,
			operators: oldOperators,
			layers: oldLayers.map((l) => ({ layerId: l.layerId, versionId: l.versionId, sha256: l.sha256, bufferM: l.bufferM }))
		});
		await clearResults(tx, id);

		await storeComputation(tx, id, computation, at);
		await markRenewed(tx, id, { validityNo: validityNo + 1, renewedAt: at, validUntil, externalOperators: computation.external, bbox: computation.grownBbox });

		const renewed = (await repo.findAuskunft(tx, id))!;
		const issued = await issueVersion(tx, renewed, { reason: 'renewal', origin, issuedAt: at });

		const before: DiffOperator[] = oldOperators.map((o) => ({
			id: o.operatorOrgId,
			name: o.operatorName,
			status: o.status,
			released: released(o.status, o.planReleased),
			features: o.features.features
		}));
		const after: DiffOperator[] = computation.operators.map((o) => ({
			id: o.orgId,
			name: o.name,
			status: o.status,
			released: released(o.status, true),
			features: o.features.map(featureRecord)
		}));
		const diff = renewalDiff(
			{ validUntil: a.validUntil, operators: before, layers: oldLayers.map((l) => ({ layerId: l.layerId, layer: l.layerName, operator: l.operatorName, sha256: l.sha256 })) },
			{
				validUntil,
				operators: after,
				layers: (await storedLayerUses(tx, id)).map((l) => ({ layerId: l.layerId, layer: l.layerName, operator: l.operatorName, sha256: l.sha256 }))
			}
		);
		await appendAudit(tx, {
			action: 'auskunft.renewed',
			actorUser: requester.userId,
			actorOrg: requester.orgId,
			subject: id,
			data: {
				number: a.number,
				validity: validityNo + 1,
				validUntil,
				operators: computation.operators.map((o) => ({ org: o.orgId, status: o.status, features: o.featureCount })),
				layers: computation.layers.map((l) => ({ version: l.layer.versionId, sha256: l.layer.sha256, bufferM: l.bufferM })),
				changes: {
					operatorsAdded: diff.operatorsAdded.length,
					operatorsRemoved: diff.operatorsRemoved.length,
					statusChanged: diff.statusChanged.length,
					layerVersionsChanged: diff.layerVersionsChanged.length
				},
				version: issued.version,
				pdfSha256: issued.sha256
			}
		});
		return { status: 'renewed', auskunft: renewed, diff, version: issued.version };
	});
}
