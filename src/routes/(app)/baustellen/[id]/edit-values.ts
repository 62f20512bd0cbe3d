/** The edit form's starting values: the Baustelle as it is now. */
import type { BaustelleJson } from '$lib/baustellen';
import type { BaustelleFormValues } from '../neu/form-body';

export function editValues(b: BaustelleJson): BaustelleFormValues {
	return {
		title: b.title,
		description: b.description,
		workKind: b.workKind,
		excavation: b.excavation ? 'ja' : 'nein',
		networks: b.networks,
		periodStart: b.period.start,
		periodEnd: b.period.end,
		confirmed: b.period.confirmed,
		traffic: b.traffic,
		public: b.public,
		publiclyFunded: b.publiclyFunded,
		exemption: b.exemption,
		promoter: b.promoter.privat ? 'privat' : 'org',
		bauherr: b.contact.bauherr,
		contactName: b.contact.name,
		contactPhone: b.contact.phone,
		contactEmail: b.contact.email,
		ducts: b.ducts.map((d) => ({ kind: d.kind, count: String(d.count), diameterMm: d.diameterMm === null ? '' : String(d.diameterMm) })),
		auskunftId: b.auskunftId ?? '',
		geometry: JSON.stringify(b.footprint)
	};
}
