/**
 * @module config
 * Every environment variable the server reads, in one place (the README's configuration table mirrors it).
 */
import { env } from 'node:process';

function int(name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value)) throw new Error(`${name} muss eine Zahl sein, ist aber "${raw}".`);
	return value;
}

export const config = {
	/** PostgreSQL connection string; unset → embedded PGlite under DATA_DIR/pglite. */
	databaseUrl: env.DATABASE_URL || null,
	/** Folder for the embedded database and (later) layer files. */
	dataDir: env.DATA_DIR || 'data',
	/** Seed demo orgs and users; implied by the embedded default. */
	demo: env.TIEFBLICK_DEMO === '1' || (!env.DATABASE_URL && env.TIEFBLICK_DEMO !== '0'),
	/** Body limit for JSON and forms (bytes); uploads have their own limit. */
	jsonMaxBytes: int('JSON_MAX_BYTES', 1_000_000),
	/** Failed logins per IP and per account within the window before 429. */
	loginMaxFailures: int('LOGIN_MAX_FAILURES', 10),
	loginWindowSeconds: int('LOGIN_WINDOW_SECONDS', 15 * 60),
	/** Auskünfte per user within an hour (critical-infrastructure rule: no bulk harvesting). */
	auskunftMaxPerHour: int('AUSKUNFT_MAX_PER_HOUR', 60),
	mitnutzungMaxPerHour: int('MITNUTZUNG_MAX_PER_HOUR', 60),
	strassenraumMaxPerHour: int('STRASSENRAUM_MAX_PER_HOUR', 600),
	/** Registrations per IP within an hour. */
	registerMaxPerHour: int('REGISTER_MAX_PER_HOUR', 20),
	/** How long IPs and e-mails beside the audit chain are kept (days). */
	personalDataRetentionDays: int('PERSONAL_DATA_RETENTION_DAYS', 90),
	/** Largest accepted upload of a network layer file (bytes). */
	uploadMaxBytes: int('UPLOAD_MAX_BYTES', 300_000_000),
	/** Zip archives: most bytes they may unpack to, and the highest compression ratio (zip bombs). */
	zipMaxUnpackedBytes: int('ZIP_MAX_UNPACKED_BYTES', 1_500_000_000),
	zipMaxRatio: int('ZIP_MAX_RATIO', 200),
	/** Pool size; the embedded socket gets the same number of connections. */
	dbPoolMax: int('DB_POOL_MAX', 4),
	/** The public origin (also adapter-node's): absolute links in webhook payloads. */
	origin: env.ORIGIN || null,
	/** Webhooks: how long a receiver may take, the retry schedule (base × 4^(attempt−1) s), and the poll. */
	webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', 5000),
	webhookRetryBaseSeconds: int('WEBHOOK_RETRY_BASE_SECONDS', 60),
	webhookMaxAttempts: int('WEBHOOK_MAX_ATTEMPTS', 6),
	webhookPollMs: int('WEBHOOK_POLL_MS', 10_000),
	/** http:// and internal addresses (127.0.0.1 …) as webhook receivers: tests, demo, local development only. */
	webhookAllowHttp: env.WEBHOOK_ALLOW_HTTP === '1'
};
