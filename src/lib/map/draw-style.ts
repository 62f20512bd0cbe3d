/**
 * @module map/draw-style
 * How the work area looks on the map: brand blue when valid, red and dashed when not; vertices as
 * handles while editing; the corridor axis dashed; the spot of a self-intersection as a red ring.
 */
import type { FeatureLike } from 'ol/Feature.js';
import MultiPoint from 'ol/geom/MultiPoint.js';
import type Polygon from 'ol/geom/Polygon.js';
import type MultiPolygon from 'ol/geom/MultiPolygon.js';
import type LineString from 'ol/geom/LineString.js';
import { Circle as CircleStyle, Fill, Stroke, Style } from 'ol/style.js';

const BRAND = '#1d3b53';
const ERR = '#a4161a';

/** feature property `role` of everything DrawArea puts on its layer */
export type Role = 'area' | 'axis' | 'problem';

export interface DrawLook {
	valid: boolean;
	/** show the vertices as handles (modify mode) */
	handles: boolean;
}

const handle = (color: string) =>
	new CircleStyle({ radius: 4.5, fill: new Fill({ color: '#fff' }), stroke: new Stroke({ color, width: 2 }) });

function vertices(feature: FeatureLike): MultiPoint | undefined {
	const g = feature.getGeometry();
	if (!g) return undefined;
	const type = g.getType();
	if (type === 'Polygon') return new MultiPoint((g as Polygon).getCoordinates().flat());
	if (type === 'MultiPolygon') return new MultiPoint((g as MultiPolygon).getCoordinates().flat(2));
	if (type === 'LineString') return new MultiPoint((g as LineString).getCoordinates());
	return undefined;
}

/** Style function of the area layer; `look` is read on every render (call layer.changed() after a change). */
export function areaStyle(look: () => DrawLook) {
	return (feature: FeatureLike): Style[] => {
		const { valid, handles } = look();
		const color = valid ? BRAND : ERR;
		const role = feature.get('role') as Role;
		if (role === 'problem') {
			return [new Style({ image: new CircleStyle({ radius: 9, stroke: new Stroke({ color: ERR, width: 3 }), fill: new Fill({ color: 'rgba(164,22,26,0.15)' }) }) })];
		}
		if (role === 'axis') {
			const styles = [new Style({ stroke: new Stroke({ color, width: 1.5, lineDash: [6, 4] }) })];
			if (handles) styles.push(new Style({ image: handle(color), geometry: vertices }));
			return styles;
		}
		const styles = [
			new Style({ stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 5 }) }),
			new Style({
				fill: new Fill({ color: valid ? 'rgba(29,59,83,0.14)' : 'rgba(164,22,26,0.14)' }),
				stroke: new Stroke({ color, width: 2.5, lineDash: valid ? undefined : [8, 5] })
			})
		];
		// the corridor's polygon is derived from its axis: only the axis has handles
		if (handles && !feature.get('derived')) styles.push(new Style({ image: handle(color), geometry: vertices }));
		return styles;
	};
}

/** Style of the sketch while drawing (the Draw interaction's overlay). */
export function sketchStyle(look: () => DrawLook) {
	return (feature: FeatureLike): Style[] => {
		const color = look().valid ? BRAND : ERR;
		const type = feature.getGeometry()?.getType();
		if (type === 'Point') return [new Style({ image: handle(color) })];
		return [
			new Style({
				fill: new Fill({ color: 'rgba(29,59,83,0.08)' }),
				stroke: new Stroke({ color, width: 2, lineDash: [6, 4] })
			})
		];
	};
}
