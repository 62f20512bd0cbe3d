import type { OrgContext, User } from '$lib/server/accounts/types';
import type { Session } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** machine-readable, stable across releases (API clients branch on it) */
			code?: string;
			details?: unknown[];
			/** id of a logged unexpected error, for support */
			errorId?: string;
		}
		interface Locals {
			user: User | null;
			session: Session | null;
			/** how the caller authenticated: browser cookie or API token */
			authVia: 'session' | 'token' | null;
			org: OrgContext | null;
			/** org name of a join request that waits for approval */
			pendingOrgName: string | null;
		}
	}
}

export {};
