/**
 * @module baustellen/repo
 * SQL of the construction calendar: Baustellen, their authorities, permits and stored conflicts.
 * Visibility is decided here in one place (`visibleWhere`): the owner org, its authorities and the
 * platform admin see a Baustelle in full; nobody else through these functions.
 */
import type { BaustelleStatus, Duct, Exemption, Lineal, PermitKind, PermitStatus, Polygonal, TrafficImpact, WorkKind } from '$lib/baustellen';
import type { Db } from '../db';
import type { Contact } from './input';
import type { Authority } from './routing';
import type { Bbox } from './geometry';

export interface BaustelleRow {
	id: string;
	number: string;
	orgId: string;
	orgName: string;
	createdBy: string;
	promoterPrivate: boolean;
	title: string;
	description: string;
	contact: Contact;
	networks: string[];
	workKind: WorkKind;
	excavation: boolean;
	publiclyFunded: boolean;
	exemption: Exemption;
	footprint4326: Polygonal;
	footprint25832: Polygonal;
	axis4326: Lineal;
	axis25832: Lineal;
	axisDerived: boolean;
	bbox: Bbox;
	areaM2: number;
	streets: string[];
	plannedStart: string;
	plannedEnd: string;
	datesConfirmed: boolean;
	actualStart: string | null;
	actualEnd: string | null;
	traffic: TrafficImpact;
	public: boolean;
	auskunftId: string | null;
	ducts: Duct[];
	status: BaustelleStatus;
	revision: number;
	createdAt: Date;
	updatedAt: Date;
}

export interface PermitRow {
	id: string;
	baustelleId: string;
	kind: PermitKind;
	authorityOrgId: string;
	authorityName: string;
	status: PermitStatus;
	submittedAt: string | null;
	completeAt: string | null;
	dueAt: string | null;
	extended: boolean;
	conditions: string;
	reason: string;
	decidedAt: Date | null;
	decidedBy: string | null;
	createdAt: Date;
	updatedAt: Date;
}

export interface ConflictRow {
	id: string;
	baustelleId: string;
	kind: 'ueberschneidung' | 'moratorium' | 'frost' | 'mitverlegung';
	otherBaustelleId: string | null;
	moratoriumId: string | null;
	severity: 'hoch' | 'mittel' | 'niedrig' | 'hinweis';
	blocking: boolean;
	message: string;
	details: Record<string, unknown>;
	computedAt: Date;
}

/** Calendar dates come back from postgres.js as Date at local midnight; we keep `YYYY-MM-DD`. */
export function isoDate(v: Date | string | null): string | null {
	if (v === null) return null;
	if (typeof v === 'string') return v.slice(0, 10);
	const y = v.getFullYear();
	const m = String(v.getMonth() + 1).padStart(2, '0');
	const d = String(v.getDate()).padStart(2, '0');
	return `${y}-${m}-${d}`;
}

function parseBox(v: unknown): Bbox {
	// core `box` comes back as "(maxx,maxy),(minx,miny)"
	const n = String(v).match(/-?[\d.e+-]+/g)!.map(Number);
	return [Math.min(n[0]!, n[2]!), Math.min(n[1]!, n[3]!), Math.max(n[0]!, n[2]!), Math.max(n[1]!, n[3]!)];
}

export const boxLiteral = (b: Bbox, grow = 0) => `(${b[0] - grow},${b[1] - grow}),(${b[2] + grow},${b[3] + grow})`;

type Raw = Record<string, unknown>;

