/**
 * @module baustellen/from-auskunft
 * „Als Baustelle anmelden“: a Leitungsauskunft already holds the area, the period and the works; the
 * Baustelle starts from them in one click and the promoter completes traffic, networks and contact.
 */
import type { WorkKind } from '$lib/baustellen';
import type { AuskunftRow } from '../auskunft/repo';
import type { WorkClass } from '../auskunft/rules';
import { DEFAULT_WIDTH_M, type BaustelleFields } from './input';

const KIND_BY_CLASS: Record<WorkClass, WorkKind> = {
	handschachtung: 'aufgrabung',
	aufgrabung: 'aufgrabung',
	bohrung: 'bohrung',
	rammarbeiten: 'sonstiges',
	grossbaustelle: 'leitungsbau'
};

export function fieldsFromAuskunft(a: AuskunftRow, overrides: Partial<BaustelleFields> = {}): BaustelleFields {
	const firstLine = a.description.split('\n')[0]!.trim();
	return {
		title: firstLine.slice(0, 120) || `Baustelle zur Auskunft ${a.number}`,
		description: a.description,
		promoterPrivate: false,
		contact: { name: a.site.bauleiter ?? '', phone: a.site.mobil ?? '', email: '', bauherr: a.site.bauherr ?? '' },
		networks: [],
		workKind: KIND_BY_CLASS[a.workClass],
		excavation: true,
		publiclyFunded: false,
		exemption: 'keine',
		footprint: a.area4326 as BaustelleFields['footprint'],
		axis: null,
		widthM: DEFAULT_WIDTH_M,
		// derived from the street data; the form's free-text street is only a fallback the promoter can enter
		streets: null,
		plannedStart: a.periodStart,
		plannedEnd: a.periodEnd,
		datesConfirmed: false,
		traffic: 'keine',
		public: true,
		auskunftId: a.id,
		ducts: [],
		...overrides
	};
}
