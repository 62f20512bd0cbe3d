/**
 * @module auskunft/clip/layer
 * One layer version against one grown work area: the reader's packed R-tree bbox search, then the
 * exact clip. EPSG:25832 metres throughout.
 */
import { getReader } from '$lib/server/layers/reader';
import { clipFeatures } from './clip-features';
import type { ClipOptions, ClippedFeature, GrownArea } from './types';

/** The features of the layer file at `readerPath` (shared reader) that intersect `grown`, clipped. */
export function clipLayer(readerPath: string, grown: GrownArea, options: ClipOptions = {}): ClippedFeature[] {
	return clipFeatures(grown, getReader(readerPath).search(grown.bbox), options);
}
