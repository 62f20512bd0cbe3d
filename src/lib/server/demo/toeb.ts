/**
 * @module demo/toeb
 * Two fictional operators on the demo authority's TöB list, so demo Auskünfte show the "gesondert
 * anzufragen" block. Added once; the authority may edit the list.
 */
import type { Sql } from '../db';
import { findOrgByName } from '../accounts/repo';
import { insertToeb, listToeb } from '../toeb/repo';

const ENTRIES = [
	{ name: 'Regionalgas Musterland GmbH (Demo, nicht auf Tiefblick)', networks: ['Gas (Hochdruck)'], contact: 'Planauskunft 0345 000 7700, leitungsauskunft@regionalgas-musterland.demo' },
	{ name: 'Bahnstrom Beispiel AG (Demo, nicht auf Tiefblick)', networks: ['Strom (Bahnstrom)', 'Telekommunikation'], contact: 'Fax 0345 000 7790, planauskunft@bahnstrom-beispiel.demo' }
];

export async function seedDemoToeb(sql: Sql): Promise<void> {
	const stadt = await findOrgByName(sql, 'Stadt Halle (Saale), Tiefbauamt (Demo)');
	if (!stadt || (await listToeb(sql, stadt.id)).length > 0) return;
	await sql.begin(async (tx) => {
		for (const e of ENTRIES) await insertToeb(tx, stadt.id, e);
	});
}
