/**
 * @module baustellen/conflicts
 * Runs the pure conflict engine (konflikte/) for one Baustelle against the database and stores the
 * findings — pairs from both sides, so each promoter and authority sees them on its own Baustelle.
 * Returns the pairs that are new, for notifications.
 */
import type { Db } from '../db';
import { checkConflicts } from '../konflikte/engine';
import { loadCandidates, loadMoratoria } from '../konflikte/load';
import type { Candidate, ConflictSettings, Finding } from '../konflikte/types';
import type { BaustelleRow } from './repo';

const PAIR_KINDS = new Set(['ueberschneidung', 'mitverlegung']);

export function toCandidate(b: BaustelleRow): Candidate {
	return {
		id: b.id,
		number: b.number,
		title: b.title,
		promoter: b.promoterPrivate ? 'privat' : b.orgName,
		footprint: b.footprint25832,
		bbox: b.bbox,
		start: b.actualStart ?? b.plannedStart,
		end: b.actualEnd ?? (b.actualStart && b.actualStart > b.plannedEnd ? b.actualStart : b.plannedEnd),
		excavation: b.excavation,
		publiclyFunded: b.publiclyFunded,
		exemption: b.exemption,
		streets: b.streets,
		status: b.status,
		networks: b.networks,
		ducts: b.ducts
	};
}

async function insertFinding(tx: Db, baustelleId: string, f: Finding, at: Date): Promise<void> {
	await tx`insert into baustelle_conflicts (baustelle_id, kind, other_baustelle_id, moratorium_id, severity, blocking, message, details, computed_at)
		values (${baustelleId}, ${f.kind}, ${f.otherId ?? null}, ${f.moratoriumId ?? null}, ${f.severity}, ${f.blocking}, ${f.message},
			${tx.json(f.details as never)}, ${at})`;
}

export interface NewPair {
	otherId: string;
	kind: Finding['kind'];
	severity: Finding['severity'];
	message: string;
}

/** Recomputes and stores the conflicts of `b`; returns the pairs that did not exist before. */
export async function recomputeConflicts(tx: Db, b: BaustelleRow, settings: ConflictSettings, today: string, at: Date): Promise<{ findings: Finding[]; newPairs: NewPair[] }> {
	const before = new Set(
		(await tx<{ k: string }[]>`select other_baustelle_id || '|' || kind as k from baustelle_conflicts where baustelle_id = ${b.id} and other_baustelle_id is not null`).map(
			(r) => r.k
		)
	);
	await tx`delete from baustelle_conflicts where baustelle_id = ${b.id} or other_baustelle_id = ${b.id}`;
	const subject = toCandidate(b);
	if (b.status === 'storniert') return { findings: [], newPairs: [] };
	const others = await loadCandidates(tx, subject, settings);
	const moratoria = await loadMoratoria(tx, subject.bbox, subject.start, subject.end);
	const findings = checkConflicts(subject, others, moratoria, settings, today);
	const byId = new Map(others.map((o) => [o.id, o]));
	const newPairs: NewPair[] = [];
	for (const f of findings) {
		await insertFinding(tx, b.id, f, at);
		if (!f.otherId || !PAIR_KINDS.has(f.kind)) continue;
		if (!before.has(`${f.otherId}|${f.kind}`)) newPairs.push({ otherId: f.otherId, kind: f.kind, severity: f.severity, message: f.message });
		// the same pair seen from the other Baustelle, in its words
		const other = byId.get(f.otherId);
		if (!other) continue;
		for (const m of checkConflicts(other, [subject], [], settings, today)) {
			if (m.kind === f.kind && m.otherId === b.id) await insertFinding(tx, other.id, m, at);
		}
	}
	return { findings, newPairs };
}
