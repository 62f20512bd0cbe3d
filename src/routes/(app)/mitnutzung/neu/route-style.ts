/**
 * @module mitnutzung/neu/route-style
 * How the planned route looks while it is drawn: brand blue with a white halo when the service would
 * take it, red and dashed when not; vertices as handles while editing; the corridor as a pale band.
 */
import type { FeatureLike } from 'ol/Feature.js';
import MultiPoint from 'ol/geom/MultiPoint.js';
import type LineString from 'ol/geom/LineString.js';
import type MultiLineString from 'ol/geom/MultiLineString.js';
import { Circle as CircleStyle, Fill, Stroke, Style } from 'ol/style.js';

const BRAND = '#1d3b53';
const ERR = '#a4161a';

export interface RouteLook {
	valid: boolean;
	/** show the vertices as handles (modify mode) */
	handles: boolean;
}

const handle = (color: string) => new CircleStyle({ radius: 4.5, fill: new Fill({ color: '#fff' }), stroke: new Stroke({ color, width: 2 }) });

function vertices(feature: FeatureLike): MultiPoint | undefined {
	const g = feature.getGeometry();
	if (g?.getType() === 'LineString') return new MultiPoint((g as LineString).getCoordinates());
	if (g?.getType() === 'MultiLineString') return new MultiPoint((g as MultiLineString).getCoordinates().flat());
	return undefined;
}

const corridor = [new Style({ fill: new Fill({ color: 'rgba(29,59,83,0.10)' }), stroke: new Stroke({ color: 'rgba(29,59,83,0.35)', width: 1 }) })];

/** Style function of the route layer (feature `role`: 'route' | 'corridor'); `look` is read on every render. */
export function routeStyle(look: () => RouteLook) {
	return (feature: FeatureLike): Style[] => {
		if (feature.get('role') === 'corridor') return corridor;
		const { valid, handles } = look();
		const color = valid ? BRAND : ERR;
		const styles = [
			new Style({ stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 7, lineCap: 'round', lineJoin: 'round' }) }),
			new Style({ stroke: new Stroke({ color, width: 3.5, lineCap: 'round', lineJoin: 'round', lineDash: valid ? undefined : [8, 5] }) })
		];
		if (handles) styles.push(new Style({ image: handle(color), geometry: vertices }));
		return styles;
	};
}
