/**
 * @module openapi/enums
 * The value sets the API speaks, taken from the code that enforces them, so the description cannot
 * drift. Where the code has only a union type, a `Record<Union, string>` of German descriptions stands
 * in: TypeScript then refuses a missing or an extra value.
 */
import { AREA_LIMIT_M2, AUSKUNFT_TYPES, TYPE_LABELS, WORK_CLASSES, WORK_CLASS_DISTANCE_M, WORK_CLASS_LABELS } from '$lib/auskunft';
import { DEPTH_SOURCES, KINDS, KIND_LABELS, NETWORKS, NETWORK_INFO, STATUSES, STATUS_LABELS } from '$lib/layers/catalogue';
import { ORG_ROLES, ORG_ROLE_LABELS, type MembershipRole } from '$lib/roles';
import { OPERATOR_STATUS_LABELS, type AuskunftStatus } from '../auskunft/rules';
import { FEEDBACK_KINDS, FEEDBACK_LABELS } from '../auskunft/feedback-input';
import { ACCEPTED_CRS } from '../layers/ingest/crs';
import { SCHEMA_FIELDS } from '../layers/ingest/mapping';
import type { Finding } from '../layers/ingest/validate';
import type { Schema } from './types';

const AUSKUNFT_STATUS_TEXT: Record<AuskunftStatus, string> = {
	vorlaeufig: 'vorläufig — mindestens ein Betreiber hat noch nicht geantwortet',
	erteilt: 'erteilt — alle betroffenen Betreiber haben geantwortet',
	unvollstaendig: 'unvollständig — mindestens ein Betreiber hat nicht geantwortet (keine Negativauskunft)',
	abgelaufen: 'abgelaufen — die Gültigkeit ist vorbei; Vektordaten gibt es nicht mehr, das PDF bleibt abrufbar'
};

const MEMBERSHIP_ROLE_TEXT: Record<MembershipRole, string> = {
	admin: 'Administrator der Organisation',
	member: 'Mitglied'
};

const SEVERITY_TEXT: Record<Finding['severity'], string> = {
	error: 'Fehler — die Version wird nicht gespeichert',
	warning: 'Warnung — die Version kann trotzdem aktiviert werden'
};

const AUTH_VIA_TEXT: Record<NonNullable<App.Locals['authVia']>, string> = {
	session: 'Browser-Sitzung (Cookie)',
	token: 'API-Token (Authorization: Bearer)'
};

const de = (n: number) => n.toLocaleString('de-DE');

/** "`a` — A; `b` — B" as a Markdown list, for descriptions. */
function listing(entries: [string, string][]): string {
	return entries.map(([value, text]) => `- \`${value}\` — ${text}`).join('\n');
}

function enumSchema(values: readonly string[], description: string): Schema {
	return { type: 'string', enum: [...values], description };
}

export const enumSchemas: Record<string, Schema> = {
	AuskunftType: enumSchema(
		AUSKUNFT_TYPES,
		`Art der Auskunft; die gezeichnete Fläche ist je Art begrenzt:\n${listing(AUSKUNFT_TYPES.map((t) => [t, `${TYPE_LABELS[t]}, höchstens ${de(AREA_LIMIT_M2[t])} m²`]))}`
	),
	WorkClass: enumSchema(
		WORK_CLASSES,
		`Arbeitsklasse; sie bestimmt den Suchabstand um den Arbeitsbereich (ein Layer kann einen größeren verlangen):\n${listing(WORK_CLASSES.map((w) => [w, `${WORK_CLASS_LABELS[w]}, ${WORK_CLASS_DISTANCE_M[w]} m`]))}`
	),
	OperatorStatus: enumSchema(
		Object.keys(OPERATOR_STATUS_LABELS),
		`Antwort eines Netzbetreibers:\n${listing(Object.entries(OPERATOR_STATUS_LABELS))}`
	),
	AuskunftStatus: enumSchema(Object.keys(AUSKUNFT_STATUS_TEXT), `Stand der Auskunft:\n${listing(Object.entries(AUSKUNFT_STATUS_TEXT))}`),
	FeedbackKind: enumSchema(FEEDBACK_KINDS, `Art der Abweichung vor Ort:\n${listing(FEEDBACK_KINDS.map((k) => [k, FEEDBACK_LABELS[k]]))}`),
	Network: enumSchema(NETWORKS, `Netzart (Spartenkatalog):\n${listing(NETWORKS.map((n) => [n, NETWORK_INFO[n].label]))}`),
	FeatureKind: enumSchema(KINDS, `Objektart:\n${listing(KINDS.map((k) => [k, KIND_LABELS[k]]))}`),
	LineStatus: enumSchema(STATUSES, `Betriebszustand:\n${listing(STATUSES.map((s) => [s, STATUS_LABELS[s]]))}`),
	DepthSource: enumSchema(DEPTH_SOURCES, 'Herkunft der Tiefenangabe.'),
	OrgRole: enumSchema(ORG_ROLES, `Rolle einer Organisation:\n${listing(ORG_ROLES.map((r) => [r, ORG_ROLE_LABELS[r]]))}`),
	MembershipRole: enumSchema(Object.keys(MEMBERSHIP_ROLE_TEXT), `Rolle in der eigenen Organisation:\n${listing(Object.entries(MEMBERSHIP_ROLE_TEXT))}`),
	FindingSeverity: enumSchema(Object.keys(SEVERITY_TEXT), `Schwere eines Befunds:\n${listing(Object.entries(SEVERITY_TEXT))}`),
	AuthVia: enumSchema(Object.keys(AUTH_VIA_TEXT), `Wie sich der Aufrufer angemeldet hat:\n${listing(Object.entries(AUTH_VIA_TEXT))}`),
	SchemaField: enumSchema(SCHEMA_FIELDS, 'Feld des einheitlichen Attributschemas, auf das ein Quellfeld abgebildet wird.')
};

/** "EPSG:25833" or "25833" (any case), exactly the codes the upload accepts. */
export const CRS_PATTERN = `^(?:[Ee][Pp][Ss][Gg]:)?(?:${Object.keys(ACCEPTED_CRS).join('|')})$`;

export const CRS_LIST = listing(Object.entries(ACCEPTED_CRS).map(([code, name]) => [`EPSG:${code}`, name]));
