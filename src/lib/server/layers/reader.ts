/**
 * @module layers/reader
 * The read side of network layer versions: immutable FlatGeobuf files with a packed Hilbert R-tree,
 * DATA_DIR/layers/<layerId>/<sha256>.fgb, EPSG:25832. The index is held in memory; a bbox search reads
 * only the features it returns, by offset, with `readSync` (measured on 1 M lines: see
 * tests/bench/layer-reader.ts).
 *
 * Use `getReader(path)` in the request path (one shared reader per file) and `releaseReader(path)` when
 * a version is superseded; `openLayerFile` for a private reader you close yourself.
 */
export { getReader, openReaderPaths, releaseAllReaders, releaseReader } from './reader/cache';
export { openLayerFile, type LayerReader } from './reader/layer-reader';
export type { Bbox, Geometry, LayerColumn, LayerFeature, Position, PropertyValue } from './reader/types';
