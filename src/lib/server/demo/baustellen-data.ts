/**
 * @module demo/baustellen-data
 * The demo's construction calendar for Halle's Altstadt (issue #5, point 9), pure: which Baustellen
 * exist, on which street section, by whom, and what happened to them — every date computed from
 * `today`, so the demo never goes stale. `demo/baustellen.ts` plays it through the service.
 *
 * The works are fictional; the streets are real (OSM axes of the Altstadt). The wording follows the
 * public Baustellen notices of German cities (Maßnahme, „zwischen … und …“, Verkehrsführung) — written
 * for this demo in that style, not copied from any source.
 *
 * What the plan shows on purpose (the README's demo table lists it):
 * - an Aufbruchsperre on the Große Märkerstraße after last year's Deckenerneuerung, a gas renewal that
 *   hits it (blocking) and a house connection that is exempted (hint);
 * - two excavations on the same section of the Große Ulrichstraße by different promoters (hoch);
 * - the Stadt's publicly funded renewal of the Geiststraße and a fibre Baustelle there (§ 146 TKG);
 * - a running § 127 TKG clock, permits in every state, each status of the lifecycle, a private
 *   promoter, the L 164 (Demo) of the Land, the Gemeinde Saalwerder, works across the boundary, frost.
 */
import type { Duct, Exemption, PermitKind, TrafficImpact, WorkKind } from '$lib/baustellen';
import type { Network } from '$lib/layers/catalogue';
import type { PermitAction } from '../genehmigungen/actions';
import { addDays, workingDayOnOrAfter } from '../genehmigungen/dates';
import { isWorkingDay } from '../auskunft/working-days';

export const ORG = {
	musterbau: 'Tiefbau Musterbau GmbH (Demo)',
	stadtwerke: 'Stadtwerke Saalestadt (Demo)',
	glasfaser: 'Glasfaser Fiktiv GmbH (Demo)',
	abwasser: 'Abwasserverband Saaleaue (Demo)',
	fernmelde: 'Fernmelde Beispiel AG (Demo)',
	halle: 'Stadt Halle (Saale), Tiefbauamt (Demo)',
	saalwerder: 'Gemeinde Saalwerder, Bauamt (Demo)',
	land: 'Landesstraßenbaubehörde, Regionalbereich Süd (Demo)'
} as const;

/** The site contacts (the demo accounts' people); personal data, never in a public feed. */
const CONTACT = {
	musterbau: { name: 'Bernd Bauleiter', phone: '0345 000 6610', email: 'bauleiter@musterbau.demo', bauherr: '' },
	stadtwerke: { name: 'Norbert Netz', phone: '0345 000 1120', email: 'netz@sw-saalestadt.demo', bauherr: '' },
	glasfaser: { name: 'Greta Glas', phone: '0345 000 3310', email: 'planauskunft@glasfaser-fiktiv.demo', bauherr: '' },
	abwasser: { name: 'Anton Abwasser', phone: '0345 000 2210', email: 'netz@abwasser-saaleaue.demo', bauherr: '' },
	fernmelde: { name: 'Frieda Fernmelde', phone: '0345 000 4410', email: 'planauskunft@fernmelde-beispiel.demo', bauherr: '' },
	halle: { name: 'Konrad Kommune', phone: '0345 000 5510', email: 'tiefbauamt@halle.demo', bauherr: '' }
};

/**
 * Where a Baustelle lies: a section of `lengthM` metres of the named street's axis around the point
 * `at` (lon/lat), grown to a corridor `widthM` wide. With `roadSegment`, the axis is that road segment
 * of another Straßenbaulastträger (table road_segments, by reference) instead of the street data, so
 * the Baustelle meets it wherever the segment is drawn.
 */
export interface DemoPlace {
	street: string;
	at: [number, number];
	lengthM: number;
	widthM: number;
	roadSegment?: string;
}

