/**
 * Test Baustellen inserted straight into the database (sql/0007_baustellen.sql), for the public feeds'
 * tests: an organisation with a user, and rows with geometry in both CRS, bbox and area computed here.
 * Personal data (contact, description, creating user) can be set, so tests can prove it never leaks.
 */
import type postgres from 'postgres';
import type { BaustelleStatus, Lineal, Polygonal, TrafficImpact, WorkKind } from '../../../src/lib/baustellen';
import { lonLatToUtm, mapPositions } from '../../../src/lib/geo/crs';
import type { OrgRole } from '../../../src/lib/roles';

export interface Promoter {
	orgId: string;
	userId: string;
}

/** An organisation with one active member (who cannot log in: the tests need no session). */
export async function seedPromoter(
	sql: postgres.Sql,
	p: { org: string; user?: string; email?: string; roles?: OrgRole[] }
): Promise<Promoter> {
	const [org] = await sql<{ id: string }[]>`insert into organisations (name, roles, verified_at)
		values (${p.org}, string_to_array(${(p.roles ?? ['bauunternehmen']).join(',')}, ','), now()) returning id`;
	const email = p.email ?? `${p.org.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@seed.example`;
	const [user] = await sql<{ id: string }[]>`insert into users (email, name, password_hash)
		values (${email}, ${p.user ?? `Mitarbeiter ${p.org}`}, '!') returning id`;
	await sql`insert into memberships (user_id, org_id, role, status) values (${user!.id}, ${org!.id}, 'admin', 'active')`;
	return { orgId: org!.id, userId: user!.id };
}

/** A lon/lat rectangle of about `widthM` × `heightM` metres centred on [lon, lat] (EPSG:4326). */
export function rectangle(lon: number, lat: number, widthM = 60, heightM = 12): Polygonal {
	const dLon = widthM / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
	const dLat = heightM / 2 / 110_574;
	return {
		type: 'Polygon',
		coordinates: [
			[
				[lon - dLon, lat - dLat],
				[lon + dLon, lat - dLat],
				[lon + dLon, lat + dLat],
				[lon - dLon, lat + dLat],
				[lon - dLon, lat - dLat]
			]
		]
	};
}

export interface SeedBaustelle {
	number?: string;
	title?: string;
	description?: string;
	contact?: { name?: string; phone?: string; email?: string; bauherr?: string };
	promoterPrivate?: boolean;
	public?: boolean;
	status?: BaustelleStatus;
	workKind?: WorkKind;
	excavation?: boolean;
	traffic?: TrafficImpact;
	streets?: string[];
	networks?: string[];
	plannedStart: string;
	plannedEnd: string;
	datesConfirmed?: boolean;
	actualStart?: string | null;
	actualEnd?: string | null;
	/** EPSG:4326; default a 60 m × 12 m rectangle at Halle's Marktplatz */
	footprint?: Polygonal;
	/** EPSG:4326; default the rectangle's long middle line */
	axis?: Lineal;
	ducts?: unknown[];
	revision?: number;
	updatedAt?: Date;
}

function envelope(coordinates: unknown): [number, number, number, number] {
	const flat: number[][] = [];
	mapPositions(coordinates, (p) => (flat.push(p), p));
	const xs = flat.map((p) => p[0]!);
	const ys = flat.map((p) => p[1]!);
	return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Shoelace area of a polygonal in metres (EPSG:25832), holes subtracted. */
function area(geometry: Polygonal): number {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	let sum = 0;
	for (const polygon of polygons) {
		polygon.forEach((ring, i) => {
			let twice = 0;
			for (let k = 1; k < ring.length; k++) twice += ring[k - 1]![0]! * ring[k]![1]! - ring[k]![0]! * ring[k - 1]![1]!;
			sum += (i === 0 ? 1 : -1) * Math.abs(twice / 2);
		});
	}
	return sum;
}

/** Inserts one Baustelle of `owner`; returns its id and number. */
export async function seedBaustelle(sql: postgres.Sql, owner: Promoter, b: SeedBaustelle): Promise<{ id: string; number: string }> {
	const footprint = b.footprint ?? rectangle(11.9697, 51.4826);
	const env = envelope(footprint.coordinates);
	const axis: Lineal = b.axis ?? {
		type: 'LineString',
		coordinates: [
			[env[0], (env[1] + env[3]) / 2],
			[env[2], (env[1] + env[3]) / 2]
		]
	};
	const footprint25832 = { type: footprint.type, coordinates: mapPositions(footprint.coordinates, lonLatToUtm) } as Polygonal;
	const axis25832 = { type: axis.type, coordinates: mapPositions(axis.coordinates, lonLatToUtm) } as Lineal;
	const box = envelope(footprint25832.coordinates);
	const [next] = await sql<{ seq: string }[]>`select nextval('baustelle_number_seq')::text as seq`;
	const seq = next!.seq;
	const number = b.number ?? `BS-${b.plannedStart.slice(0, 4)}-${seq.padStart(6, '0')}`;
	const updated = b.updatedAt ?? new Date();
	const contact = { name: '', phone: '', email: '', bauherr: '', ...b.contact };
	const [row] = await sql<{ id: string }[]>`
		insert into baustellen (number, org_id, created_by, promoter_private, title, description, contact, networks,
			work_kind, excavation, footprint_4326, footprint_25832, axis_4326, axis_25832, axis_derived, bbox, area_m2,
			streets, planned_start, planned_end, dates_confirmed, actual_start, actual_end, traffic, public, ducts,
			status, revision, created_at, updated_at)
		values (${number}, ${owner.orgId}, ${owner.userId}, ${b.promoterPrivate ?? false}, ${b.title ?? 'Baustelle'},
			${b.description ?? ''}, ${sql.json(contact)}, string_to_array(${(b.networks ?? []).join(',')}, ','),
			${b.workKind ?? 'aufgrabung'}, ${b.excavation ?? true}, ${sql.json(footprint as never)}, ${sql.json(footprint25832 as never)},
			${sql.json(axis as never)}, ${sql.json(axis25832 as never)}, ${b.axis === undefined},
			box(point(${box[0]}, ${box[1]}), point(${box[2]}, ${box[3]})), ${area(footprint25832)},
			string_to_array(${(b.streets ?? []).join('\u001f')}, ${'\u001f'}), ${b.plannedStart}, ${b.plannedEnd},
			${b.datesConfirmed ?? false}, ${b.actualStart ?? null}, ${b.actualEnd ?? null}, ${b.traffic ?? 'halbseitig'},
			${b.public ?? true}, ${sql.json((b.ducts ?? []) as never)}, ${b.status ?? 'genehmigt'}, ${b.revision ?? 0}, ${updated}, ${updated})
		returning id`;
	return { id: row!.id, number };
}

/** Marks a public change the way the lead's service does: revision + 1, updated_at = now (or the given instant). */
export async function bumpRevision(
	sql: postgres.Sql,
	id: string,
	changes: { title?: string; status?: BaustelleStatus; updatedAt?: Date } = {}
): Promise<void> {
	await sql`update baustellen set revision = revision + 1, updated_at = ${changes.updatedAt ?? new Date()},
		title = coalesce(${changes.title ?? null}, title), status = coalesce(${changes.status ?? null}, status)
		where id = ${id}`;
}
