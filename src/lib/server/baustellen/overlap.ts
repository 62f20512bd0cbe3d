/**
 * @module baustellen/overlap
 * Exact "do these areas meet" for routing and Beteiligung (EPSG:25832). jsts RelateOp, not the
 * prepared-geometry shortcut (crashes in jsts 2.12.1).
 */
import RelateOp from 'jsts/org/locationtech/jts/operation/relate/RelateOp.js';
import { toJsts } from '../auskunft/clip/jsts';

export function intersectsPolygonal(a: { type: string; coordinates: unknown }, b: { type: string; coordinates: unknown }): boolean {
	return RelateOp.relate(toJsts(a as never) as never, toJsts(b as never) as never).isIntersects();
}
