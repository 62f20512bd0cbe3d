import { describe, expect, it } from 'vitest';
import { MAP_FONT, MAP_FONTS_CSS, basemapStyle } from './basemap-style';

const style = basemapStyle({ streetsUrl: '/karte/strassen.geojson', center: [11.97, 51.48], zoom: 16 });

describe('basemapStyle', () => {
	it('names only same-origin paths: the offline map asks no other host', () => {
		const urls = JSON.stringify(style).match(/"(https?:)?\/\/[^"]*"/g) ?? [];
		// the attribution link is text for people, not something the map loads
		expect(urls.filter((u) => !u.includes('openstreetmap.org/copyright'))).toEqual([]);
		expect(style.metadata['ol:webfonts']).toBe(MAP_FONTS_CSS);
		expect(style.sources.strassen.data).toBe('/karte/strassen.geojson');
	});

	it('draws every layer from the street source and labels with the local font', () => {
		for (const layer of style.layers.slice(1)) expect(layer).toMatchObject({ source: 'strassen' });
		const labels = style.layers.filter((l) => l.type === 'symbol');
		expect(labels.length).toBeGreaterThan(0);
		for (const l of labels) expect(l).toMatchObject({ layout: { 'text-font': [MAP_FONT], 'text-field': ['get', 'name'] } });
	});

	it('draws main roads wider than streets', () => {
		const widthAt18 = (id: string) => {
			const w = style.layers.find((l) => l.id === id) as { paint: { 'line-width': unknown[] } };
			return w.paint['line-width'][6] as number;
		};
		expect(widthAt18('hauptstrasse')).toBeGreaterThan(widthAt18('strasse'));
		expect(widthAt18('strasse')).toBeGreaterThan(widthAt18('weg'));
	});
});
