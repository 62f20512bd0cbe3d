/**
 * @module kalender/sample-scenario
 * A small, realistic calendar around `today` for the demo organisations: running and coming works on
 * Leipziger Straße and Große Ulrichstraße that clash, a private Hausanschluss, a Baustelle that is not
 * public, a cancelled one, a moratorium on Große Steinstraße after its surface was accepted, and a few
 * years of history on Leipziger Straße. Used by the calendar's e2e test and for screenshots until the
 * demo content exists; idempotent (numbers `<prefix>-01` … and moratorium titles are looked up first).
 *
 * Relative imports only (loaded by Playwright as well).
 */
import type postgres from 'postgres';
import { addDays } from '../../kalender/calendar';
import { insertSampleBaustelle, insertSampleConflict, insertSampleMoratorium } from './sample';

export const SAMPLE_ORGS = {
	stadtwerke: 'Stadtwerke Saalestadt (Demo)',
	glasfaser: 'Glasfaser Fiktiv GmbH (Demo)',
	abwasser: 'Abwasserverband Saaleaue (Demo)',
	musterbau: 'Tiefbau Musterbau GmbH (Demo)',
	ib: 'Ingenieurbüro Beispiel & Partner (Demo)',
	halle: 'Stadt Halle (Saale), Tiefbauamt (Demo)',
	fernmelde: 'Fernmelde Beispiel AG (Demo)'
} as const;
type OrgKey = keyof typeof SAMPLE_ORGS;

export interface SampleScenario {
	/** number → id */
	ids: Record<string, string>;
	orgs: Record<OrgKey, string>;
	moratoriumId: string;
}

