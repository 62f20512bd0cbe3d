/**
 * @module auth/csrf
 * Our replacement for Kit's origin check (switched off in svelte.config.js, see there why).
 * A state-changing request is refused when it comes from a foreign Origin, or when it rides on the
 * session cookie without saying where it comes from. Bearer requests without a cookie cannot be
 * forged by a browser and pass, so curl, QGIS and scripts can upload.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfRefused(request: Request, ownOrigin: string, hasSessionCookie: boolean): boolean {
	if (SAFE_METHODS.has(request.method)) return false;
	const origin = request.headers.get('origin');
	if (origin !== null) return origin !== ownOrigin;
	return hasSessionCookie;
}
