/**
 * @module layers/service
 * What operators do with layers: create, upload a version (ingest → immutable file → one transaction
 * that stores and activates it), activate an older one (roll back). A failed upload changes nothing:
 * no row, no file, the previous version stays active.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { NETWORKS, type Network } from '$lib/layers/catalogue';
import { sql, type Db } from '../db';
import { appendAudit } from '../audit/repo';
import { ingestFile, type IngestReport } from './ingest';
import { ACCEPTED_CRS } from './ingest/crs';
import type { AttributeMapping } from './ingest/mapping';
import * as repo from './repo';
import { ensureLayerDir, layerFilePath, scratchDir } from './storage';
import { refreshDerivedCoverage } from './coverage';
import { releaseReader } from './reader';
import { diffLayerFiles, type LayerDiff } from './diff';

export interface Actor {
	userId: string;
	orgId: string;
}

export type LayerInput = { name: string; network: string; requestBufferM: number | null };

export function validateLayerInput(input: LayerInput): Record<string, string> {
	const errors: Record<string, string> = {};
	if (input.name.trim().length < 3 || input.name.length > 120) errors.name = 'Bitte einen Namen mit 3 bis 120 Zeichen angeben, z. B. „Wasser Versorgungsleitungen“.';
	if (!NETWORKS.includes(input.network as Network)) errors.network = `Unbekanntes Netz „${input.network}“. Erlaubt: ${NETWORKS.join(', ')}.`;
	if (input.requestBufferM !== null && !(input.requestBufferM >= 0 && input.requestBufferM <= 500)) {
		errors.requestBufferM = 'Der Anfragepuffer muss zwischen 0 und 500 m liegen.';
	}
	return errors;
}

export async function createLayer(actor: Actor, input: LayerInput): Promise<{ layer: repo.Layer } | { errors: Record<string, string> }> {
	const errors = validateLayerInput(input);
	if (Object.keys(errors).length) return { errors };
	return sql.begin(async (tx) => {
		if (await repo.findLayerByName(tx, actor.orgId, input.name.trim())) {
			return { errors: { name: 'Einen Layer mit diesem Namen gibt es schon.' } };
		}
		const layer = await repo.insertLayer(tx, { orgId: actor.orgId, name: input.name.trim(), network: input.network as Network, requestBufferM: input.requestBufferM });
		await appendAudit(tx, { action: 'layer.created', actorUser: actor.userId, actorOrg: actor.orgId, subject: layer.id, data: { network: layer.network } });
		return { layer };
	});
}

export interface UploadInput {
	tempPath: string;
	originalName: string;
	sha256: string;
	crsOverride: number | null;
	/** a new mapping to use and save; null = the layer's saved one */
	mapping: AttributeMapping | null;
	activate: boolean;
}

export type UploadOutcome =
	| { status: 'created'; version: repo.LayerVersion; report: IngestReport; activated: boolean }
	| { status: 'invalid'; report: IngestReport }
	| { status: 'duplicate'; version: repo.LayerVersion };

export function parseCrs(value: string | undefined): number | null | 'invalid' {
	if (!value) return null;
	const code = Number(value.replace(/^EPSG:/i, ''));
	return ACCEPTED_CRS[code] ? code : 'invalid';
}

export async function uploadVersion(actor: Actor, layer: repo.Layer, input: UploadInput): Promise<UploadOutcome> {
	const existing = await repo.findVersionBySha(sql, layer.id, input.sha256);
	if (existing) {
		rmSync(input.tempPath, { force: true });
		return { status: 'duplicate', version: existing };
	}
	const scratch = scratchDir();
	let storedPath: string | null = null;
	try {
		const mapping = input.mapping ?? layer.mapping;
		const { report, fgbPath, hull } = await ingestFile(input.tempPath, input.originalName, {
			layerNetwork: layer.network,
			mapping,
			crsOverride: input.crsOverride,
			workDir: scratch.path
		});
		if (!report.ok || !fgbPath) {
			await sql.begin((tx) =>
				appendAudit(tx, {
					action: 'layer.upload_refused',
					actorUser: actor.userId,
					actorOrg: actor.orgId,
					subject: layer.id,
					data: { sha256: input.sha256, errors: report.errorCount }
				})
			);
			return { status: 'invalid', report };
		}
		ensureLayerDir(layer.id);
		storedPath = layerFilePath(layer.id, input.sha256);
		renameSync(fgbPath, storedPath);
		const base = layer.activeVersionId ? await repo.findVersion(sql, layer.id, layer.activeVersionId) : null;
		const diff: LayerDiff | null = base ? diffLayerFiles(layerFilePath(layer.id, base.sha256), storedPath) : null;
		const version = await sql.begin(async (tx) => {
			const v = await repo.insertVersion(tx, {
				layerId: layer.id,
				sha256: input.sha256,
				fileName: input.originalName.slice(0, 255),
				sourceFormat: report.format ?? 'unbekannt',
				sourceCrs: report.sourceCrs ?? 25832,
				featureCount: report.featureCount,
				extent: report.extent!,
				hull,
				report,
				uploadedBy: actor.userId,
				diff,
				diffBaseId: base?.id ?? null
			});
			if (input.mapping) await repo.updateLayerSettings(tx, layer.id, { mapping: input.mapping });
			await appendAudit(tx, {
				action: 'layer.version_uploaded',
				actorUser: actor.userId,
				actorOrg: actor.orgId,
				subject: v.id,
				data: {
					layer: layer.id,
					versionNo: v.versionNo,
					sha256: v.sha256,
					features: v.featureCount,
					warnings: report.warningCount,
					...(diff ? { added: diff.added, removed: diff.removed, changed: diff.changed } : {})
				}
			});
			if (input.activate) await activateInTx(tx, actor, layer, v);
			return v;
		});
		storedPath = null; // committed: the file belongs to the version now
		return { status: 'created', version, report, activated: input.activate };
	} finally {
		scratch.remove();
		rmSync(input.tempPath, { force: true });
		// the transaction failed after the file was moved: no version refers to it
		if (storedPath && existsSync(storedPath)) rmSync(storedPath, { force: true });
	}
}

async function activateInTx(tx: Db, actor: Actor, layer: repo.Layer, version: repo.LayerVersion): Promise<void> {
	await repo.setActiveVersion(tx, layer.id, version.id);
	await appendAudit(tx, {
		action: 'layer.version_activated',
		actorUser: actor.userId,
		actorOrg: actor.orgId,
		subject: version.id,
		data: { layer: layer.id, versionNo: version.versionNo, previous: layer.activeVersionId }
	});
	await refreshDerivedCoverage(tx, actor.orgId);
}

/** Makes `versionId` the active one (also to roll back to an older version). */
export async function activateVersion(actor: Actor, layer: repo.Layer, versionId: string): Promise<repo.LayerVersion | null> {
	const version = await repo.findVersion(sql, layer.id, versionId);
	if (!version) return null;
	if (layer.activeVersionId === version.id) return version;
	const previous = layer.activeVersionId ? await repo.findVersion(sql, layer.id, layer.activeVersionId) : null;
	await sql.begin((tx) => activateInTx(tx, actor, layer, version));
	// the superseded version's reader (index in memory, open fd) is no longer needed
	if (previous) releaseReader(layerFilePath(layer.id, previous.sha256));
	return version;
}
