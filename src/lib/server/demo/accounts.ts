/**
 * @module demo/accounts
 * The demo organisations and people: obviously fictional, one of each role, two requester orgs, and one
 * unverified org for the admin to verify. The README lists the same logins.
 */
import type { OrgRole } from '$lib/roles';

export const DEMO_PASSWORD = 'Tiefblick-Demo-2026';

export interface DemoAccount {
	org: string;
	roles: OrgRole[];
	verified: boolean;
	person: string;
	email: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
	{ org: 'Tiefblick Plattformbetrieb (Demo)', roles: ['plattform'], verified: true, person: 'Petra Plattform', email: 'admin@tiefblick.demo' },
	{ org: 'Tiefbau Musterbau GmbH (Demo)', roles: ['bauunternehmen'], verified: true, person: 'Bernd Bauleiter', email: 'bauleiter@musterbau.demo' },
	{ org: 'Ingenieurbüro Beispiel & Partner (Demo)', roles: ['planungsbuero'], verified: true, person: 'Paula Planer', email: 'planung@ib-beispiel.demo' },
	{ org: 'Stadtwerke Saalestadt (Demo)', roles: ['netzbetreiber', 'bauunternehmen'], verified: true, person: 'Norbert Netz', email: 'netz@sw-saalestadt.demo' },
	{ org: 'Glasfaser Fiktiv GmbH (Demo)', roles: ['netzbetreiber'], verified: true, person: 'Greta Glas', email: 'planauskunft@glasfaser-fiktiv.demo' },
	{ org: 'Abwasserverband Saaleaue (Demo)', roles: ['netzbetreiber'], verified: true, person: 'Anton Abwasser', email: 'netz@abwasser-saaleaue.demo' },
	{ org: 'Fernmelde Beispiel AG (Demo)', roles: ['netzbetreiber'], verified: true, person: 'Frieda Fernmelde', email: 'planauskunft@fernmelde-beispiel.demo' },
	{ org: 'Stadt Halle (Saale), Tiefbauamt (Demo)', roles: ['kommune', 'netzbetreiber'], verified: true, person: 'Konrad Kommune', email: 'tiefbauamt@halle.demo' },
	{ org: 'Gemeinde Saalwerder, Bauamt (Demo)', roles: ['kommune'], verified: true, person: 'Gerda Gemeinde', email: 'bauamt@saalwerder.demo' },
	{ org: 'Landesstraßenbaubehörde, Regionalbereich Süd (Demo)', roles: ['kommune'], verified: true, person: 'Lutz Landesstraße', email: 'strassenbau@lsbb.demo' },
	{ org: 'Erdbau Neuling KG (Demo, unverifiziert)', roles: ['bauunternehmen'], verified: false, person: 'Nina Neuling', email: 'neu@erdbau-neuling.demo' }
];
