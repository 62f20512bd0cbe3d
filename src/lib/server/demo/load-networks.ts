/**
 * @module demo/load-networks
 * Loads the committed demo networks (layers/demo/manifest.json) on the first demo start, through the
 * same ingest as every upload: operator settings, coverage areas, layers, active versions. An operator
 * that already has layers is left alone, so restarts change nothing.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Network } from '$lib/layers/catalogue';
import { lonLatToUtm, mapPositions } from '$lib/geo/crs';
import { sql } from '../db';
import { findOrgByName, findCredentialsByEmail } from '../accounts/repo';
import { listLayers } from '../layers/repo';
import { createLayer, uploadVersion } from '../layers/service';
import { setCoverage } from '../layers/coverage';
import { scratchDir } from '../layers/storage';
import { saveSettings } from '../operators/settings';
import { DEMO_ACCOUNTS } from './accounts';

export const DEMO_DIR = resolve('layers/demo');

interface ManifestContact {
	phone?: string | null;
	email?: string | null;
	name?: string | null;
}

interface ManifestOperator {
	name: string;
	contacts: { planauskunft: ManifestContact; einweisung: ManifestContact; stoerung24h: ManifestContact };
	validityDays: number;
	answerMode: 'automatic' | 'manual';
	dataComplete: boolean;
	einweisungErforderlich: boolean;
	zustimmungErforderlich: boolean;
	planungPdfOnly?: boolean;
	schutzanweisung: string;
	coverage?: { file: string };
	layers: { network: Network; file: string; name: string; requestBufferM: number | null }[];
}

const contact = (c: ManifestContact | undefined, fallbackName: string) => ({
	name: c?.name ?? fallbackName,
	phone: c?.phone ?? '',
	email: c?.email ?? ''
});

export async function loadDemoNetworks(log = true): Promise<number> {
	const manifest = JSON.parse(readFileSync(join(DEMO_DIR, 'manifest.json'), 'utf8')) as { operators: ManifestOperator[] };
	let loaded = 0;
	const started = Date.now();
	for (const op of manifest.operators) {
		const org = await findOrgByName(sql, op.name);
		const account = DEMO_ACCOUNTS.find((a) => a.org === op.name);
		const person = account ? await findCredentialsByEmail(sql, account.email) : null;
		if (!org || !person) continue;
		if ((await listLayers(sql, org.id)).length > 0) continue;
		const actor = { userId: person.user.id, orgId: org.id };

		await sql.begin(async (tx) => {
			await saveSettings(tx, org.id, {
				contacts: {
					planauskunft: contact(op.contacts.planauskunft, 'Planauskunft'),
					einweisung: contact(op.contacts.einweisung, 'Einweisung vor Ort'),
					stoerung: contact(op.contacts.stoerung24h, 'Störungsannahme (24 h)')
				},
				schutzanweisungText: op.schutzanweisung,
				validityDays: op.validityDays,
				answerMode: op.answerMode,
				dataComplete: op.dataComplete,
				einweisungErforderlich: op.einweisungErforderlich,
				zustimmungErforderlich: op.zustimmungErforderlich,
				planungPdfOnly: op.planungPdfOnly ?? false
			});
			if (op.coverage) {
				const fc = JSON.parse(readFileSync(join(DEMO_DIR, op.coverage.file), 'utf8')) as { features: { geometry: { type: string; coordinates: unknown } }[] };
				const g = fc.features[0]!.geometry;
				await setCoverage(tx, org.id, { type: g.type, coordinates: mapPositions(g.coordinates, lonLatToUtm) }, 'upload');
			}
		});

		for (const l of op.layers) {
			const created = await createLayer(actor, { name: l.name, network: l.network, requestBufferM: l.requestBufferM });
			if ('errors' in created) throw new Error(`Demo-Layer ${l.name}: ${JSON.stringify(created.errors)}`);
			const source = join(DEMO_DIR, l.file);
			const scratch = scratchDir();
			const temp = join(scratch.path, 'upload');
			copyFileSync(source, temp); // uploadVersion consumes its input file
			const bytes = readFileSync(source);
			try {
				const outcome = await uploadVersion(actor, created.layer, {
					tempPath: temp,
					originalName: l.file.split('/').pop()!,
					sha256: createHash('sha256').update(bytes).digest('hex'),
					crsOverride: null,
					mapping: null,
					activate: true
				});
				if (outcome.status !== 'created') throw new Error(`Demo-Layer ${l.name}: ${JSON.stringify(outcome)}`);
			} finally {
				scratch.remove();
			}
			loaded++;
		}
	}
	if (log && loaded) console.log(`Demo-Netze geladen: ${loaded} Layer in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return loaded;
}
