/**
 * @module baustellen
 * The construction calendar's vocabulary, shared by server and UI: statuses, kinds of works, traffic
 * impact, permits and conflict kinds with their German labels, and the v1 JSON shape of a Baustelle.
 */

export const BAUSTELLE_STATUSES = ['geplant', 'beantragt', 'genehmigt', 'in_ausfuehrung', 'abgeschlossen', 'abgenommen', 'storniert'] as const;
export type BaustelleStatus = (typeof BAUSTELLE_STATUSES)[number];
export const STATUS_LABELS: Record<BaustelleStatus, string> = {
	geplant: 'Geplant',
	beantragt: 'Beantragt',
	genehmigt: 'Genehmigt',
	in_ausfuehrung: 'In Ausführung',
	abgeschlossen: 'Abgeschlossen',
	abgenommen: 'Abgenommen',
	storniert: 'Storniert'
};

export const WORK_KINDS = ['aufgrabung', 'leitungsbau', 'bohrung', 'oberflaechenarbeiten', 'kranstellung', 'sonstiges'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const WORK_KIND_LABELS: Record<WorkKind, string> = {
	aufgrabung: 'Aufgrabung',
	leitungsbau: 'Leitungsbau',
	bohrung: 'Bohrung (Spülbohrung mit Start- und Zielgrube)',
	oberflaechenarbeiten: 'Oberflächenarbeiten',
	kranstellung: 'Kranstellung',
	sonstiges: 'Sonstiges'
};
/** Kinds of works that open the ground unless the promoter says otherwise. */
export const EXCAVATING_KINDS: readonly WorkKind[] = ['aufgrabung', 'leitungsbau', 'bohrung'];

export const TRAFFIC_IMPACTS = ['vollsperrung', 'halbseitig', 'gehweg', 'keine'] as const;
export type TrafficImpact = (typeof TRAFFIC_IMPACTS)[number];
export const TRAFFIC_LABELS: Record<TrafficImpact, string> = {
	vollsperrung: 'Vollsperrung',
	halbseitig: 'Halbseitige Sperrung',
	gehweg: 'Gehweg betroffen',
	keine: 'Keine Verkehrseinschränkung'
};

/** Why a moratorium may not apply to a Baustelle (exemptions are configured per moratorium). */
export const EXEMPTIONS = ['keine', 'dringende_reparatur', 'hausanschluss', 'stoerungsbeseitigung'] as const;
export type Exemption = (typeof EXEMPTIONS)[number];
export const EXEMPTION_LABELS: Record<Exemption, string> = {
	keine: 'Keine Ausnahme',
	dringende_reparatur: 'Dringende Reparatur',
	hausanschluss: 'Hausanschluss',
	stoerungsbeseitigung: 'Störungsbeseitigung'
};

export const PERMIT_KINDS = ['aufgrabeerlaubnis', 'verkehrsrechtliche_anordnung', 'tkg_zustimmung', 'sondernutzung'] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];
export const PERMIT_KIND_LABELS: Record<PermitKind, string> = {
	aufgrabeerlaubnis: 'Aufbruch-/Aufgrabeerlaubnis',
	verkehrsrechtliche_anordnung: 'Verkehrsrechtliche Anordnung (§ 45 StVO)',
	tkg_zustimmung: 'Zustimmung nach § 127 TKG',
	sondernutzung: 'Sondernutzungserlaubnis'
};

export const PERMIT_STATUSES = ['offen', 'eingereicht', 'vollstaendig', 'nachforderung', 'erteilt', 'erteilt_mit_auflagen', 'abgelehnt', 'fiktiv_erteilt'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];
export const PERMIT_STATUS_LABELS: Record<PermitStatus, string> = {
	offen: 'Noch nicht beantragt',
	eingereicht: 'Eingereicht',
	vollstaendig: 'Vollständig, in Prüfung',
	nachforderung: 'Änderungen angefordert',
	erteilt: 'Erteilt',
	erteilt_mit_auflagen: 'Erteilt mit Auflagen',
	abgelehnt: 'Abgelehnt',
	fiktiv_erteilt: 'Fiktiv erteilt (Frist verstrichen)'
};
/** The outcomes that let the works begin. */
export const PERMIT_GRANTED: readonly PermitStatus[] = ['erteilt', 'erteilt_mit_auflagen', 'fiktiv_erteilt'];

export const CONFLICT_KINDS = ['ueberschneidung', 'moratorium', 'frost', 'mitverlegung'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export const CONFLICT_KIND_LABELS: Record<ConflictKind, string> = {
	ueberschneidung: 'Überschneidung',
	moratorium: 'Aufbruchsperre',
	frost: 'Frostperiode',
	mitverlegung: 'Mitverlegung möglich'
};
export const SEVERITIES = ['hoch', 'mittel', 'niedrig', 'hinweis'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { hoch: 'Hoch', mittel: 'Mittel', niedrig: 'Niedrig', hinweis: 'Hinweis' };

export type Polygonal =
	| { type: 'Polygon'; coordinates: number[][][] }
	| { type: 'MultiPolygon'; coordinates: number[][][][] };
export type Lineal = { type: 'LineString'; coordinates: number[][] } | { type: 'MultiLineString'; coordinates: number[][][] };

export interface Duct {
	kind: string;
	count: number;
	diameterMm: number | null;
	note: string;
}

export interface PermitJson {
	id: string;
	kind: PermitKind;
	authority: { id: string; name: string };
	status: PermitStatus;
	submittedAt: string | null;
	completeAt: string | null;
	dueAt: string | null;
	extended: boolean;
	conditions: string;
	reason: string;
	decidedAt: string | null;
	/** true while the clock runs and its due date has passed */
	overdue: boolean;
}

export interface ConflictJson {
	id: string;
	kind: ConflictKind;
	severity: Severity;
	blocking: boolean;
	message: string;
	other: { id: string; number: string; title: string; promoter: string; start: string; end: string; contact?: { name: string; phone: string; email: string } } | null;
	moratorium: { id: string; title: string; validUntil: string } | null;
	details: Record<string, unknown>;
}

/** The v1 JSON of a Baustelle for its promoter and its authorities. */
export interface BaustelleJson {
	id: string;
	number: string;
	status: BaustelleStatus;
	title: string;
	description: string;
	promoter: { orgId: string; name: string; privat: boolean };
	contact: { name: string; phone: string; email: string; bauherr: string };
	networks: string[];
	workKind: WorkKind;
	excavation: boolean;
	publiclyFunded: boolean;
	exemption: Exemption;
	footprint: Polygonal;
	axis: Lineal;
	axisDerived: boolean;
	areaM2: number;
	streets: string[];
	period: { start: string; end: string; confirmed: boolean };
	actual: { start: string | null; end: string | null };
	traffic: TrafficImpact;
	public: boolean;
	auskunftId: string | null;
	ducts: Duct[];
	authorities: { id: string; name: string; reason: 'gebiet' | 'strassenbaulast' }[];
	permits: PermitJson[];
	conflicts: { count: number; blocking: number; highest: Severity | null };
	revision: number;
	createdAt: string;
	updatedAt: string;
	links: { self: string; konflikte: string; page: string };
}
