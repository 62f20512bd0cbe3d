/**
 * @module baustellen/service
 * The construction calendar's write path. Every change is ONE transaction: the Baustelle, its
 * authorities (routing by jurisdiction and road responsibility), required permits, the conflict check
 * (stored from both sides), notifications and webhook deliveries, and the audit entry. A failure
 * leaves nothing behind. Webhooks are kicked after the commit.
 */
import { randomUUID } from 'node:crypto';
import type { BaustelleStatus, PermitKind } from '$lib/baustellen';
import { sql, type Db } from '../db';
import { now } from '../clock';
import { appendAudit } from '../audit/repo';
import { berlinDate } from '../auskunft/rules';
import { operatorsNear } from '../auskunft/repo';
import { publish, kickDeliveries } from '../notifications/publish';
import { requiredPermits } from '../genehmigungen/required';
import { statusAfterPermits, applyBaustelleAction } from '../genehmigungen/lifecycle';
import type { BaustelleFields, Problem } from './input';
import { resolvePlace } from './geometry';
import { findAuthorities, type Authority } from './routing';
import * as repo from './repo';
import { conflictSettings, getAuthoritySettings } from './settings';
import { recomputeConflicts, type NewPair } from './conflicts';
import { intersectsPolygonal } from './overlap';
import { proposeMoratorium } from './moratoria';

export interface Actor {
	userId: string;
	orgId: string;
	orgName: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string; problems?: Problem[] };

const fail = (status: number, code: string, message: string, problems?: Problem[]): { ok: false; status: number; code: string; message: string; problems?: Problem[] } => ({
	ok: false,
	status,
	code,
	message,
	problems
});

/** The coordinating authority's settings (the first jurisdiction met), else the platform defaults. */
async function settingsFor(db: Db, authorities: Authority[]) {
	return getAuthoritySettings(db, authorities.find((a) => a.reason === 'gebiet')?.id ?? authorities[0]?.id ?? null);
}

/** Operators whose coverage the footprint touches, to be informed (Beteiligung). Never shown to the promoter. */
async function operatorsTouched(db: Db, b: repo.BaustelleRow): Promise<string[]> {
	const ops = await operatorsNear(db, b.bbox);
	return ops.filter((o) => o.orgId !== b.orgId && intersectsPolygonal(o.coverage, b.footprint25832)).map((o) => o.orgId);
}

async function syncPermits(tx: Db, b: repo.BaustelleRow, authorities: Authority[], at: Date): Promise<void> {
	const required = requiredPermits({ excavation: b.excavation, traffic: b.traffic, networks: b.networks, workKind: b.workKind }, authorities);
	await repo.deleteOpenPermitsExcept(tx, b.id, required);
	for (const r of required) await repo.insertPermit(tx, { baustelleId: b.id, kind: r.kind as PermitKind, authorityOrgId: r.authorityOrgId, at });
}

async function announceConflicts(tx: Db, b: repo.BaustelleRow, pairs: NewPair[], authorities: Authority[]): Promise<void> {
	if (!pairs.length) return;
	const others = await repo.getBaustellenByIds(tx, [...new Set(pairs.map((p) => p.otherId))]);
	for (const p of pairs) {
		const other = others.find((o) => o.id === p.otherId);
		if (!other) continue;
		const isChance = p.kind === 'mitverlegung';
		await publish(tx, {
			type: 'baustelle.konflikt',
			orgIds: [...new Set([b.orgId, other.orgId, ...authorities.map((a) => a.id)])],
			title: isChance ? `Mitverlegung möglich: ${b.number} und ${other.number}` : `Konflikt: ${b.number} und ${other.number}`,
			body: p.message,
			link: `/baustellen/${b.id}`,
			subjectId: b.id,
			data: { baustelle: b.number, other: other.number, kind: p.kind, severity: p.severity }
		});
	}
}

function newRow(actor: Actor, id: string, number: string, fields: BaustelleFields, place: NonNullable<ReturnType<typeof resolvePlace> & { ok: true }>['place'], at: Date): repo.BaustelleRow {
	return {
		id,
		number,
		orgId: actor.orgId,
		orgName: actor.orgName,
		createdBy: actor.userId,
		promoterPrivate: fields.promoterPrivate,
		title: fields.title,
		description: fields.description,
		contact: fields.contact,
		networks: fields.networks,
		workKind: fields.workKind,
		excavation: fields.excavation,
		publiclyFunded: fields.publiclyFunded,
		exemption: fields.exemption,
		footprint4326: place.footprint4326,
		footprint25832: place.footprint25832,
		axis4326: place.axis4326,
		axis25832: place.axis25832,
		axisDerived: place.axisDerived,
		bbox: place.bbox,
		areaM2: place.areaM2,
		streets: place.streets,
		plannedStart: fields.plannedStart,
		plannedEnd: fields.plannedEnd,
		datesConfirmed: fields.datesConfirmed,
		actualStart: null,
		actualEnd: null,
		traffic: fields.traffic,
		public: fields.public,
		auskunftId: fields.auskunftId,
		ducts: fields.ducts,
		status: 'geplant',
		revision: 0,
		createdAt: at,
		updatedAt: at
	};
}

