/**
 * @module webhooks/input
 * Request bodies of the webhook and inbox API: JSON (where lists are arrays) or form fields (where a list
 * is comma-separated, `curl -F events=a,b`). No body at all is an empty one (`POST …/gelesen` = all).
 */
import { readFields, readJson } from '../http/api';

export async function readBody(request: Request): Promise<Record<string, unknown>> {
	const type = request.headers.get('content-type') ?? '';
	if (!type && (!request.body || request.headers.get('content-length') === '0')) return {};
	if (type.includes('application/json')) {
		const body = await readJson(request);
		return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
	}
	return readFields(request);
}