export function mapBaustelle(r: Raw): BaustelleRow {
	return {
		id: r.id as string,
		number: r.number as string,
		orgId: r.org_id as string,
		orgName: r.org_name as string,
		createdBy: r.created_by as string,
		promoterPrivate: r.promoter_private as boolean,
		title: r.title as string,
		description: r.description as string,
		contact: { name: '', phone: '', email: '', bauherr: '', ...(r.contact as Partial<Contact>) },
		networks: r.networks as string[],
		workKind: r.work_kind as WorkKind,
		excavation: r.excavation as boolean,
		publiclyFunded: r.publicly_funded as boolean,
		exemption: r.exemption as Exemption,
		footprint4326: r.footprint_4326 as Polygonal,
		footprint25832: r.footprint_25832 as Polygonal,
		axis4326: r.axis_4326 as Lineal,
		axis25832: r.axis_25832 as Lineal,
		axisDerived: r.axis_derived as boolean,
		bbox: parseBox(r.bbox),
		areaM2: r.area_m2 as number,
		streets: r.streets as string[],
		plannedStart: isoDate(r.planned_start as Date)!,
		plannedEnd: isoDate(r.planned_end as Date)!,
		datesConfirmed: r.dates_confirmed as boolean,
		actualStart: isoDate(r.actual_start as Date | null),
		actualEnd: isoDate(r.actual_end as Date | null),
		traffic: r.traffic as TrafficImpact,
		public: r.public as boolean,
		auskunftId: (r.auskunft_id as string | null) ?? null,
		ducts: r.ducts as Duct[],
		status: r.status as BaustelleStatus,
		revision: r.revision as number,
		createdAt: r.created_at as Date,
		updatedAt: r.updated_at as Date
	};
}

export function mapPermit(r: Raw): PermitRow {
	return {
		id: r.id as string,
		baustelleId: r.baustelle_id as string,
		kind: r.kind as PermitKind,
		authorityOrgId: r.authority_org_id as string,
		authorityName: r.authority_name as string,
		status: r.status as PermitStatus,
		submittedAt: isoDate(r.submitted_at as Date | null),
		completeAt: isoDate(r.complete_at as Date | null),
		dueAt: isoDate(r.due_at as Date | null),
		extended: r.extended as boolean,
		conditions: r.conditions as string,
		reason: r.reason as string,
		decidedAt: (r.decided_at as Date | null) ?? null,
		decidedBy: (r.decided_by as string | null) ?? null,
		createdAt: r.created_at as Date,
		updatedAt: r.updated_at as Date
	};
}

export async function nextNumber(tx: Db, year: number): Promise<string> {
	const [row] = await tx<{ n: string }[]>`select nextval('baustelle_number_seq') as n`;
	return `BS-${year}-${String(row!.n).padStart(5, '0')}`;
}

export interface InsertBaustelle extends Omit<BaustelleRow, 'orgName' | 'revision' | 'actualStart' | 'actualEnd'> {
	actualStart?: string | null;
	actualEnd?: string | null;
}

export async function insertBaustelle(tx: Db, b: InsertBaustelle): Promise<void> {
	await tx`insert into baustellen (id, number, org_id, created_by, promoter_private, title, description, contact, networks, work_kind,
			excavation, publicly_funded, exemption, footprint_4326, footprint_25832, axis_4326, axis_25832, axis_derived, bbox, area_m2, streets,
			planned_start, planned_end, dates_confirmed, actual_start, actual_end, traffic, public, auskunft_id, ducts, status, revision, created_at, updated_at)
		values (${b.id}, ${b.number}, ${b.orgId}, ${b.createdBy}, ${b.promoterPrivate}, ${b.title}, ${b.description}, ${tx.json(b.contact as never)},
			string_to_array(${b.networks.join(',')}, ','), ${b.workKind}, ${b.excavation}, ${b.publiclyFunded}, ${b.exemption},
			${tx.json(b.footprint4326 as never)}, ${tx.json(b.footprint25832 as never)}, ${tx.json(b.axis4326 as never)}, ${tx.json(b.axis25832 as never)},
			${b.axisDerived}, ${boxLiteral(b.bbox)}::box, ${b.areaM2}, ${streetArray(b.streets)}::text[],
			${b.plannedStart}, ${b.plannedEnd}, ${b.datesConfirmed}, ${b.actualStart ?? null}, ${b.actualEnd ?? null}, ${b.traffic}, ${b.public},
			${b.auskunftId}, ${tx.json(b.ducts as never)}, ${b.status}, 0, ${b.createdAt}, ${b.updatedAt})`;
}

