/**
 * @module mitnutzung/neu/form-body
 * The check's form as the body `parseMitnutzung` reads, and back as the values that refill the form
 * after a refusal. Pure: the action reads the FormData and hands it here.
 */
import { formText, type Problem } from '$lib/form-fields';
import { parseRouteGeoJson } from './route-geojson';

export type { Problem };

/** What the form shows: strings as typed, so a refused form comes back as it was sent. */
export interface MitnutzungFormValues {
	title: string;
	corridorM: string;
	/** co-laying window; empty: from today for a year */
	from: string;
	to: string;
	/** GeoJSON text: drawn on the map, pasted, or read from the uploaded file */
	route: string;
}

/**
 * Reads the posted form. `fileText` is an uploaded GeoJSON file (without JavaScript); the drawn route
 * (hidden field) wins, then the pasted text, then the file.
 */
export function readForm(form: FormData, fileText: string | null = null): MitnutzungFormValues {
	return {
		title: formText(form, 'title'),
		corridorM: formText(form, 'corridorM'),
		from: formText(form, 'from'),
		to: formText(form, 'to'),
		route: formText(form, 'route') || formText(form, 'routeText') || (fileText ?? '').trim()
	};
}

/** The body for parseMitnutzung, or the route's problem when its text is no line GeoJSON. */
export function requestBody(values: MitnutzungFormValues): { body: Record<string, unknown> } | { problems: Problem[] } {
	let route: unknown = undefined;
	if (values.route) {
		const parsed = parseRouteGeoJson(values.route);
		if (!parsed.ok) return { problems: [{ field: 'route', message: parsed.message }] };
		route = parsed.route;
	}
	return {
		body: {
			// missing: the service names the field ("Bitte die geplante Trasse … zeichnen")
			route,
			corridorM: values.corridorM,
			title: values.title,
			from: values.from || undefined,
			to: values.to || undefined
		}
	};
}

/** German name of a problem's field, for the summary above the form. */
export function fieldLabel(field: string): string {
	if (field === 'route') return 'Trasse';
	if (field === 'corridorM') return 'Korridor';
	if (field === 'period.start') return 'Mitverlegung ab';
	if (field === 'period.end') return 'Mitverlegung bis';
	if (field === 'title') return 'Bezeichnung';
	return field;
}

export function problemOf(problems: readonly Problem[], field: string): string | undefined {
	return problems.find((p) => p.field === field)?.message;
}
