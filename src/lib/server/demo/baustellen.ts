/**
 * @module demo/baustellen
 * Seeds the demo's construction calendar (demo/baustellen-data.ts) on the first demo start, through
 * the same service calls a promoter and a Tiefbauamt make: createBaustelle, submitAll, permitAction,
 * baustelleAction, and the activation of the Aufbruchsperre proposed after an Abnahme. So the routing,
 * the permits, the conflicts (from both sides), the notifications and the audit entries are the real
 * ones. Idempotent: it runs only while no Baustelle exists.
 *
 * The service stamps every step with today. What it cannot express — that an application was made or
 * decided weeks ago, that last year's works were registered last year — is written afterwards with
 * plain SQL in ONE transaction (writeHistory), recorded in the audit log as `demo.history`. Lifecycle
 * dates in the past (Baubeginn, Fertigmeldung) go through the service, which accepts past dates.
 */
import type { Lineal, PermitKind } from '$lib/baustellen';
import { lonLatToUtm, mapPositions, utmToLonLat } from '$lib/geo/crs';
import type { Sql } from '../db';
import { now } from '../clock';
import { appendAudit } from '../audit/repo';
import { berlinDate } from '../auskunft/rules';
import { streetsNear } from '../auskunft/streets';
import { dueDate } from '../genehmigungen/clock';
import { createBaustelle, baustelleAction, type Actor, type Outcome } from '../baustellen/service';
import { submitAll, permitAction } from '../baustellen/permits';
import { changeMoratorium, getMoratorium } from '../baustellen/moratoria';
import { getAuthoritySettings, permitPeriods } from '../baustellen/settings';
import { authoritiesOf, isoDate, permitsOf } from '../baustellen/repo';
import type { BaustelleFields } from '../baustellen/input';
import { demoPlan, ORG, type DemoBaustelle, type DemoPlace } from './baustellen-data';
import { sectionAlong, type Point } from './baustellen-lines';

const round7 = (p: number[]) => p.map((v) => Math.round(v * 1e7) / 1e7);

/** The Baustelle's axis (EPSG:4326) from the street data or the road segment; null when unknown. */
function axisFor(place: DemoPlace, segments: Map<string, Point[][]>): Lineal | null {
	const anchor = lonLatToUtm(place.at);
	let parts: Point[][];
	if (place.roadSegment) parts = segments.get(place.roadSegment) ?? [];
	else {
		const r = 400;
		parts = streetsNear([anchor[0] - r, anchor[1] - r, anchor[0] + r, anchor[1] + r])
			.filter((s) => s.name === place.street)
			.map((s) => s.geometry.coordinates);
	}
	const section = sectionAlong(parts, anchor, place.lengthM);
	return section ? { type: 'LineString', coordinates: mapPositions(section, (p) => round7(utmToLonLat(p))) } : null;
}

function fieldsOf(b: DemoBaustelle, axis: Lineal): BaustelleFields {
	return {
		title: b.title,
		description: b.description,
		promoterPrivate: b.promoterPrivate ?? false,
		contact: b.contact,
		networks: b.networks,
		workKind: b.workKind,
		excavation: b.excavation,
		publiclyFunded: b.publiclyFunded ?? false,
		exemption: b.exemption ?? 'keine',
		footprint: null,
		axis,
		widthM: b.place.widthM,
		// the street the works are on; a crossing street's few metres inside the corridor are not "on it"
		streets: [b.place.street],
		plannedStart: b.start,
		plannedEnd: b.end,
		datesConfirmed: b.confirmed,
		traffic: b.traffic,
		public: true,
		auskunftId: null,
		ducts: b.ducts ?? []
	};
}

/** Each organisation's first member acts for it, as a person of that org would. */
async function loadActors(db: Sql): Promise<Map<string, Actor>> {
	const names = Object.values(ORG);
	const rows = await db<{ org_id: string; org_name: string; user_id: string }[]>`
		select distinct on (o.id) o.id as org_id, o.name as org_name, m.user_id
		from organisations o join memberships m on m.org_id = o.id and m.status = 'active'
		where o.name = any (string_to_array(${names.join('|')}, '|'))
		order by o.id, m.created_at, m.user_id`;
	return new Map(rows.map((r) => [r.org_name, { userId: r.user_id, orgId: r.org_id, orgName: r.org_name }]));
}

async function loadSegments(db: Sql): Promise<Map<string, Point[][]>> {
	const rows = await db<{ reference: string; geometry: { type: string; coordinates: unknown } }[]>`select reference, geometry from road_segments`;
	const map = new Map<string, Point[][]>();
	for (const r of rows) {
		const lines = r.geometry.type === 'MultiLineString' ? (r.geometry.coordinates as Point[][]) : [r.geometry.coordinates as Point[]];
		map.set(r.reference, [...(map.get(r.reference) ?? []), ...lines]);
	}
	return map;
}

