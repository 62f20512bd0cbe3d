/**
 * `npm run audit:verify` — checks the audit chain of the database in DATABASE_URL (or the embedded one
 * under DATA_DIR when unset; stop the server first, PGlite allows one process) and names the first
 * broken row. Exit code 0 = intact, 1 = broken, 2 = could not check.
 */
import { connect, disconnect, sql } from '../db';
import { verifyAuditChain } from './repo';

try {
	await connect();
	const result = await verifyAuditChain(sql);
	if (result.ok) {
		console.log(`Audit-Kette intakt: ${result.checked} Einträge geprüft.`);
	} else {
		console.error(`Audit-Kette GEBROCHEN bei Eintrag Nr. ${result.break!.seq}: ${result.break!.reason}.`);
		console.error(`${result.checked} Einträge davor sind intakt.`);
		process.exitCode = 1;
	}
} catch (e) {
	console.error(`Prüfung nicht möglich: ${(e as Error).message}`);
	process.exitCode = 2;
} finally {
	await disconnect();
}