/** Street names may hold commas; a Postgres array literal quotes each one. */
export function streetArray(streets: string[]): string {
	return `{${streets.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

const SELECT = `select b.*, o.name as org_name from baustellen b join organisations o on o.id = b.org_id`;

export async function getBaustelle(db: Db, id: string): Promise<BaustelleRow | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [row] = await db.unsafe(`${SELECT} where b.id = $1`, [id]);
	return row ? mapBaustelle(row) : null;
}

export async function getBaustelleByNumber(db: Db, number: string): Promise<BaustelleRow | null> {
	const [row] = await db.unsafe(`${SELECT} where b.number = $1`, [number]);
	return row ? mapBaustelle(row) : null;
}

export async function getBaustellenByIds(db: Db, ids: string[]): Promise<BaustelleRow[]> {
	if (!ids.length) return [];
	const rows = await db.unsafe(`${SELECT} where b.id = any (string_to_array($1, ',')::uuid[])`, [ids.join(',')]);
	return rows.map(mapBaustelle);
}

/** Replaces the changeable columns (the service has merged the patch into the row). */
export async function updateBaustelle(tx: Db, b: BaustelleRow, bumpRevision: boolean): Promise<void> {
	await tx`update baustellen set promoter_private = ${b.promoterPrivate}, title = ${b.title}, description = ${b.description},
			contact = ${tx.json(b.contact as never)}, networks = string_to_array(${b.networks.join(',')}, ','), work_kind = ${b.workKind},
			excavation = ${b.excavation}, publicly_funded = ${b.publiclyFunded}, exemption = ${b.exemption},
			footprint_4326 = ${tx.json(b.footprint4326 as never)}, footprint_25832 = ${tx.json(b.footprint25832 as never)},
			axis_4326 = ${tx.json(b.axis4326 as never)}, axis_25832 = ${tx.json(b.axis25832 as never)}, axis_derived = ${b.axisDerived},
			bbox = ${boxLiteral(b.bbox)}::box, area_m2 = ${b.areaM2}, streets = ${streetArray(b.streets)}::text[],
			planned_start = ${b.plannedStart}, planned_end = ${b.plannedEnd}, dates_confirmed = ${b.datesConfirmed},
			actual_start = ${b.actualStart}, actual_end = ${b.actualEnd}, traffic = ${b.traffic}, public = ${b.public},
			auskunft_id = ${b.auskunftId}, ducts = ${tx.json(b.ducts as never)}, status = ${b.status},
			revision = revision + ${bumpRevision ? 1 : 0}, updated_at = ${b.updatedAt}
		where id = ${b.id}`;
}

export async function setAuthorities(tx: Db, baustelleId: string, authorities: Authority[]): Promise<void> {
	await tx`delete from baustelle_authorities where baustelle_id = ${baustelleId}`;
	for (const a of authorities) {
		await tx`insert into baustelle_authorities (baustelle_id, authority_org_id, reason) values (${baustelleId}, ${a.id}, ${a.reason})`;
	}
}

export async function authoritiesOf(db: Db, baustelleId: string): Promise<Authority[]> {
	const rows = await db<{ id: string; name: string; reason: Authority['reason'] }[]>`
		select a.authority_org_id as id, o.name, a.reason from baustelle_authorities a join organisations o on o.id = a.authority_org_id
		where a.baustelle_id = ${baustelleId} order by a.reason, o.name`;
	return rows.map((r) => ({ id: r.id, name: r.name, reason: r.reason }));
}

export async function permitsOf(db: Db, baustelleId: string): Promise<PermitRow[]> {
	const rows = await db`select p.*, o.name as authority_name from permits p join organisations o on o.id = p.authority_org_id
		where p.baustelle_id = ${baustelleId} order by p.created_at, p.kind`;
	return rows.map(mapPermit);
}

export async function getPermit(db: Db, id: string): Promise<PermitRow | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [row] = await db`select p.*, o.name as authority_name from permits p join organisations o on o.id = p.authority_org_id where p.id = ${id}`;
	return row ? mapPermit(row) : null;
}

export async function insertPermit(tx: Db, p: { baustelleId: string; kind: PermitKind; authorityOrgId: string; at: Date }): Promise<void> {
	await tx`insert into permits (baustelle_id, kind, authority_org_id, status, created_at, updated_at)
		values (${p.baustelleId}, ${p.kind}, ${p.authorityOrgId}, 'offen', ${p.at}, ${p.at})
		on conflict (baustelle_id, kind, authority_org_id) do nothing`;
}

/** Permits no longer required after a change, and never acted on, go; decided ones stay as history. */
export async function deleteOpenPermitsExcept(tx: Db, baustelleId: string, keep: { kind: PermitKind; authorityOrgId: string }[]): Promise<void> {
	const keys = keep.map((k) => `${k.kind}|${k.authorityOrgId}`).join(',');
	await tx`delete from permits where baustelle_id = ${baustelleId} and status = 'offen'
		and not (kind || '|' || authority_org_id::text = any (string_to_array(${keys}, ',')))`;
}

export async function updatePermit(tx: Db, p: PermitRow): Promise<void> {
	await tx`update permits set status = ${p.status}, submitted_at = ${p.submittedAt}, complete_at = ${p.completeAt}, due_at = ${p.dueAt},
			extended = ${p.extended}, conditions = ${p.conditions}, reason = ${p.reason}, decided_at = ${p.decidedAt}, decided_by = ${p.decidedBy},
			updated_at = ${p.updatedAt}
		where id = ${p.id}`;
}

export async function conflictsOf(db: Db, baustelleId: string): Promise<ConflictRow[]> {
	const rows = await db`select * from baustelle_conflicts where baustelle_id = ${baustelleId}
		order by blocking desc, array_position(array['hoch','mittel','niedrig','hinweis'], severity), computed_at`;
	return rows.map((r) => ({
		id: r.id,
		baustelleId: r.baustelle_id,
		kind: r.kind,
		otherBaustelleId: r.other_baustelle_id,
		moratoriumId: r.moratorium_id,
		severity: r.severity,
		blocking: r.blocking,
		message: r.message,
		details: r.details,
		computedAt: r.computed_at
	}));
}

export interface ConflictSummary {
	count: number;
	blocking: number;
	highest: ConflictRow['severity'] | null;
}

export async function conflictSummary(db: Db, baustelleId: string): Promise<ConflictSummary> {
	const [r] = await db<{ count: number; blocking: number; highest: ConflictRow['severity'] | null }[]>`
		select count(*)::int as count, count(*) filter (where blocking)::int as blocking,
			(array['hoch','mittel','niedrig','hinweis'])[min(array_position(array['hoch','mittel','niedrig','hinweis'], severity))] as highest
		from baustelle_conflicts where baustelle_id = ${baustelleId} and kind <> 'mitverlegung'`;
	return { count: r?.count ?? 0, blocking: r?.blocking ?? 0, highest: r?.highest ?? null };
}

/** Is `orgId` the owner or an authority of the Baustelle? */
export async function relation(db: Db, b: BaustelleRow, orgId: string): Promise<{ owner: boolean; authority: boolean }> {
	const [a] = await db`select 1 from baustelle_authorities where baustelle_id = ${b.id} and authority_org_id = ${orgId}`;
	return { owner: b.orgId === orgId, authority: !!a };
}

export interface ListFilter {
	scope: 'alle' | 'eigene' | 'behoerde';
	status?: BaustelleStatus;
	from?: string;
	to?: string;
	limit: number;
	offset: number;
}

/** Baustellen the org owns or decides about (platform admin: all), newest first. */
export async function listBaustellen(db: Db, viewer: { orgId: string; isPlatform: boolean }, f: ListFilter): Promise<{ items: BaustelleRow[]; total: number }> {
	const conds: string[] = [];
	const params: unknown[] = [];
	const p = (v: unknown) => {
		params.push(v);
		return `$${params.length}`;
	};
	const own = () => `b.org_id = ${p(viewer.orgId)}`;
	const auth = () => `exists (select 1 from baustelle_authorities a where a.baustelle_id = b.id and a.authority_org_id = ${p(viewer.orgId)})`;
	if (f.scope === 'eigene') conds.push(own());
	else if (f.scope === 'behoerde') conds.push(auth());
	else if (!viewer.isPlatform) conds.push(`(${own()} or ${auth()})`);
	if (f.status) conds.push(`b.status = ${p(f.status)}`);
	if (f.from) conds.push(`coalesce(b.actual_end, b.planned_end) >= ${p(f.from)}::date`);
	if (f.to) conds.push(`coalesce(b.actual_start, b.planned_start) <= ${p(f.to)}::date`);
	const where = conds.length ? `where ${conds.join(' and ')}` : '';
	const [count] = await db.unsafe(`select count(*)::int as total from baustellen b ${where}`, params as never[]);
	const total = (count?.total as number) ?? 0;
	const rows = await db.unsafe(`${SELECT} ${where} order by b.created_at desc, b.number desc limit ${f.limit} offset ${f.offset}`, params as never[]);
	return { items: rows.map(mapBaustelle), total };
}