interface Seeded {
	plan: DemoBaustelle;
	id: string;
	number: string;
	orgId: string;
}

/**
 * One service call. A refusal is reported and the step skipped: the demo is illustration, not data.
 * A thrown error (the embedded database's socket can trip over a webhook kick running beside the seed)
 * is retried once — safe, because every service call is one transaction that either happened or not.
 */
async function step<T>(what: string, run: () => Promise<Outcome<T>>): Promise<T | null> {
	for (let attempt = 1; ; attempt++) {
		try {
			const outcome = await run();
			if (outcome.ok) return outcome.value;
			console.warn(`[demo] Baustellen: ${what} nicht möglich – ${outcome.code}: ${outcome.message}`);
			return null;
		} catch (e) {
			if (attempt >= 2) {
				console.warn(`[demo] Baustellen: ${what} fehlgeschlagen –`, e);
				return null;
			}
		}
	}
}

/** A read beside the steps, retried once for the same reason. */
async function read<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch {
		return run();
	}
}

async function play(db: Sql, b: DemoBaustelle, actors: Map<string, Actor>, byOrgId: Map<string, Actor>, segments: Map<string, Point[][]>): Promise<Seeded | null> {
	const actor = actors.get(b.promoter);
	const axis = axisFor(b.place, segments);
	if (!actor || !axis) return null;
	const created = await step(`„${b.title}“ anlegen`, () => createBaustelle(actor, fieldsOf(b, axis)));
	if (!created) return null;
	const id = created.id;
	if (b.submit) await step(`Anträge für „${b.title}“`, () => submitAll(actor, id));
	for (const d of b.decisions ?? []) {
		for (const p of (await read(() => permitsOf(db, id))).filter((p) => p.kind === d.kind)) {
			const authority = byOrgId.get(p.authorityOrgId);
			if (authority) await step(`${d.action} (${d.kind}) für „${b.title}“`, () => permitAction(authority, p.id, d.action, { conditions: d.conditions, reason: d.reason }));
		}
	}
	if (b.started) await step(`Baubeginn „${b.title}“`, () => baustelleAction(actor, id, 'baubeginn', { date: b.started }));
	if (b.finished) await step(`Fertigmeldung „${b.title}“`, () => baustelleAction(actor, id, 'fertigmeldung', { date: b.finished }));
	if (b.accepted) {
		const coordinating = (await read(() => authoritiesOf(db, id))).find((a) => a.reason === 'gebiet');
		const authority = coordinating && byOrgId.get(coordinating.id);
		const accepted = authority && (await step(`Abnahme „${b.title}“`, () => baustelleAction(authority, id, 'abnahme', {})));
		if (accepted && b.moratorium) {
			// the Tiefbauamt activates the Aufbruchsperre proposed by the Abnahme, with its own terms
			const [proposal] = await db<{ id: string }[]>`select id from moratoria where source_baustelle_id = ${id} and status = 'vorgeschlagen'`;
			const m = proposal && (await getMoratorium(db, proposal.id));
			const terms = b.moratorium;
			if (m) {
				try {
					await db.begin((tx) => changeMoratorium(tx, authority, m, { status: 'aktiv', ...terms }, now()));
				} catch (e) {
					console.warn(`[demo] Baustellen: Aufbruchsperre „${m.title}“ nicht aktiviert –`, e);
				}
			}
		}
	}
	if (b.cancelled) await step(`Storno „${b.title}“`, () => baustelleAction(actor, id, 'stornieren', {}));
	return { plan: b, id, number: created.number, orgId: created.orgId };
}

/** 10:30 (winter) / 11:30 (summer) in Berlin on that day: a plausible office hour for a dated event. */
const atOffice = (date: string | undefined | null) => (date ? new Date(`${date}T09:30:00Z`) : null);
const latest = (dates: (string | null | undefined)[]) => dates.filter((d): d is string => !!d).sort().pop()!;

/**
 * The history the service cannot write: registration, application and decision dates before today,
 * and the registration number of the year the works were registered. Clocks still running are
 * recomputed from the back-dated completeness with the authority's own periods. An Aufbruchsperre
 * activated after an earlier Abnahme starts on that day. One transaction, one audit entry.
 */