export async function createBaustelle(actor: Actor, fields: BaustelleFields): Promise<Outcome<repo.BaustelleRow>> {
	const resolved = resolvePlace(fields);
	if (!resolved.ok) return fail(422, resolved.code, resolved.message, resolved.problems);
	if (fields.auskunftId) {
		const [a] = await sql`select 1 from auskuenfte where id = ${fields.auskunftId} and org_id = ${actor.orgId}`;
		if (!a) return fail(422, 'validation', 'Die verknüpfte Leitungsauskunft gehört nicht zu Ihrer Organisation.', [{ field: 'auskunftId', message: 'Leitungsauskunft nicht gefunden.' }]);
	}
	const at = now();
	const today = berlinDate(at);
	const row = await sql.begin(async (tx) => {
		const number = await repo.nextNumber(tx, Number(today.slice(0, 4)));
		const b = newRow(actor, randomUUID(), number, fields, resolved.place, at);
		await repo.insertBaustelle(tx, b);
		const authorities = await findAuthorities(tx, b.footprint25832, b.bbox);
		await repo.setAuthorities(tx, b.id, authorities);
		await syncPermits(tx, b, authorities, at);
		const settings = await settingsFor(tx, authorities);
		const { findings, newPairs } = await recomputeConflicts(tx, b, conflictSettings(settings), today, at);
		if (authorities.length) {
			await publish(tx, {
				type: 'baustelle.angelegt',
				orgIds: authorities.map((a) => a.id),
				title: `Neue Baustelle ${b.number}: ${b.title}`,
				body: `${actor.orgName} hat eine Baustelle ${b.streets.length ? `in ${b.streets.join(', ')} ` : ''}vom ${de(b.plannedStart)} bis ${de(b.plannedEnd)} angemeldet.`,
				link: `/baustellen/${b.id}`,
				subjectId: b.id,
				data: { baustelle: b.number, status: b.status, start: b.plannedStart, end: b.plannedEnd }
			});
		}
		const operators = await operatorsTouched(tx, b);
		if (operators.length) {
			await publish(tx, {
				type: 'baustelle.beteiligung',
				orgIds: operators,
				title: `Baustelle in Ihrem Netzgebiet: ${b.number}`,
				body: `${b.title} – ${b.streets.join(', ') || 'ohne Straßenangabe'}, ${de(b.plannedStart)} bis ${de(b.plannedEnd)}${b.excavation ? ', mit Aufgrabung' : ''}.`,
				link: `/baustellen/${b.id}`,
				subjectId: b.id,
				data: { baustelle: b.number, excavation: b.excavation, start: b.plannedStart, end: b.plannedEnd }
			});
		}
		await announceConflicts(tx, b, newPairs, authorities);
		await appendAudit(tx, {
			action: 'baustelle.created',
			actorUser: actor.userId,
			actorOrg: actor.orgId,
			subject: b.id,
			data: { number, authorities: authorities.map((a) => a.id), conflicts: findings.length, operatorsInformed: operators.length }
		});
		return b;
	});
	kickDeliveries();
	return { ok: true, value: row };
}

const de = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Fields whose change the public sees (iCal SEQUENCE, feeds). */
const PUBLIC_FIELDS: (keyof repo.BaustelleRow)[] = ['title', 'workKind', 'traffic', 'streets', 'plannedStart', 'plannedEnd', 'datesConfirmed', 'actualStart', 'actualEnd', 'status', 'public', 'footprint4326', 'axis4326', 'promoterPrivate', 'networks'];

