/**
 * @module auskunft/clip
 * The exact intersection at the heart of a Leitungsauskunft (issue #4), pure geometry:
 * `validateWorkArea` (drawn area, EPSG:4326 → EPSG:25832), `growArea` (by the work-class / layer
 * distance, metres), `clipFeatures` / `clipLayer` (which network features meet the grown area, and
 * how much of them). Everything after validation is EPSG:25832, metres, GeoJSON-like plain objects.
 */
export { validateWorkArea, MAX_WORK_AREA_VERTICES, type WorkAreaErrorCode, type WorkAreaValidation } from './clip/validate';
export { growArea, QUADRANT_SEGMENTS } from './clip/grow';
export { clipFeatures } from './clip/clip-features';
export { clipLayer } from './clip/layer';
export type { ClipMethod, ClipOptions, ClippedFeature, GrownArea, Polygonal } from './clip/types';
