import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// Navigation convenience only: every load, action and endpoint below checks again (guard.ts).
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
};