/** A decision on every permit of `kind`, taken by the permit's own authority. */
export interface DemoDecision {
	kind: PermitKind;
	action: Exclude<PermitAction, 'einreichen' | 'fiktion'>;
	conditions?: string;
	reason?: string;
}

/**
 * When things happened before today. The service stamps everything with today; the seed writes these
 * dates afterwards (plain SQL, one transaction, see demo/baustellen.ts#writeHistory).
 */
export interface DemoHistory {
	created: string;
	submitted?: string;
	/** the application was complete: starts the clock of permits still `vollstaendig` */
	complete?: string;
	decided?: string;
}

export interface DemoBaustelle {
	key: string;
	promoter: string;
	place: DemoPlace;
	title: string;
	description: string;
	workKind: WorkKind;
	excavation: boolean;
	networks: Network[];
	traffic: TrafficImpact;
	publiclyFunded?: boolean;
	exemption?: Exemption;
	promoterPrivate?: boolean;
	contact: { name: string; phone: string; email: string; bauherr: string };
	ducts?: Duct[];
	start: string;
	end: string;
	confirmed: boolean;
	/** „Genehmigungen beantragen“ */
	submit?: boolean;
	decisions?: DemoDecision[];
	/** Baubeginnanzeige with this date (not after today) */
	started?: string;
	/** Fertigmeldung with this date (not after today) */
	finished?: string;
	/** Abnahme by the coordinating authority; the date it is recorded as (today, or earlier via history) */
	accepted?: string;
	/** after the Abnahme: the authority activates the proposed Aufbruchsperre with these terms */
	moratorium?: { validUntil: string; legalBasis: string; exemptions: Exemption[] };
	cancelled?: boolean;
	history: DemoHistory;
}

/** `date` itself when it is a Monday, else the next Monday. */
export function mondayOnOrAfter(date: string): string {
	const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
	return addDays(date, (8 - weekday) % 7);
}

/** `date` itself when it is a working day (Sachsen-Anhalt), else the one before. */
export function workingDayOnOrBefore(date: string): string {
	let day = date;
	while (!isWorkingDay(day)) day = addDays(day, -1);
	return day;
}

/**
 * Works of `weeks` weeks from the Monday on or after `from`: they start on its first working day (a
 * holiday Monday moves the start) and end on the Friday of the last week.
 */
export function works(from: string, weeks: number): { start: string; end: string } {
	const monday = mondayOnOrAfter(from);
	return { start: workingDayOnOrAfter(monday), end: addDays(monday, weeks * 7 - 3) };
}

/** The first Monday at least `minDays` after `today` that lies in a frost month. */
export function frostMonday(today: string, frostMonths: readonly number[], minDays = 10): string {
	let monday = mondayOnOrAfter(addDays(today, minDays));
	const months = frostMonths.length ? frostMonths : [12, 1, 2];
	for (let i = 0; i < 60 && !months.includes(Number(monday.slice(5, 7))); i++) monday = addDays(monday, 7);
	return monday;
}

