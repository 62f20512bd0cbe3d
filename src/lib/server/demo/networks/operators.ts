/**
 * @module demo/networks/operators
 * The fictional demo operators, their layers and service areas. Names say "(Demo)" and phone
 * numbers use the 000 block so nobody mistakes them for real ones; e-mail domains end in `.demo`.
 */
import type { Network } from '../../../layers/catalogue';
import type { Line } from './geometry';
import { PROFILES, type ProfileId } from './profiles';

export interface Contact {
	phone: string;
	email: string | null;
}

export interface OperatorLayer {
	/** file stem and layer key, unique within the operator */
	id: string;
	profile: ProfileId;
	network: Network;
	name: string;
	/** prefix of `source_id`, unique across the demo */
	idPrefix: string;
	/** a request around this layer grows by at least this many metres; null: the work class decides */
	requestBufferM: number | null;
}

/** A layer whose profile is named like it, with the profile's network and no extra request buffer. */
function layer(l: Pick<OperatorLayer, 'id' | 'name' | 'idPrefix'> & Partial<OperatorLayer>): OperatorLayer {
	const profile = l.profile ?? (l.id as ProfileId);
	return { profile, network: PROFILES[profile].network, requestBufferM: null, ...l };
}

/** Where an operator answers, built from the demo area's bbox (EPSG:25832). */
export type CoverageShape = (min: [number, number], max: [number, number]) => Line;

export interface DemoOperator {
	name: string;
	slug: string;
	contacts: { planauskunft: Contact; einweisung: Contact; stoerung24h: Contact };
	validityDays: number;
	answerMode: 'automatic' | 'manual';
	/** declared complete incl. Hausanschlüsse: only then "nicht betroffen" goes out automatically */
	dataComplete: boolean;
	einweisungErforderlich: boolean;
	zustimmungErforderlich: boolean;
	schutzanweisung: string;
	coverageNote: string;
	coverage: CoverageShape;
	layers: OperatorLayer[];
}

const grow =
	(m: number): CoverageShape =>
	(min, max) => [
		[min[0] - m, min[1] - m],
		[max[0] + m, min[1] - m],
		[max[0] + m, max[1] + m],
		[min[0] - m, max[1] + m],
		[min[0] - m, min[1] - m]
	];

/** The demo area without its south-western quarter (the fibre roll-out has not got there yet). */
const withoutSouthWest: CoverageShape = (min, max) => {
	const m = 50;
	const mid: [number, number] = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2];
	return [
		[mid[0], min[1] - m],
		[max[0] + m, min[1] - m],
		[max[0] + m, max[1] + m],
		[min[0] - m, max[1] + m],
		[min[0] - m, mid[1]],
		[mid[0], mid[1]],
		[mid[0], min[1] - m]
	];
};

/** Only the northern half of the demo area. */
const northernHalf: CoverageShape = (min, max) => {
	const m = 50;
	const midY = (min[1] + max[1]) / 2;
	return [
		[min[0] - m, midY],
		[max[0] + m, midY],
		[max[0] + m, max[1] + m],
		[min[0] - m, max[1] + m],
		[min[0] - m, midY]
	];
};