export async function seedSampleCalendar(db: postgres.Sql, today: string, prefix = 'KAL'): Promise<SampleScenario> {
	const rows = await db<{ id: string; name: string; user_id: string }[]>`
		select o.id, o.name, (select m.user_id from memberships m where m.org_id = o.id order by m.created_at limit 1) as user_id
		from organisations o where o.name = any(string_to_array(${Object.values(SAMPLE_ORGS).join('\u001f')}, ${'\u001f'}))`;
	const org = {} as Record<OrgKey, string>;
	const user = {} as Record<OrgKey, string>;
	for (const key of Object.keys(SAMPLE_ORGS) as OrgKey[]) {
		const r = rows.find((x) => x.name === SAMPLE_ORGS[key]);
		if (!r?.user_id) throw new Error(`Demo-Organisation fehlt: ${SAMPLE_ORGS[key]} (TIEFBLICK_DEMO=1?)`);
		org[key] = r.id;
		user[key] = r.user_id;
	}
	const d = (days: number) => addDays(today, days);
	const by = (k: OrgKey) => ({ orgId: org[k], createdBy: user[k], authorities: [org.halle] });
	const n = (i: number) => `${prefix}-${String(i).padStart(2, '0')}`;

	return db.begin(async (tx) => {
		// parallel test workers seed the same rows: one after the other
		await tx`select pg_advisory_xact_lock(hashtext('kalender-sample'))`;
		const ids: Record<string, string> = {};
		const add = async (b: Parameters<typeof insertSampleBaustelle>[1]) => (ids[b.number] = await insertSampleBaustelle(tx, b));

		await add({ ...by('stadtwerke'), number: n(1), title: 'Erneuerung Trinkwasserleitung DN 150', street: 'Leipziger Straße', part: [0.1, 0.55], status: 'in_ausfuehrung', plannedStart: d(-20), plannedEnd: d(25), actualStart: d(-18), confirmed: true, networks: ['wasser'], workKind: 'leitungsbau', traffic: 'halbseitig' });
		await add({ ...by('glasfaser'), number: n(2), title: 'Glasfaserausbau FTTH, Los 3', street: 'Leipziger Straße', part: [0.35, 0.9], streets: ['Leipziger Straße', 'Große Ulrichstraße'], status: 'genehmigt', plannedStart: d(10), plannedEnd: d(60), confirmed: true, networks: ['breitband'], workKind: 'leitungsbau', traffic: 'gehweg' });
		await add({ ...by('abwasser'), number: n(3), title: 'Kanalsanierung im Inliner-Verfahren', street: 'Große Steinstraße', part: [0.1, 0.7], status: 'beantragt', plannedStart: d(30), plannedEnd: d(75), networks: ['abwasser'], workKind: 'leitungsbau', traffic: 'vollsperrung' });
		await add({ ...by('musterbau'), number: n(4), title: 'Hausanschluss Gas, Neubau Einfamilienhaus', street: 'Herrenstraße', part: [0.4, 0.5], width: 4, status: 'geplant', plannedStart: d(5), plannedEnd: d(8), networks: ['gas'], workKind: 'aufgrabung', traffic: 'gehweg', promoterPrivate: true, contact: { bauherr: 'Privat' } });
		await add({ ...by('halle'), number: n(5), title: 'Gehwegsanierung Marktplatz Nordseite', street: 'Marktplatz', part: [0, 1], width: 5, status: 'genehmigt', plannedStart: d(-5), plannedEnd: d(12), confirmed: true, networks: [], workKind: 'oberflaechenarbeiten', excavation: false, traffic: 'gehweg' });
		await add({ ...by('musterbau'), number: n(6), title: 'Kranstellung Dachsanierung', street: 'Große Ulrichstraße', part: [0.45, 0.5], width: 10, status: 'genehmigt', plannedStart: d(12), plannedEnd: d(13), confirmed: true, workKind: 'kranstellung', excavation: false, traffic: 'vollsperrung' });
		await add({ ...by('stadtwerke'), number: n(7), title: 'Umverlegung Fernwärmetrasse', street: 'Hansering', part: [0.1, 0.8], status: 'geplant', plannedStart: d(60), plannedEnd: d(150), networks: ['fernwaerme'], workKind: 'leitungsbau', traffic: 'vollsperrung' });
		await add({ ...by('stadtwerke'), number: n(8), title: 'Störungsbeseitigung Mittelspannungskabel', street: 'Mansfelder Straße', part: [0.3, 0.4], width: 5, status: 'in_ausfuehrung', plannedStart: d(-2), plannedEnd: d(3), actualStart: d(-2), networks: ['strom'], workKind: 'aufgrabung', traffic: 'halbseitig', public: false });
		await add({ ...by('glasfaser'), number: n(9), title: 'Glasfaserausbau, Los 2 (zurückgezogen)', street: 'Franckestraße', status: 'storniert', plannedStart: d(15), plannedEnd: d(40), networks: ['breitband'], workKind: 'leitungsbau' });
		await add({ ...by('ib'), number: n(10), title: 'Neubau Regenwasserkanal', street: 'Volkmannstraße', status: 'geplant', plannedStart: d(90), plannedEnd: d(200), networks: ['abwasser'], workKind: 'leitungsbau', traffic: 'vollsperrung' });
		// history: what was dug on Leipziger Straße and Große Steinstraße in the last years
		await add({ ...by('stadtwerke'), number: n(11), title: 'Kabelumlegung Niederspannung', street: 'Leipziger Straße', part: [0.2, 0.7], status: 'abgenommen', plannedStart: d(-2400), plannedEnd: d(-2330), actualStart: d(-2395), actualEnd: d(-2335), networks: ['strom'], workKind: 'leitungsbau' });
		await add({ ...by('fernmelde'), number: n(12), title: 'Leerrohrverband Telekommunikation', street: 'Leipziger Straße', part: [0.5, 0.95], status: 'abgeschlossen', plannedStart: d(-1300), plannedEnd: d(-1250), actualStart: d(-1298), actualEnd: d(-1240), networks: ['telekommunikation'], workKind: 'leitungsbau' });
		await add({ ...by('stadtwerke'), number: n(13), title: 'Gasleitung und Hausanschlüsse', street: 'Große Steinstraße', part: [0, 0.8], status: 'abgenommen', plannedStart: d(-700), plannedEnd: d(-600), actualStart: d(-690), actualEnd: d(-610), networks: ['gas'], workKind: 'leitungsbau', traffic: 'vollsperrung' });

		const moratoriumId = await insertSampleMoratorium(tx, {
			authorityOrgId: org.halle,
			title: `Aufbruchsperre Große Steinstraße (${prefix})`,
			street: 'Große Steinstraße',
			validFrom: d(-580),
			validUntil: d(-580 + 5 * 365),
			legalBasis: 'Aufgrabungssatzung der Stadt Halle (Saale), § 6',
			sourceBaustelleId: ids[n(13)]
		});

		const [{ count } = { count: 0 }] = await tx<{ count: number }[]>`select count(*)::int as count from baustelle_conflicts where baustelle_id = ${ids[n(1)]!}`;
		if (count === 0) {
			await insertSampleConflict(tx, ids[n(1)]!, { kind: 'ueberschneidung', severity: 'hoch', message: `Gleicher Straßenabschnitt, beide mit Aufgrabung: ${n(2)}`, otherId: ids[n(2)] });
			await insertSampleConflict(tx, ids[n(2)]!, { kind: 'ueberschneidung', severity: 'hoch', message: `Gleicher Straßenabschnitt, beide mit Aufgrabung: ${n(1)}`, otherId: ids[n(1)] });
			await insertSampleConflict(tx, ids[n(2)]!, { kind: 'mitverlegung', severity: 'hinweis', message: `Mitverlegung mit ${n(1)} möglich`, otherId: ids[n(1)] });
			await insertSampleConflict(tx, ids[n(3)]!, { kind: 'moratorium', severity: 'hoch', blocking: true, message: 'Aufbruchsperre Große Steinstraße', moratoriumId });
			await insertSampleConflict(tx, ids[n(4)]!, { kind: 'frost', severity: 'niedrig', message: 'Arbeiten in der Frostperiode' });
			await insertSampleConflict(tx, ids[n(6)]!, { kind: 'ueberschneidung', severity: 'mittel', message: `Nahe ${n(2)}`, otherId: ids[n(2)] });
		}
		return { ids, orgs: org, moratoriumId };
	});
}
