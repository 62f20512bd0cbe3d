/**
 * @module map/context
 * The one way a layer component gets its map: from MapView's context, never from a global
 * (STYLE.md, geoadmin/web-mapviewer). MapView renders its children only once the map exists, so a
 * child may call getMap() during its own initialisation.
 */
import { getContext, setContext } from 'svelte';
import type OlMap from 'ol/Map.js';

const KEY = Symbol('tiefblick-map');

interface MapContext {
	readonly map: OlMap | null;
}

export function setMapContext(ctx: MapContext): void {
	setContext(KEY, ctx);
}

/** The map of the enclosing MapView. Throws outside one (a programming error). */
export function getMap(): OlMap {
	const ctx = getContext<MapContext | undefined>(KEY);
	if (!ctx?.map) throw new Error('getMap() braucht eine umgebende <MapView>, deren Karte bereits existiert.');
	return ctx.map;
}
