/**
 * @module auskunft/issue
 * Issues the next document version of an Auskunft from what is stored (operator results, features,
 * layer versions), after an answer, a missed deadline or a renewal. Same number, version n+1, stored
 * immutable with its sha256 like version 1, so /verify accepts it. Runs inside the caller's
 * transaction, which must hold `lockAuskunft` (version numbers are taken under that lock).
 */
import { createHash } from 'node:crypto';
import type { Network } from '$lib/layers/catalogue';
import type { Db } from '../db';
import { findOrgById, findUserById } from '../accounts/repo';
import { getSettings } from '../operators/settings';
import { renderAuskunftPdf } from '../pdf/render';
import { growArea, type ClippedFeature, type Polygonal } from './clip';
import type { PropertyValue } from './clip/types';
import type { Computation, LayerUse, OperatorOutcome } from './compute';
import { buildPdfModel } from './document';
import * as repo from './repo';
import { attachments, nextDocumentVersion, storedLayerUses, storedOperators, type StoredFeature } from './answers-repo';
import { auskunftStatus, berlinDate } from './rules';

export type DocumentReason = 'created' | 'answer' | 'keine_antwort' | 'renewal';

export const REASON_LABELS: Record<string, string> = {
	created: 'Erstausstellung',
	answer: 'Antwort eines Betreibers',
	keine_antwort: 'Frist abgelaufen (keine Antwort)',
	renewal: 'Verlängerung'
};

type OutcomeFeature = OperatorOutcome['features'][number];

/** A stored feature (see compute.featureRecord) back in the shape the document takes. */
function outcomeFeature(f: StoredFeature, index: number, networkOf: Map<string, Network>): OutcomeFeature {
	const { layer, lengthM, ...props } = f.properties;
	const layerName = typeof layer === 'string' ? layer : '';
	return {
		id: index,
		sourceId: typeof props.source_id === 'string' ? props.source_id : null,
		geometryClass: 'line',
		geometry: f.geometry as ClippedFeature['geometry'],
		lengthM: typeof lengthM === 'number' ? lengthM : null,
		areaM2: null,
		properties: props as Record<string, PropertyValue>,
		method: 'inside',
		layerName,
		network: networkOf.get(layerName) ?? (props.network as Network)
	};
}

/** The computation as it stands now: stored results, current operator settings, own attachments noted. */
export async function storedComputation(db: Db, a: repo.AuskunftRow): Promise<Computation> {
	// one after another: inside a transaction every query shares one connection anyway
	const operators = await storedOperators(db, a.id);
	const uses = await storedLayerUses(db, a.id);
	// documents sent for an earlier validity belong to that one (a renewal asks again)
	const since = a.renewedAt ?? a.createdAt;
	const files = (await attachments(db, a.id)).filter((f) => f.createdAt >= since);
	const base = a.workDistanceM;
	const maxBuffer = uses.reduce((m, u) => Math.max(m, u.bufferM), base);
	const grown = growArea(a.area25832 as Polygonal, maxBuffer);
	const outcomes: OperatorOutcome[] = [];
	for (const op of operators) {
		const own = uses.filter((u) => u.operatorOrgId === op.operatorOrgId);
		const networkOf = new Map(own.map((u) => [u.layerName, u.network]));
		const settings = await getSettings(db, op.operatorOrgId);
		const released = op.status === 'betroffen' && op.planReleased;
		const mine = files.filter((f) => f.operatorOrgId === op.operatorOrgId);
		// the renderer has no attachment list: the operator page's Schutzanweisung text carries the note
		const note = mine.length
			? `Eigene Unterlagen des Betreibers (Anlage zu dieser Auskunft, im Portal abrufbar): ${mine.map((f) => `${f.name} (SHA-256 ${f.sha256.slice(0, 16)}…)`).join('; ')}.` +
				(op.status === 'betroffen' && !op.planReleased ? ' Der berechnete Plan wurde nicht freigegeben; maßgeblich sind diese Unterlagen.' : '')
			: '';
		outcomes.push({
			orgId: op.operatorOrgId,
			name: op.operatorName,
			settings: note ? { ...settings, schutzanweisungText: [note, settings.schutzanweisungText].filter(Boolean).join('\n\n') } : settings,
			status: op.status,
			validUntil: op.validUntil,
			networks: op.networks,
			features: released ? op.features.features.map((f, i) => outcomeFeature(f, i, networkOf)) : [],
			featureCount: released ? op.featureCount : 0,
			lengthM: released ? op.lengthM : 0,
			datenstand: own.reduce<Date | null>((d, u) => (!d || u.versionCreatedAt > d ? u.versionCreatedAt : d), null),
			bufferM: own.reduce((m, u) => Math.max(m, u.bufferM), 0) || base
		});
	}
	const layers: LayerUse[] = uses.map((u) => ({
		layer: {
			layerId: u.layerId,
			layerName: u.layerName,
			network: u.network,
			requestBufferM: null,
			orgId: u.operatorOrgId,
			versionId: u.versionId,
			sha256: u.sha256,
			versionCreatedAt: u.versionCreatedAt
		},
		bufferM: u.bufferM
	}));
	return { operators: outcomes, layers, external: a.externalOperators, grownArea: grown.geometry, grownBbox: grown.bbox };
}

/**
 * Renders and stores the next version. `a` must carry the current validity (valid_until) — re-read it
 * inside the transaction after changing it.
 */
export async function issueVersion(
	tx: Db,
	a: repo.AuskunftRow,
	opts: { reason: DocumentReason; origin: string; issuedAt: Date }
): Promise<{ version: number; sha256: string }> {
	const computation = await storedComputation(tx, a);
	const org = await findOrgById(tx, a.orgId);
	const user = await findUserById(tx, a.userId);
	const version = await nextDocumentVersion(tx, a.id);
	const model = buildPdfModel({
		auskunft: a,
		status: auskunftStatus(computation.operators.map((o) => o.status), a.validUntil, berlinDate(opts.issuedAt)),
		documentVersion: version,
		issuedAt: opts.issuedAt,
		requester: { org: org?.name ?? '', person: user?.name ?? '', email: user?.email ?? '', phone: user?.phone ?? undefined },
		computation,
		verifyUrl: `${opts.origin}/verify/${a.number}`
	});
	const pdf = await renderAuskunftPdf(model);
	const sha256 = createHash('sha256').update(pdf).digest('hex');
	await repo.insertDocument(tx, a.id, { version, sha256, pdf, issuedAt: opts.issuedAt, reason: opts.reason });
	return { version, sha256 };
}

/** Where the verification link in a document points when no request tells (timer runs). */
export function publicOrigin(requestOrigin?: string): string {
	return requestOrigin ?? process.env.ORIGIN ?? 'http://localhost:3000';
}
