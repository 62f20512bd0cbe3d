/**
 * @module roles
 * Organisation roles and their German labels; shared by server and UI.
 */
export const ORG_ROLES = ['bauunternehmen', 'planungsbuero', 'netzbetreiber', 'kommune', 'plattform'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const ORG_ROLE_LABELS: Record<OrgRole, string> = {
	bauunternehmen: 'Bauunternehmen',
	planungsbuero: 'Planungsbüro',
	netzbetreiber: 'Netzbetreiber',
	kommune: 'Kommune / Tiefbauamt',
	plattform: 'Plattformbetrieb'
};

/** Roles a person may choose at self-registration; `plattform` is given, never taken. */
export const SELF_SERVICE_ROLES: OrgRole[] = ['bauunternehmen', 'planungsbuero', 'netzbetreiber', 'kommune'];

export type MembershipRole = 'admin' | 'member';
