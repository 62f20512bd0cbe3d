/**
 * @module uuid
 * Is this string a UUID? Ids from URLs and forms are checked before they reach PostgreSQL, which would
 * answer a malformed uuid with an error instead of "not found".
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
	return UUID.test(value);
}
