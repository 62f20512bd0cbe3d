/**
 * @module auskunft/document
 * Fills the PDF model of one document version from a stored Auskunft and its computation.
 */
import type { NetworkFeatureProperties } from '$lib/layers/catalogue';
import type { AuskunftPdfModel, AreaGeometry, Geometry, PdfOperator } from '../pdf/model';
import type { Computation, OperatorOutcome } from './compute';
import type { AuskunftRow } from './repo';
import { streetsNear } from './streets';
import type { AuskunftStatus } from './rules';

function pdfOperator(o: OperatorOutcome): PdfOperator {
	const c = o.settings.contacts;
	return {
		name: o.name,
		networks: o.networks,
		status: o.status,
		// no answer, no validity: pending and unanswered operators give none
		validUntil: o.status === 'ausstehend' || o.status === 'keine_antwort' ? null : o.validUntil,
		datenstand: o.datenstand,
		contacts: {
			planauskunft: { name: c.planauskunft.name || 'Planauskunft', phone: c.planauskunft.phone, email: c.planauskunft.email },
			einweisung: { name: c.einweisung.name || 'Einweisung vor Ort', phone: c.einweisung.phone, email: c.einweisung.email },
			stoerung24h: { name: c.stoerung.name || 'Störung / Notfall (24 h)', phone: c.stoerung.phone, email: c.stoerung.email }
		},
		einweisungErforderlich: o.settings.einweisungErforderlich,
		zustimmungErforderlich: o.settings.zustimmungErforderlich,
		schutzanweisung: o.settings.schutzanweisungText,
		bufferM: o.bufferM,
		// a pending operator's computed plan is not released before it answers
		features:
			o.status === 'betroffen'
				? o.features.map((f) => ({ geometry: f.geometry as Geometry, properties: f.properties as unknown as NetworkFeatureProperties, lengthM: f.lengthM ?? 0 }))
				: [],
		featureCount: o.status === 'betroffen' ? o.featureCount : 0,
		lengthM: o.status === 'betroffen' ? o.lengthM : 0
	};
}

export function buildPdfModel(args: {
	auskunft: AuskunftRow;
	status: AuskunftStatus;
	documentVersion: number;
	issuedAt: Date;
	requester: AuskunftPdfModel['requester'];
	computation: Computation;
	verifyUrl: string;
}): AuskunftPdfModel {
	const a = args.auskunft;
	return {
		number: a.number,
		documentVersion: args.documentVersion,
		issuedAt: args.issuedAt,
		type: a.type,
		workClass: a.workClass,
		workClassDistanceM: a.workDistanceM,
		status: args.status,
		validUntil: a.validUntil,
		requester: args.requester,
		site: a.site,
		period: { start: a.periodStart, end: a.periodEnd },
		description: a.description,
		reference: a.reference,
		drawnArea: a.area25832 as AreaGeometry,
		grownArea: args.computation.grownArea as AreaGeometry,
		areaM2: a.areaM2,
		operators: args.computation.operators.map(pdfOperator),
		externalOperators: args.computation.external,
		streets: streetsNear(args.computation.grownBbox).map((s) => ({ name: s.name, geometry: s.geometry })),
		verifyUrl: args.verifyUrl,
		platformName: 'Tiefblick'
	};
}
