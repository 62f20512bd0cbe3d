/**
 * @module layers/present
 * The API's JSON view of layers and versions (camelCase, no file paths, no geometry).
 */
import type { Layer, LayerListItem, LayerVersion } from './repo';

export function layerJson(l: Layer | LayerListItem) {
	return {
		id: l.id,
		name: l.name,
		network: l.network,
		requestBufferM: l.requestBufferM,
		activeVersionId: l.activeVersionId,
		mapping: l.mapping,
		createdAt: l.createdAt,
		...('versionCount' in l ? { versionCount: l.versionCount, activeVersion: l.activeVersion } : {})
	};
}

export function versionJson(v: LayerVersion, activeVersionId: string | null) {
	return {
		id: v.id,
		versionNo: v.versionNo,
		active: v.id === activeVersionId,
		sha256: v.sha256,
		fileName: v.fileName,
		sourceFormat: v.sourceFormat,
		sourceCrs: `EPSG:${v.sourceCrs}`,
		featureCount: v.featureCount,
		extent: v.extent,
		warningCount: v.report.warningCount,
		uploadedAt: v.createdAt,
		diff: v.diff ? { againstVersionId: v.diffBaseId, added: v.diff.added, removed: v.diff.removed, changed: v.diff.changed, unchanged: v.diff.unchanged, examples: v.diff.examples } : null
	};
}