function changedPublic(a: repo.BaustelleRow, b: repo.BaustelleRow): boolean {
	return PUBLIC_FIELDS.some((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** Editable by the promoter until the works are finished. */
const EDITABLE: BaustelleStatus[] = ['geplant', 'beantragt', 'genehmigt', 'in_ausfuehrung'];

export async function updateBaustelle(actor: Actor, id: string, patch: Partial<BaustelleFields>): Promise<Outcome<repo.BaustelleRow>> {
	const current = await repo.getBaustelle(sql, id);
	if (!current || current.orgId !== actor.orgId) return fail(404, 'not_found', 'Baustelle nicht gefunden.');
	if (!EDITABLE.includes(current.status)) return fail(409, 'not_editable', `Die Baustelle ist ${current.status === 'storniert' ? 'storniert' : 'abgeschlossen'} und kann nicht mehr geändert werden.`);
	const next: repo.BaustelleRow = { ...current };
	for (const [k, v] of Object.entries(patch)) if (v !== undefined && k in next) (next as unknown as Record<string, unknown>)[k] = v;
	if (next.plannedEnd < next.plannedStart) return fail(422, 'validation', 'Das geplante Bauende liegt vor dem Baubeginn.', [{ field: 'period.end', message: 'Das geplante Bauende liegt vor dem Baubeginn.' }]);
	const geometryChanged = patch.footprint !== undefined || patch.axis !== undefined;
	if (geometryChanged || patch.streets !== undefined) {
		const resolved = resolvePlace({
			footprint: patch.footprint ?? (patch.axis ? null : current.footprint4326),
			axis: patch.axis ?? (current.axisDerived || patch.footprint ? null : current.axis4326),
			widthM: patch.widthM ?? 3,
			streets: patch.streets ?? (geometryChanged ? null : current.streets)
		});
		if (!resolved.ok) return fail(422, resolved.code, resolved.message, resolved.problems);
		Object.assign(next, {
			footprint4326: resolved.place.footprint4326,
			footprint25832: resolved.place.footprint25832,
			axis4326: resolved.place.axis4326,
			axis25832: resolved.place.axis25832,
			axisDerived: resolved.place.axisDerived,
			bbox: resolved.place.bbox,
			areaM2: resolved.place.areaM2,
			streets: resolved.place.streets
		});
	}
	if (patch.auskunftId) {
		const [a] = await sql`select 1 from auskuenfte where id = ${patch.auskunftId} and org_id = ${actor.orgId}`;
		if (!a) return fail(422, 'validation', 'Die verknüpfte Leitungsauskunft gehört nicht zu Ihrer Organisation.');
	}
	const at = now();
	next.updatedAt = at;
	const today = berlinDate(at);
	const row = await sql.begin(async (tx) => {
		await repo.updateBaustelle(tx, next, changedPublic(current, next));
		let authorities = await repo.authoritiesOf(tx, next.id);
		if (geometryChanged) {
			authorities = await findAuthorities(tx, next.footprint25832, next.bbox);
			await repo.setAuthorities(tx, next.id, authorities);
		}
		await syncPermits(tx, next, authorities, at);
		const settings = await settingsFor(tx, authorities);
		const { newPairs } = await recomputeConflicts(tx, next, conflictSettings(settings), today, at);
		if (authorities.length) {
			await publish(tx, {
				type: 'baustelle.geaendert',
				orgIds: authorities.map((a) => a.id),
				title: `Baustelle ${next.number} geändert`,
				body: `${actor.orgName} hat ${changedList(current, next)} geändert.`,
				link: `/baustellen/${next.id}`,
				subjectId: next.id,
				data: { baustelle: next.number, changed: changedKeys(current, next) }
			});
		}
		await announceConflicts(tx, next, newPairs, authorities);
		await appendAudit(tx, { action: 'baustelle.updated', actorUser: actor.userId, actorOrg: actor.orgId, subject: next.id, data: { changed: changedKeys(current, next) } });
		return (await repo.getBaustelle(tx, next.id))!;
	});
	kickDeliveries();
	return { ok: true, value: row };
}

const FIELD_LABELS: Partial<Record<keyof repo.BaustelleRow, string>> = {
	title: 'die Bezeichnung',
	plannedStart: 'den Baubeginn',
	plannedEnd: 'das Bauende',
	footprint4326: 'die Fläche',
	traffic: 'die Verkehrsführung',
	workKind: 'die Art der Arbeiten',
	excavation: 'die Aufgrabung',
	networks: 'die Sparten',
	public: 'die Veröffentlichung',
	ducts: 'die Leerrohre',
	contact: 'den Ansprechpartner',
	description: 'die Beschreibung'
};

function changedKeys(a: repo.BaustelleRow, b: repo.BaustelleRow): string[] {
	return (Object.keys(b) as (keyof repo.BaustelleRow)[]).filter((k) => k !== 'updatedAt' && k !== 'footprint25832' && k !== 'axis25832' && k !== 'bbox' && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

function changedList(a: repo.BaustelleRow, b: repo.BaustelleRow): string {
	const labels = changedKeys(a, b)
		.map((k) => FIELD_LABELS[k as keyof repo.BaustelleRow])
		.filter(Boolean);
	return labels.length ? labels.join(', ') : 'Angaben';
}

export type BaustelleAction = 'baubeginn' | 'fertigmeldung' | 'abnahme' | 'stornieren';
export const ACTION_LABELS: Record<BaustelleAction, string> = {
	baubeginn: 'Baubeginn angezeigt',
	fertigmeldung: 'Fertigmeldung',
	abnahme: 'Oberfläche abgenommen',
	stornieren: 'Storniert'
};

/** Lifecycle steps: the promoter reports start and completion or cancels; an authority accepts the surface. */
export async function baustelleAction(actor: Actor, id: string, action: BaustelleAction, input: { date?: string }): Promise<Outcome<repo.BaustelleRow>> {
	const current = await repo.getBaustelle(sql, id);
	if (!current) return fail(404, 'not_found', 'Baustelle nicht gefunden.');
	const rel = await repo.relation(sql, current, actor.orgId);
	if (!rel.owner && !rel.authority) return fail(404, 'not_found', 'Baustelle nicht gefunden.');
	if (action === 'abnahme' ? !rel.authority : !rel.owner) {
		return fail(403, 'forbidden_role', action === 'abnahme' ? 'Die Abnahme erklärt die zuständige Behörde.' : 'Das meldet der Träger der Baustelle.');
	}
	const permits = await repo.permitsOf(sql, id);
	const at = now();
	const today = berlinDate(at);
	const result = applyBaustelleAction(current.status, action, {
		allPermitsGranted: permits.length > 0 && permits.every((p) => ['erteilt', 'erteilt_mit_auflagen', 'fiktiv_erteilt'].includes(p.status)),
		hasPermits: permits.length > 0,
		today,
		actualStart: action === 'baubeginn' ? (input.date ?? today) : (current.actualStart ?? undefined),
		actualEnd: action === 'fertigmeldung' ? (input.date ?? today) : undefined
	});
	if (!result.ok) return fail(409, result.code, result.message);
	const next: repo.BaustelleRow = { ...current, ...(result.patch as Partial<repo.BaustelleRow>), status: result.status, updatedAt: at };
	const row = await sql.begin(async (tx) => {
		await repo.updateBaustelle(tx, next, true);
		const authorities = await repo.authoritiesOf(tx, id);
		const settings = await settingsFor(tx, authorities);
		await recomputeConflicts(tx, next, conflictSettings(settings), today, at);
		if (action === 'abnahme') await proposeMoratorium(tx, next, actor, settings.moratoriumYears, at);
		await publish(tx, {
			type: 'baustelle.status',
			orgIds: [...new Set([next.orgId, ...authorities.map((a) => a.id)])].filter((o) => o !== actor.orgId),
			title: `${next.number}: ${ACTION_LABELS[action]}`,
			body: `${actor.orgName}: ${ACTION_LABELS[action]}${result.patch.actualStart && action === 'baubeginn' ? ` am ${de(String(result.patch.actualStart))}` : ''}${result.patch.actualEnd ? ` am ${de(String(result.patch.actualEnd))}` : ''}.`,
			link: `/baustellen/${id}`,
			subjectId: id,
			data: { baustelle: next.number, status: next.status, action }
		});
		await appendAudit(tx, { action: `baustelle.${action}`, actorUser: actor.userId, actorOrg: actor.orgId, subject: id, data: { from: current.status, to: next.status } });
		return (await repo.getBaustelle(tx, id))!;
	});
	kickDeliveries();
	return { ok: true, value: row };
}

/** After a permit changed: derive the Baustelle's status from all its permits (in the same transaction). */
export async function settleStatusAfterPermits(tx: Db, baustelleId: string, at: Date): Promise<BaustelleStatus> {
	const b = (await repo.getBaustelle(tx, baustelleId))!;
	const permits = await repo.permitsOf(tx, baustelleId);
	const status = statusAfterPermits(b.status, permits);
	if (status !== b.status) {
		await repo.updateBaustelle(tx, { ...b, status, updatedAt: at }, true);
		const authorities = await repo.authoritiesOf(tx, baustelleId);
		await publish(tx, {
			type: 'baustelle.status',
			orgIds: [...new Set([b.orgId, ...authorities.map((a) => a.id)])],
			title: `${b.number}: ${status === 'genehmigt' ? 'alle Genehmigungen erteilt' : status === 'beantragt' ? 'beantragt' : status}`,
			body: status === 'genehmigt' ? `Alle erforderlichen Genehmigungen für „${b.title}“ liegen vor. Der Baubeginn kann angezeigt werden.` : `Status: ${status}.`,
			link: `/baustellen/${baustelleId}`,
			subjectId: baustelleId,
			data: { baustelle: b.number, status }
		});
	}
	return status;
}
