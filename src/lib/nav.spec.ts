import { describe, expect, it } from 'vitest';
import { navFor } from './nav';

const labels = (roles: Parameters<typeof navFor>[0]) => navFor(roles).map((i) => i.label);

describe('navigation by role', () => {
	it('shows nothing without an organisation', () => {
		expect(labels(null)).toEqual([]);
	});

	it('gives a construction firm Auskunft, Baustellen, Mitnutzung, Straßenraum and its notifications only', () => {
		expect(labels(['bauunternehmen'])).toEqual(['Auskunft', 'Baustellen', 'Mitnutzung', 'Straßenraum', 'Benachrichtigungen']);
	});

	it('gives a planning office the Mitnutzung check beside Auskunft and Baustellen', () => {
		expect(labels(['planungsbuero'])).toEqual(['Auskunft', 'Baustellen', 'Mitnutzung', 'Straßenraum', 'Benachrichtigungen']);
	});

	it('gives a Stadt that is road authority and lighting operator both sides', () => {
		expect(labels(['kommune', 'netzbetreiber'])).toEqual(['Auskunft', 'Baustellen', 'Mitnutzung', 'Straßenraum', 'Netze', 'Koordination', 'Benachrichtigungen']);
	});

	it('gives the platform Admin but no line requests or Mitnutzung checks', () => {
		expect(labels(['plattform'])).toEqual(['Baustellen', 'Benachrichtigungen', 'Admin']);
	});
});