async function writeHistory(db: Sql, seeded: Seeded[], today: string): Promise<void> {
	const periods = new Map<string, ReturnType<typeof permitPeriods>>();
	await db.begin(async (tx) => {
		const written: Record<string, unknown>[] = [];
		for (const { plan, id, number: current } of seeded) {
			const h = plan.history;
			const number = current.replace(/^BS-\d{4}-/, `BS-${h.created.slice(0, 4)}-`);
			// a step taken today (Abnahme, Storno) is the latest change; otherwise the last dated event is
			const keepUpdated = plan.cancelled === true || plan.accepted === today;
			const lastEvent = atOffice(latest([h.created, h.submitted, h.complete, h.decided, plan.started, plan.finished, plan.accepted]));
			await tx`update baustellen set number = ${number}, created_at = ${atOffice(h.created)},
				updated_at = case when ${keepUpdated} then updated_at else ${lastEvent}::timestamptz end where id = ${id}`;
			// every permit of the Baustelle moved the same way; only dates it has are set
			const complete = h.complete ?? h.decided ?? null;
			const changed = await tx<{ id: string; kind: PermitKind; authority_org_id: string; complete_at: Date | null; extended: boolean; clocked: boolean }[]>`
				update permits set
					submitted_at = case when submitted_at is null then null else coalesce(${h.submitted ?? null}::date, submitted_at) end,
					complete_at = case when complete_at is null then null else coalesce(${complete}::date, complete_at) end,
					decided_at = case when decided_at is null then null else coalesce(${atOffice(h.decided)}::timestamptz, decided_at) end,
					created_at = ${atOffice(h.created)},
					updated_at = greatest(${atOffice(h.created)}::timestamptz,
						case when submitted_at is not null then ${atOffice(h.submitted)}::timestamptz end,
						case when complete_at is not null then ${atOffice(complete)}::timestamptz end,
						case when decided_at is not null then ${atOffice(h.decided)}::timestamptz end)
				where baustelle_id = ${id}
				returning id, kind, authority_org_id, complete_at, extended, due_at is not null as clocked`;
			for (const p of changed.filter((r) => r.clocked && r.complete_at)) {
				if (!periods.has(p.authority_org_id)) periods.set(p.authority_org_id, permitPeriods(await getAuthoritySettings(tx, p.authority_org_id)));
				const due = dueDate(isoDate(p.complete_at)!, periods.get(p.authority_org_id)![p.kind], p.extended);
				await tx`update permits set due_at = ${due} where id = ${p.id}`;
			}
			if (number !== current) {
				// the number also stands in texts written at the time
				const like = `%${current}%`;
				await tx`update moratoria set title = replace(title, ${current}, ${number}) where source_baustelle_id = ${id}`;
				await tx`update notifications set title = replace(title, ${current}, ${number}), body = replace(body, ${current}, ${number})
					where title like ${like} or body like ${like}`;
				await tx`update baustelle_conflicts set message = replace(message, ${current}, ${number}) where message like ${like}`;
			}
			if (plan.accepted && plan.accepted < today) {
				await tx`update moratoria set valid_from = ${plan.accepted}, created_at = ${atOffice(plan.accepted)} where source_baustelle_id = ${id}`;
			}
			written.push({ baustelle: id, number, created: h.created, submitted: h.submitted ?? null, complete: h.complete ?? null, decided: h.decided ?? null, accepted: plan.accepted ?? null });
		}
		await appendAudit(tx, { action: 'demo.history', data: { today, baustellen: written } });
	});
}

/**
 * Seeds the demo Baustellen when none exist. Returns how many were created. Needs the demo accounts
 * and jurisdictions (seedDemo, seedDemoJurisdictions); a street missing from the street data skips the
 * Baustellen on it.
 */
export async function seedDemoBaustellen(db: Sql, log = true): Promise<number> {
	try {
		return await seed(db, log);
	} catch (e) {
		// the demo must never keep the server from starting
		console.warn('[demo] Baustellen: Anlegen abgebrochen –', e);
		return 0;
	}
}

async function seed(db: Sql, log: boolean): Promise<number> {
	const [any] = await db`select 1 from baustellen limit 1`;
	if (any) return 0;
	const started = Date.now();
	const actors = await loadActors(db);
	const halle = actors.get(ORG.halle);
	if (!halle) return 0;
	const byOrgId = new Map([...actors.values()].map((a) => [a.orgId, a]));
	const segments = await loadSegments(db);
	const today = berlinDate(now());
	const plan = demoPlan(today, (await getAuthoritySettings(db, halle.orgId)).frostMonths);
	const seeded: Seeded[] = [];
	for (const b of plan) {
		const done = await play(db, b, actors, byOrgId, segments);
		if (done) seeded.push(done);
	}
	try {
		await writeHistory(db, seeded, today);
	} catch (e) {
		// the Baustellen stand, dated today; the demo still works
		console.warn('[demo] Baustellen: Rückdatierung fehlgeschlagen –', e);
	}
	if (log) console.log(`Demo-Baustellen angelegt: ${seeded.length} von ${plan.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return seeded.length;
}
