/**
 * @module auskunft/store
 * Writes a computation's results — every operator's answer with its clipped features and deadlines,
 * and the layer versions used — inside the caller's transaction. Shared by the first request and by
 * renewal, so both store exactly the same thing.
 */
import type { Db } from '../db';
import { featureRecord, type Computation } from './compute';
import { deadlinesFor } from './deadlines';
import { insertLayerUse, insertOperatorResult } from './repo';

export async function storeComputation(tx: Db, auskunftId: string, computation: Computation, at: Date): Promise<void> {
	for (const op of computation.operators) {
		await insertOperatorResult(tx, auskunftId, {
			operatorOrgId: op.orgId,
			status: op.status,
			validUntil: op.validUntil,
			featureCount: op.featureCount,
			lengthM: op.lengthM,
			networks: op.networks,
			einweisungErforderlich: op.settings.einweisungErforderlich,
			zustimmungErforderlich: op.settings.zustimmungErforderlich,
			features: { type: 'FeatureCollection', features: op.features.map(featureRecord) },
			answeredAt: op.status === 'ausstehend' ? null : at,
			// a manual operator answers within one working day; after two it is keine_antwort
			...(op.status === 'ausstehend' ? deadlinesFor(at) : { deadlineAt: null, escalatesAt: null })
		});
	}
	for (const use of computation.layers) {
		await insertLayerUse(tx, auskunftId, { layerId: use.layer.layerId, versionId: use.layer.versionId, sha256: use.layer.sha256, bufferM: use.bufferM });
	}
}
