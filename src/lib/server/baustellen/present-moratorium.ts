/**
 * @module baustellen/present-moratorium
 * The v1 JSON of an Aufbruchsperre (for its road authority).
 */
import type { Moratorium } from './moratoria';

export function moratoriumJson(m: Moratorium) {
	return {
		id: m.id,
		title: m.title,
		street: m.street,
		area: m.area4326,
		validFrom: m.validFrom,
		validUntil: m.validUntil,
		legalBasis: m.legalBasis,
		mode: m.mode,
		exemptions: m.exemptions,
		status: m.status,
		sourceBaustelleId: m.sourceBaustelleId,
		createdAt: m.createdAt.toISOString()
	};
}