/** The demo's Baustellen for `today`, ordered as they were registered. */
export function demoPlan(today: string, frostMonths: readonly number[] = [12, 1, 2]): DemoBaustelle[] {
	const day = (n: number) => addDays(today, n);
	const past = (n: number) => workingDayOnOrBefore(addDays(today, -n));
	const lastYear = Number(today.slice(0, 4)) - 1;

	// last summer's Deckenerneuerung, accepted about two weeks after completion
	const decke = works(`${lastYear}-07-14`, 8);
	const deckeAccepted = workingDayOnOrAfter(addDays(decke.end, 11));
	const deckeSperreUntil = `${lastYear + 4}${deckeAccepted.slice(4)}`;
	const before = (date: string, n: number) => workingDayOnOrBefore(addDays(date, -n));

	const fernwaerme = works(day(-17), 6); // started about two weeks ago
	const rathaus = works(day(-45), 5); // finished a few days ago
	const klaus = works(day(-80), 6); // finished, accepted today
	const frost = frostMonday(today, frostMonths);

	const plan: DemoBaustelle[] = [
		{
			key: 'deckenerneuerung-maerker',
			promoter: ORG.halle,
			place: { street: 'Große Märkerstraße', at: [11.9713, 51.4807], lengthM: 240, widthM: 8 },
			title: 'Deckenerneuerung Große Märkerstraße',
			description:
				'Große Märkerstraße zwischen Kleiner Märkerstraße und Großer Berlin: Fräsen und Erneuern der Asphaltdeckschicht, Regulierung der Schachtabdeckungen und Straßenabläufe. Vollsperrung – eine Umleitung über Hansering und Waisenhausring ist ausgeschildert.',
			workKind: 'oberflaechenarbeiten',
			excavation: false,
			networks: [],
			traffic: 'vollsperrung',
			publiclyFunded: true,
			contact: CONTACT.halle,
			...decke,
			confirmed: true,
			submit: true,
			decisions: [
				{ kind: 'verkehrsrechtliche_anordnung', action: 'erteilen' },
				{ kind: 'sondernutzung', action: 'erteilen' }
			],
			started: decke.start,
			finished: decke.end,
			accepted: deckeAccepted,
			moratorium: {
				validUntil: deckeSperreUntil,
				legalBasis: `Deckenerneuerung ${lastYear}, Aufgrabungssperre von 4 Jahren nach § 6 Abs. 2 Sondernutzungssatzung (Demo)`,
				exemptions: ['hausanschluss', 'dringende_reparatur', 'stoerungsbeseitigung']
			},
			history: { created: before(decke.start, 84), submitted: before(decke.start, 70), complete: before(decke.start, 63), decided: before(decke.start, 35) }
		},
		{
			key: 'trinkwasser-hausanschluesse-klaus',
			promoter: ORG.stadtwerke,
			place: { street: 'Kleine Klausstraße', at: [11.9674, 51.4836], lengthM: 100, widthM: 4 },
			title: 'Auswechslung Trinkwasser-Hausanschlüsse',
			description:
				'Kleine Klausstraße zwischen Großer Nikolaistraße und Kühler Brunnen: Auswechslung von zwölf Trinkwasser-Hausanschlussleitungen aus Blei und Stahl, Wiederherstellung des Natursteinpflasters. Halbseitige Fahrbahnsperrung.',
			workKind: 'leitungsbau',
			excavation: true,
			networks: ['wasser'],
			traffic: 'halbseitig',
			contact: CONTACT.stadtwerke,
			...klaus,
			confirmed: true,
			submit: true,
			decisions: [
				{ kind: 'aufgrabeerlaubnis', action: 'erteilen' },
				{ kind: 'verkehrsrechtliche_anordnung', action: 'erteilen' }
			],
			started: klaus.start,
			finished: klaus.end,
			accepted: today,
			history: { created: before(klaus.start, 56), submitted: before(klaus.start, 49), complete: before(klaus.start, 42), decided: before(klaus.start, 28) }
		},
		{
			key: 'hausanschluesse-rathaus',
			promoter: ORG.musterbau,
			place: { street: 'Rathausstraße', at: [11.9718, 51.4828], lengthM: 60, widthM: 4 },
			title: 'Herstellung Hausanschlüsse Trinkwasser und Schmutzwasser',
			description:
				'Rathausstraße, Höhe Marktplatz: neue Hausanschlüsse für Trinkwasser und Schmutzwasser beim Umbau eines Geschäftshauses, im Auftrag des Eigentümers. Gehwegsperrung, Fußgänger werden auf die gegenüberliegende Straßenseite geleitet.',
			workKind: 'aufgrabung',
			excavation: true,
			networks: ['wasser', 'abwasser'],
			traffic: 'gehweg',
			contact: CONTACT.musterbau,
			...rathaus,
			confirmed: true,
			submit: true,
			decisions: [
				{ kind: 'aufgrabeerlaubnis', action: 'erteilen' },
				{ kind: 'verkehrsrechtliche_anordnung', action: 'erteilen' }
			],
			started: rathaus.start,
			finished: past(3),
			history: { created: before(rathaus.start, 42), submitted: before(rathaus.start, 38), complete: before(rathaus.start, 30), decided: before(rathaus.start, 16) }
		},
		{
			key: 'fernwaerme-hansering',
			promoter: ORG.stadtwerke,
			place: { street: 'Hansering', at: [11.9745, 51.483], lengthM: 200, widthM: 6 },
			title: 'Verlegung Fernwärmeleitung DN 200',
			description:
				'Hansering zwischen Gustav-Anlauf-Straße und Rathausstraße: Neubau der Fernwärmeleitung (Kunststoffmantelrohr DN 200) zur Anbindung der Innenstadt. Halbseitige Sperrung mit Ampelregelung, Fahrbahneinschränkung auf einen Fahrstreifen.',
			workKind: 'leitungsbau',
			excavation: true,
			networks: ['fernwaerme'],
			traffic: 'halbseitig',
			contact: CONTACT.stadtwerke,
			...fernwaerme,
			confirmed: true,
			submit: true,
			decisions: [
				{
					kind: 'aufgrabeerlaubnis',
					action: 'erteilen_mit_auflagen',
					conditions:
						'Graben abschnittsweise auf höchstens 50 m offen halten. Wiederherstellung der Fahrbahn nach ZTV A-StB 12 (Tragschicht, Binder, Deckschicht), Nähte mit Bitumenfugenband. Wurzelschutz an den Straßenbäumen nach DIN 18920. Abnahme der Oberfläche beim Tiefbauamt beantragen.'
				},
				{ kind: 'verkehrsrechtliche_anordnung', action: 'erteilen' }
			],
			started: fernwaerme.start,
			history: { created: before(fernwaerme.start, 49), submitted: before(fernwaerme.start, 42), complete: before(fernwaerme.start, 35), decided: before(fernwaerme.start, 21) }
		},
		{
			key: 'breitband-geist',
			promoter: ORG.glasfaser,
			place: { street: 'Geiststraße', at: [11.966, 51.4893], lengthM: 180, widthM: 4 },
			title: 'Breitbandausbau – Verlegung Leerrohre',
			description:
				'Geiststraße zwischen Neumarktstraße und Breite Straße: Verlegung von Leerrohrverbänden für das Glasfasernetz im Gehweg, offene Bauweise, an den Einmündungen Spülbohrung. Halbseitige Sperrung mit Ampelregelung.',
			workKind: 'leitungsbau',
			excavation: true,
			networks: ['breitband'],
			traffic: 'halbseitig',
			contact: CONTACT.glasfaser,
			ducts: [
				{ kind: 'Leerrohrverband PE-HD', count: 2, diameterMm: 50, note: 'je 7 × Speedpipe 12/8 mm' },
				{ kind: 'Kabelschutzrohr (Reserve)', count: 1, diameterMm: 110, note: 'Mitnutzung auf Anfrage' }
			],
			...works(day(70), 4),
			confirmed: false,
			submit: true,
			// the § 127 TKG clock runs from the complete application (dated back by the history)
			decisions: [{ kind: 'tkg_zustimmung', action: 'vollstaendig' }],
			history: { created: past(84), submitted: past(77), complete: past(70) }
		},
		{
			key: 'schulstrasse-tk',
			promoter: ORG.fernmelde,
			place: { street: 'Schulstraße', at: [11.97, 51.4856], lengthM: 120, widthM: 4 },
			title: 'Verlegung Kabelschutzrohre Telekommunikation',
			description:
				'Schulstraße zwischen Universitätsplatz und Barfüßerstraße: Kabelschutzrohre für den Ersatz der Kupferkabel im Gehweg. Gehwegsperrung abschnittsweise.',
			workKind: 'leitungsbau',
			excavation: true,
			networks: ['telekommunikation'],
			traffic: 'gehweg',
			contact: CONTACT.fernmelde,
			ducts: [{ kind: 'Kabelschutzrohr', count: 4, diameterMm: 110, note: '' }],
			...works(day(35), 3),
			confirmed: false,
			cancelled: true,
			history: { created: past(40) }
		},
		{
			key: 'grundhafter-ausbau-geist',
			promoter: ORG.halle,
			place: { street: 'Geiststraße', at: [11.966, 51.4895], lengthM: 200, widthM: 8 },
			title: 'Grundhafter Ausbau Geiststraße mit Erneuerung der Straßenentwässerung',
			description:
				'Geiststraße zwischen Neumarktstraße und Thaliapassage: Erneuerung von Fahrbahn, Gehwegen, Straßenabläufen und Regenwasserkanal in zwei Bauabschnitten, gefördert aus Mitteln der Städtebauförderung (Demo). Leerrohre für Straßenbeleuchtung und Breitband werden mitverlegt. Vollsperrung abschnittsweise, Anlieger frei.',
			workKind: 'aufgrabung',
			excavation: true,
			networks: ['abwasser', 'beleuchtung'],
			traffic: 'vollsperrung',
			publiclyFunded: true,
			contact: CONTACT.halle,
			ducts: [
				{ kind: 'Kabelschutzrohr Straßenbeleuchtung', count: 1, diameterMm: 110, note: '' },
				{ kind: 'Leerrohr (Reserve Breitband)', count: 2, diameterMm: 50, note: 'für die Mitverlegung vorgehalten' }
			],
			...works(day(150), 30),
			confirmed: false,
			history: { created: past(30) }
		},
		{
			key: 'trinkwasser-ulrich',
			promoter: ORG.stadtwerke,
			place: { street: 'Große Ulrichstraße', at: [11.9679, 51.4855], lengthM: 180, widthM: 5 },
			title: 'Erneuerung Trinkwasserleitung DN 150',
			description:
				'Große Ulrichstraße zwischen Schulstraße und Spiegelstraße: Auswechslung der Trinkwasserleitung in offener Bauweise, Versorgung der Anlieger während der Bauzeit über eine oberirdische Notleitung. Halbseitige Sperrung mit Ampelregelung.',
			workKind: 'leitungsbau',
			excavation: true,
			networks: ['wasser'],
			traffic: 'halbseitig',
			contact: CONTACT.stadtwerke,
			...works(day(21), 8),
			confirmed: true,
			submit: true,
			decisions: [{ kind: 'aufgrabeerlaubnis', action: 'vollstaendig' }],
			history: { created: past(21), submitted: past(16), complete: past(3) }
		},
		{
			key: 'hausanschluss-barfuesser',
			promoter: ORG.musterbau,
			place: { street: 'Barfüßerstraße', at: [11.9703, 51.4846], lengthM: 60, widthM: 4 },
			title: 'Herstellung Hausanschluss Schmutzwasser und Trinkwasser',
			description:
				'Barfüßerstraße, Höhe Große Steinstraße: Anschlüsse für Schmutzwasser und Trinkwasser eines Neubaus (Baulücke). Halbseitige Sperrung, Gehweg gesperrt.',
			workKind: 'aufgrabung',
			excavation: true,
			networks: ['abwasser', 'wasser'],
			traffic: 'halbseitig',
			contact: CONTACT.musterbau,
			...works(day(28), 3),
			confirmed: true,
			submit: true,
			decisions: [
				{
					kind: 'verkehrsrechtliche_anordnung',
					action: 'nachfordern',
					reason:
						'Bitte einen Verkehrszeichenplan nach RSA 21 nachreichen: Es fehlen die Führung des Fußverkehrs an der Baugrube (Restbreite mindestens 1,30 m) und die Zufahrt für die Feuerwehr.'
				}
			],
			history: { created: past(18), submitted: past(15) }
		},
		{
			key: 'kran-schmeer',
			promoter: ORG.musterbau,
			promoterPrivate: true,
			place: { street: 'Schmeerstraße', at: [11.97, 51.4815], lengthM: 30, widthM: 8 },
			title: 'Kranstellung für Dachsanierung',
			description:
				'Schmeerstraße, Höhe Marktplatz: Aufstellen eines Autokrans (40 t) für die Dachsanierung eines Wohnhauses. Vollsperrung, Anlieger frei.',
			workKind: 'kranstellung',
			excavation: false,
			networks: [],
			traffic: 'vollsperrung',
			contact: { ...CONTACT.musterbau, bauherr: 'Eheleute Erika und Max Mustermann (fiktiv)' },
			...works(day(35), 1),
			confirmed: true,
			submit: true,
			decisions: [
				{
					kind: 'sondernutzung',
					action: 'ablehnen',
					reason:
						'Eine Vollsperrung der Schmeerstraße ist an Markttagen (Dienstag, Donnerstag, Samstag) nicht möglich: Lieferzufahrt zum Marktplatz und Rettungsweg. Bitte die Kranstellung an einem anderen Tag mit halbseitiger Sperrung neu beantragen.'
				}
			],
			history: { created: past(14), submitted: past(12), decided: past(4) }
		},
		{
			key: 'mittelspannung-l164',
			promoter: ORG.stadtwerke,
			place: { street: 'Mansfelder Straße', at: [11.9553, 51.4825], lengthM: 150, widthM: 5, roadSegment: 'L 164 (Demo)' },
			title: 'Verlegung Mittelspannungskabel 20 kV (Netzverstärkung)',
			description:
				'Mansfelder Straße (L 164), westlich der Saale in der Gemeinde Saalwerder: Kabelgraben in Fahrbahnrand und Seitenstreifen, Querung der Fahrbahn mit Spülbohrung. Halbseitige Sperrung mit Ampelregelung.',
			workKind: 'leitungsbau',
			excavation: true,
			networks: ['strom'],
			traffic: 'halbseitig',
			contact: CONTACT.stadtwerke,
			...works(day(28), 5),
			confirmed: true,
			submit: true,
			decisions: [
				{
					kind: 'aufgrabeerlaubnis',
					action: 'erteilen_mit_auflagen',
					conditions:
						'Wiederherstellung der Fahrbahndecke in ganzer Fahrstreifenbreite (Asphaltbinder 8 cm, Asphaltdeckschicht 4 cm nach ZTV A-StB 12). Keine Arbeiten auf der Fahrbahn im Berufsverkehr (6–9 Uhr und 15–18 Uhr). Verkehrssicherung nach RSA 21 mit Lichtsignalanlage. Gewährleistung 5 Jahre ab Abnahme.'
				},
				{ kind: 'verkehrsrechtliche_anordnung', action: 'vollstaendig' }
			],
			history: { created: past(30), submitted: past(24), complete: past(8), decided: past(3) }
		},
		{
			key: 'hausanschluss-gas-maerker',
			promoter: ORG.stadtwerke,
			place: { street: 'Große Märkerstraße', at: [11.97125, 51.4812], lengthM: 14, widthM: 3 },
			title: 'Herstellung Hausanschluss Gas',
			description:
				'Große Märkerstraße, Höhe Kuhgasse: neuer Gas-Hausanschluss für ein Wohn- und Geschäftshaus, Kopfloch im Gehweg und Querung der Fahrbahn. Gehweg gesperrt, Fußgänger werden vorbeigeführt.',
			workKind: 'aufgrabung',
			excavation: true,
			networks: ['gas'],
			traffic: 'gehweg',
			exemption: 'hausanschluss',
			contact: CONTACT.stadtwerke,
			...works(day(21), 1),
			confirmed: true,
			submit: true,
			decisions: [
				{ kind: 'aufgrabeerlaubnis', action: 'erteilen' },
				{ kind: 'verkehrsrechtliche_anordnung', action: 'erteilen' }
			],
			history: { created: past(20), submitted: past(18), complete: past(14), decided: past(6) }
		},
		{
			key: 'kanal-ulrich',
			promoter: ORG.abwasser,
			place: { street: 'Große Ulrichstraße', at: [11.9683, 51.4849], lengthM: 150, widthM: 6 },
			title: 'Sanierung Mischwasserkanal DN 400 in offener Bauweise',
			description:
				'Große Ulrichstraße zwischen Dachritzstraße und Bölbergasse: Erneuerung des Mischwasserkanals einschließlich Schächten und Anschlussleitungen. Vollsperrung abschnittsweise – eine Umleitung ist ausgeschildert.',
			workKind: 'leitungsbau',
			excavation: true,
			networks: ['abwasser'],
			traffic: 'vollsperrung',
			contact: CONTACT.abwasser,
			...works(day(42), 10),
			confirmed: true,
			submit: true,
			history: { created: past(12), submitted: past(10) }
		},
		{
			key: 'gas-maerker',
			promoter: ORG.stadtwerke,
			place: { street: 'Große Märkerstraße', at: [11.9713, 51.4807], lengthM: 120, widthM: 4 },
			title: 'Erneuerung Gasleitung (Niederdruck) DN 150',
			description:
				'Große Märkerstraße zwischen Kleiner Märkerstraße und Kutschgasse: Auswechslung der Graugussleitung in offener Bauweise, Umbindung der Hausanschlüsse. Halbseitige Sperrung mit Ampelregelung.',
			workKind: 'leitungsbau',
			excavation: true,
			networks: ['gas'],
			traffic: 'halbseitig',
			contact: CONTACT.stadtwerke,
			...works(day(63), 6),
			confirmed: false,
			submit: true,
			history: { created: past(10), submitted: past(7) }
		},
		{
			key: 'trinkwasser-mansfelder',
			promoter: ORG.stadtwerke,
			place: { street: 'Mansfelder Straße', at: [11.9587, 51.4816], lengthM: 180, widthM: 5 },
			title: 'Erneuerung Trinkwasser-Verbindungsleitung DN 300',
			description:
				'Mansfelder Straße zwischen Holzplatz und Herrenstraße, über die Gemeindegrenze Halle (Saale)/Saalwerder: Erneuerung der Verbindungsleitung zwischen zwei Versorgungszonen, unter dem Mühlgraben im Rohrvortrieb. Halbseitige Sperrung mit Ampelregelung; Bauzeit vorläufig.',
			workKind: 'leitungsbau',
			excavation: true,
			networks: ['wasser'],
			traffic: 'halbseitig',
			contact: CONTACT.stadtwerke,
			...works(day(98), 8),
			confirmed: false,
			history: { created: past(5) }
		},
		{
			key: 'beleuchtung-stein',
			promoter: ORG.halle,
			place: { street: 'Große Steinstraße', at: [11.9754, 51.4866], lengthM: 150, widthM: 3 },
			title: 'Erneuerung Straßenbeleuchtung – Kabelgraben im Gehweg',
			description:
				'Große Steinstraße zwischen Zinksgartenstraße und Ludwig-Stur-Straße: Austausch von Leuchten, Masten und Kabeln der Straßenbeleuchtung, Kabelgraben im Gehweg. Gehwegsperrung abschnittsweise. Winterbaustelle: Oberfläche bei Frost zunächst provisorisch.',
			workKind: 'leitungsbau',
			excavation: true,
			networks: ['beleuchtung'],
			traffic: 'gehweg',
			contact: CONTACT.halle,
			ducts: [{ kind: 'Kabelschutzrohr', count: 1, diameterMm: 63, note: '' }],
			start: workingDayOnOrAfter(frost),
			end: addDays(frost, 4 * 7 - 3),
			confirmed: false,
			history: { created: past(2) }
		}
	];
	return plan.sort((a, b) => (a.history.created < b.history.created ? -1 : a.history.created > b.history.created ? 1 : 0));
}
