/**
 * @module auskunft/service
 * POST /api/v1/auskuenfte and the request form: validate, compute, then ONE transaction that stores the
 * request, every operator's result, the layer versions with hashes and buffers, the audit entry and the
 * stamped PDF (document version 1). A failure leaves nothing behind.
 */
import { randomUUID, createHash } from 'node:crypto';
import { sql } from '../db';
import { now } from '../clock';
import { appendAudit } from '../audit/repo';
import { findUserById } from '../accounts/repo';
import { validateWorkArea } from './clip';
import { computeAuskunft } from './compute';
import type { AuskunftInput, Problem } from './input';
import * as repo from './repo';
import { AREA_LIMIT_M2, TYPE_LABELS, WORK_CLASS_DISTANCE_M, auskunftStatus, berlinDate, formatNumber, overallValidUntil } from './rules';
import { buildPdfModel } from './document';
import { SERVICE_AREA_BBOX, SERVICE_AREA_NAME } from '$lib/auskunft';
import { renderAuskunftPdf } from '../pdf/render';
import { storeComputation } from './store';

export interface Requester {
	userId: string;
	orgId: string;
	orgName: string;
	verified: boolean;
}

export type CreateOutcome =
	| { status: 'created'; auskunft: repo.AuskunftRow; replayed: boolean }
	| { status: 'invalid'; problems: Problem[]; code: string; message: string };

const areaText = (m2: number) => `${Math.round(m2).toLocaleString('de-DE')} m²`;

export async function createAuskunft(requester: Requester, input: AuskunftInput, opts: { idempotencyKey: string | null; origin: string }): Promise<CreateOutcome> {
	if (opts.idempotencyKey) {
		const existing = await repo.findByIdempotencyKey(sql, requester.orgId, opts.idempotencyKey);
		if (existing) return { status: 'created', auskunft: existing, replayed: true };
	}
	const checked = validateWorkArea(input.geometry);
	if (!checked.ok) {
		return { status: 'invalid', code: checked.code, message: checked.message, problems: [{ field: 'geometry', message: checked.message }] };
	}
	const outside = outsideServiceArea(input.geometry.coordinates);
	if (outside) {
		const message = `Der Arbeitsbereich liegt außerhalb des Gebiets, für das Tiefblick Auskünfte erteilt (${SERVICE_AREA_NAME}). Bitte die Lage prüfen – sind Länge und Breite vertauscht?`;
		return { status: 'invalid', code: 'outside_service_area', message, problems: [{ field: 'geometry', message }] };
	}
	const limit = AREA_LIMIT_M2[input.type];
	if (checked.areaM2 > limit) {
		const message = `Der gezeichnete Bereich ist ${areaText(checked.areaM2)} groß; eine ${TYPE_LABELS[input.type]} darf höchstens ${areaText(limit)} umfassen. Bitte den Bereich verkleinern oder aufteilen.`;
		return { status: 'invalid', code: 'area_too_large', message, problems: [{ field: 'geometry', message }] };
	}

	const issuedAt = now();
	const today = berlinDate(issuedAt);
	const computation = await computeAuskunft({ area25832: checked.area25832, type: input.type, workClass: input.workClass, today });
	const validUntil = overallValidUntil(
		computation.operators.filter((o) => o.status !== 'ausstehend').map((o) => o.validUntil),
		computation.operators[0]?.validUntil ?? today
	);
	const user = await findUserById(sql, requester.userId);

	const auskunft = await sql.begin(async (tx) => {
		const number = formatNumber(Number(today.slice(0, 4)), await repo.nextSequence(tx));
		const row: repo.AuskunftRow = {
			id: randomUUID(),
			number,
			orgId: requester.orgId,
			userId: requester.userId,
			type: input.type,
			workClass: input.workClass,
			workDistanceM: WORK_CLASS_DISTANCE_M[input.workClass],
			periodStart: input.period.start,
			periodEnd: input.period.end,
			description: input.description,
			reference: input.reference,
			site: input.site,
			area4326: input.geometry,
			area25832: checked.area25832,
			areaM2: Math.round(checked.areaM2 * 10) / 10,
			validUntil,
			externalOperators: computation.external,
			createdAt: issuedAt
		};
		await repo.insertAuskunft(tx, { ...row, bbox: computation.grownBbox, idempotencyKey: opts.idempotencyKey });
		await storeComputation(tx, row.id, computation, issuedAt);
		const model = buildPdfModel({
			auskunft: row,
			status: auskunftStatus(computation.operators.map((o) => o.status), validUntil, today),
			documentVersion: 1,
			issuedAt,
			requester: { org: requester.orgName, person: user?.name ?? '', email: user?.email ?? '', phone: user?.phone ?? undefined },
			computation,
			verifyUrl: `${opts.origin}/verify/${number}`
		});
		const pdf = await renderAuskunftPdf(model);
		const sha256 = createHash('sha256').update(pdf).digest('hex');
		await repo.insertDocument(tx, row.id, { version: 1, sha256, pdf, issuedAt });
		await appendAudit(tx, {
			action: 'auskunft.created',
			actorUser: requester.userId,
			actorOrg: requester.orgId,
			subject: row.id,
			data: {
				number,
				type: input.type,
				workClass: input.workClass,
				areaM2: row.areaM2,
				operators: computation.operators.map((o) => ({ org: o.orgId, status: o.status, features: o.featureCount })),
				layers: computation.layers.map((l) => ({ version: l.layer.versionId, sha256: l.layer.sha256, bufferM: l.bufferM })),
				pdfSha256: sha256
			}
		});
		return row;
	});
	return { status: 'created', auskunft, replayed: false };
}

/** True when any vertex (EPSG:4326) lies outside the service area's box. */
function outsideServiceArea(coordinates: unknown): boolean {
	const [w, south, e, n] = SERVICE_AREA_BBOX;
	const walk = (c: unknown): boolean =>
		Array.isArray(c) && typeof c[0] === 'number'
			? (c[0] as number) < w || (c[0] as number) > e || (c[1] as number) < south || (c[1] as number) > n
			: Array.isArray(c) && c.some(walk);
	return walk(coordinates);
}
