/**
 * @module mitnutzung/present
 * The v1 JSON of a stored Mitnutzung check: the answer as it was given, with absolute links.
 */
import type { MitnutzungJson } from '$lib/mitnutzung';
import type { CheckRow } from './repo';

export function mitnutzungJson(check: CheckRow, origin: string): MitnutzungJson {
	return {
		...check.result,
		links: { self: `${origin}/api/v1/mitnutzung/${check.id}`, page: `${origin}/mitnutzung/${check.id}` }
	};
}
