/**
 * @module toeb
 * The road authority's list of operators in its area that are not on the platform (Träger öffentlicher
 * Belange). Every Auskunft whose area they cover lists them under "Nicht aufgeführte Betreiber sind
 * gesondert anzufragen." An entry without an area applies to the authority's whole territory.
 */
import type { Db } from '../db';

export interface ToebEntry {
	id: string;
	name: string;
	networks: string[];
	contact: string;
	hasArea: boolean;
	createdAt: Date;
}

export async function listToeb(db: Db, kommuneOrgId: string): Promise<ToebEntry[]> {
	const rows = await db<{ id: string; name: string; networks: string[]; contact: string; has_area: boolean; created_at: Date }[]>`
		select id, name, networks, contact, area is not null as has_area, created_at from toeb_entries
		where kommune_org_id = ${kommuneOrgId} order by name`;
	return rows.map((r) => ({ id: r.id, name: r.name, networks: r.networks, contact: r.contact, hasArea: r.has_area, createdAt: r.created_at }));
}

export function validateToeb(input: { name: string; networks: string; contact: string }): Record<string, string> {
	const errors: Record<string, string> = {};
	if (input.name.trim().length < 3) errors.name = 'Bitte den Namen des Betreibers angeben.';
	if (!input.networks.trim()) errors.networks = 'Bitte mindestens ein Netz angeben, z. B. „Gas, Strom“.';
	if (input.contact.trim().length < 5) errors.contact = 'Bitte einen Kontakt für die Anfrage angeben (Telefon, E-Mail oder Anschrift).';
	return errors;
}

export async function insertToeb(db: Db, kommuneOrgId: string, e: { name: string; networks: string[]; contact: string }): Promise<string> {
	const [row] = await db<{ id: string }[]>`insert into toeb_entries (kommune_org_id, name, networks, contact)
		values (${kommuneOrgId}, ${e.name}, string_to_array(${e.networks.join('\u001f')}, ${'\u001f'}), ${e.contact}) returning id`;
	return row!.id;
}

export async function deleteToeb(db: Db, kommuneOrgId: string, id: string): Promise<boolean> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
	const result = await db`delete from toeb_entries where id = ${id} and kommune_org_id = ${kommuneOrgId}`;
	return result.count === 1;
}
