/**
 * The service's problems by form field. Its field names are the JSON paths of the API body
 * (`period.start`, `ducts[1].count`); a form field shows the problems of its path and everything below it.
 */
import type { Problem } from '$lib/form-fields';

export type { Problem };

export function problemOf(problems: readonly Problem[], field: string): string | undefined {
	return problems.find((p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`))?.message;
}
