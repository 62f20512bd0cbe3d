/**
 * @module nav
 * The main navigation, by organisation role. Shared by the layout and its test.
 */
import type { OrgRole } from './roles';

export interface NavItem {
	href: string;
	label: string;
}

interface NavRule extends NavItem {
	/** shown when the org has any of these roles; undefined = every member of an org */
	roles?: OrgRole[];
}

export const NOTIFICATIONS_HREF = '/benachrichtigungen';

const RULES: NavRule[] = [
	{ href: '/auskunft', label: 'Auskunft', roles: ['bauunternehmen', 'planungsbuero', 'netzbetreiber', 'kommune'] },
	{ href: '/baustellen', label: 'Baustellen' },
	{ href: '/mitnutzung', label: 'Mitnutzung', roles: ['bauunternehmen', 'planungsbuero', 'netzbetreiber', 'kommune'] },
	{ href: '/strassenraum', label: 'Straßenraum', roles: ['bauunternehmen', 'planungsbuero', 'netzbetreiber', 'kommune'] },
	{ href: '/netze', label: 'Netze', roles: ['netzbetreiber'] },
	{ href: '/koordination', label: 'Koordination', roles: ['kommune'] },
	// the layout adds the org's unread count
	{ href: NOTIFICATIONS_HREF, label: 'Benachrichtigungen' },
	{ href: '/admin', label: 'Admin', roles: ['plattform'] }
];

export function navFor(roles: OrgRole[] | null): NavItem[] {
	if (!roles) return [];
	return RULES.filter((r) => !r.roles || r.roles.some((role) => roles.includes(role))).map(({ href, label }) => ({
		href,
		label
	}));
}
