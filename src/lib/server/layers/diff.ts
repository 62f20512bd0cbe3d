/**
 * @module layers/diff
 * Features added, removed and changed between two layer versions, matched by `source_id`. A feature
 * counts as changed when its geometry or any normalised attribute differs. Computed once per upload
 * (against the version active then) and stored with the new version.
 */
import { createHash } from 'node:crypto';
import { openLayerFile, type LayerFeature } from './reader';

export interface LayerDiff {
	added: number;
	removed: number;
	changed: number;
	unchanged: number;
	/** the first 20 source_ids of each kind in natural order, for the report */
	examples: { added: string[]; removed: string[]; changed: string[] };
}

const EXAMPLES = 20;

function fingerprints(path: string): Map<string, string> {
	const reader = openLayerFile(path);
	try {
		const out = new Map<string, string>();
		if (!reader.extent) return out;
		for (const f of reader.search(reader.extent) as LayerFeature[]) {
			const id = String(f.properties.source_id ?? `#${f.id}`);
			const hash = createHash('sha1').update(JSON.stringify([f.geometry, f.properties])).digest('base64');
			out.set(id, hash);
		}
		return out;
	} finally {
		reader.close();
	}
}

export function diffLayerFiles(basePath: string, newPath: string): LayerDiff {
	const before = fingerprints(basePath);
	const after = fingerprints(newPath);
	const diff: LayerDiff = { added: 0, removed: 0, changed: 0, unchanged: 0, examples: { added: [], removed: [], changed: [] } };
	const note = (kind: 'added' | 'removed' | 'changed', id: string) => {
		diff[kind]++;
		diff.examples[kind].push(id);
	};
	for (const [id, hash] of after) {
		const old = before.get(id);
		if (old === undefined) note('added', id);
		else if (old !== hash) note('changed', id);
		else diff.unchanged++;
	}
	for (const id of before.keys()) if (!after.has(id)) note('removed', id);
	// file order is Hilbert order: sort, so the report reads the same every time
	for (const kind of ['added', 'removed', 'changed'] as const) {
		diff.examples[kind] = diff.examples[kind].sort((a, b) => a.localeCompare(b, 'de', { numeric: true })).slice(0, EXAMPLES);
	}
	return diff;
}