export const DEMO_OPERATORS: DemoOperator[] = [
	{
		name: 'Stadtwerke Saalestadt (Demo)',
		slug: 'stadtwerke-saalestadt',
		contacts: {
			planauskunft: { phone: '0345 000 1100', email: 'planauskunft@stadtwerke-saalestadt.demo' },
			einweisung: { phone: '0345 000 1120', email: 'einweisung@stadtwerke-saalestadt.demo' },
			stoerung24h: { phone: '0345 000 1199', email: null }
		},
		validityDays: 28,
		answerMode: 'automatic',
		dataComplete: true,
		einweisungErforderlich: true,
		zustimmungErforderlich: false,
		schutzanweisung:
			'Vor Beginn der Arbeiten ist eine Einweisung durch die Stadtwerke zu vereinbaren (mind. 3 Werktage vorher). ' +
			'Im Bereich von 1 m um Gas- und Wasserleitungen nur Handschachtung. Über Gas-Hochdruckleitungen keine ' +
			'Baumaschinen ohne Zustimmung. Bei Gasgeruch sofort Arbeiten einstellen und die Störungsnummer anrufen.',
		coverageNote: 'ganzes Demo-Gebiet',
		coverage: grow(100),
		layers: [
			layer({ id: 'wasser', name: 'Wasser Versorgungsleitungen', idPrefix: 'SWS-W' }),
			layer({ id: 'gas', name: 'Gas Nieder- und Mitteldruck', idPrefix: 'SWS-G' }),
			layer({ id: 'gas-hochdruck', name: 'Gas-Hochdruckleitungen', idPrefix: 'SWS-GH', requestBufferM: 50 }),
			layer({ id: 'strom', name: 'Strom Nieder- und Mittelspannung', idPrefix: 'SWS-S' }),
			layer({ id: 'fernwaerme', name: 'Fernwärme Trassen', idPrefix: 'SWS-F' })
		]
	},
	{
		name: 'Abwasserverband Saaleaue (Demo)',
		slug: 'abwasserverband-saaleaue',
		contacts: {
			planauskunft: { phone: '0345 000 2200', email: 'kanalauskunft@abwasserverband-saaleaue.demo' },
			einweisung: { phone: '0345 000 2210', email: 'netzbetrieb@abwasserverband-saaleaue.demo' },
			stoerung24h: { phone: '0345 000 2299', email: null }
		},
		validityDays: 56,
		answerMode: 'manual',
		dataComplete: true,
		einweisungErforderlich: false,
		zustimmungErforderlich: false,
		schutzanweisung:
			'Schachtabdeckungen müssen jederzeit zugänglich bleiben. Grundstücksanschlüsse sind nur teilweise ' +
			'eingemessen; ihre Lage ist vor Ort durch Suchschachtung festzustellen. Schäden an Kanälen sind ' +
			'unverzüglich zu melden.',
		coverageNote: 'ganzes Demo-Gebiet; jede Auskunft wird von Hand freigegeben',
		coverage: grow(80),
		layers: [{ id: 'abwasser', profile: 'abwasser', network: 'abwasser', name: 'Abwasser Kanalnetz', idPrefix: 'AVS-A', requestBufferM: null }]
	},
	{
		name: 'Glasfaser Fiktiv GmbH (Demo)',
		slug: 'glasfaser-fiktiv',
		contacts: {
			planauskunft: { phone: '0345 000 3300', email: 'trassenauskunft@glasfaser-fiktiv.demo' },
			einweisung: { phone: '0345 000 3310', email: 'bau@glasfaser-fiktiv.demo' },
			stoerung24h: { phone: '0800 000 3399', email: null }
		},
		validityDays: 90,
		answerMode: 'automatic',
		dataComplete: true,
		einweisungErforderlich: false,
		zustimmungErforderlich: false,
		schutzanweisung:
			'Rohrverbände liegen teils in Mindertiefe (ab 0,3 m). Bei Querungen nur Handschachtung. Freie Rohre ' +
			'können nach DigiNetzG zur Mitnutzung angefragt werden.',
		coverageNote: 'Demo-Gebiet ohne das südwestliche Viertel',
		coverage: withoutSouthWest,
		layers: [
			layer({ id: 'breitband', profile: 'breitband-glasfaser', name: 'Glasfaser Rohrverbände', idPrefix: 'GFF-B' })
		]
	},
	{
		name: 'Fernmelde Beispiel AG (Demo)',
		slug: 'fernmelde-beispiel',
		contacts: {
			planauskunft: { phone: '0345 000 4400', email: 'planauskunft@fernmelde-beispiel.demo' },
			einweisung: { phone: '0345 000 4410', email: 'trassenschutz@fernmelde-beispiel.demo' },
			stoerung24h: { phone: '0800 000 4499', email: null }
		},
		validityDays: 14,
		answerMode: 'automatic',
		dataComplete: false,
		einweisungErforderlich: false,
		zustimmungErforderlich: false,
		schutzanweisung:
			'Die Lage der Kabel ist nicht verbindlich; Abweichungen von mehr als 0,5 m sind möglich. ' +
			'Kabel vor Einsatz von Maschinen durch Handschachtung freilegen. Hausanschlüsse sind nicht dargestellt.',
		coverageNote: 'nördliche Hälfte des Demo-Gebiets',
		coverage: northernHalf,
		layers: [
			layer({ id: 'telekommunikation', name: 'Fernmeldekabel', idPrefix: 'FBA-T' }),
			layer({ id: 'breitband', profile: 'breitband-fernmelde', name: 'Breitband Schutzrohre', idPrefix: 'FBA-B' })
		]
	},
	{
		name: 'Stadt Halle (Saale), Tiefbauamt (Demo)',
		slug: 'stadt-halle-tiefbauamt',
		contacts: {
			planauskunft: { phone: '0345 000 5500', email: 'leitungsauskunft@tiefbauamt-halle.demo' },
			einweisung: { phone: '0345 000 5510', email: 'strassenbeleuchtung@tiefbauamt-halle.demo' },
			stoerung24h: { phone: '0345 000 5599', email: null }
		},
		validityDays: 28,
		answerMode: 'automatic',
		dataComplete: true,
		einweisungErforderlich: false,
		zustimmungErforderlich: true,
		schutzanweisung:
			'Arbeiten an und neben Lichtsignalanlagen bedürfen der Zustimmung des Tiefbauamts. Induktionsschleifen ' +
			'und Steuerkabel im Knotenbereich nicht beschädigen; Masten der Straßenbeleuchtung nicht unterschachten.',
		coverageNote: 'ganzes Demo-Gebiet (Stadtgebiet)',
		coverage: grow(150),
		layers: [
			layer({ id: 'beleuchtung', name: 'Straßenbeleuchtung', idPrefix: 'STH-BL' }),
			layer({ id: 'lsa', name: 'Lichtsignalanlagen', idPrefix: 'STH-LSA' })
		]
	}
];
