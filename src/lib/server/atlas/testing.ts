/**
 * @module atlas/testing
 * A public row and its projection for the unit specs of this folder (not used by the app).
 */
import { toPublic, type PublicBaustelle, type PublicRow } from './query';

/** A public row as `queryPublic` selects it: Leipziger Straße, Halle (Saale), EPSG:4326. */
export function sampleRow(overrides: Partial<PublicRow> = {}): PublicRow {
	return {
		id: '0b7a3c1e-2f44-4d6e-9a51-3c2d1e0f9a88',
		number: 'BS-2026-000042',
		title: 'Erneuerung Trinkwasserleitung Leipziger Straße',
		work_kind: 'leitungsbau',
		traffic: 'halbseitig',
		streets: ['Leipziger Straße', 'Hansering'],
		status: 'genehmigt',
		planned_start: '2026-05-04',
		planned_end: '2026-05-15',
		dates_confirmed: true,
		actual_start: null,
		actual_end: null,
		promoter: 'Stadtwerke Saalestadt (Demo)',
		networks: ['wasser'],
		footprint_4326: {
			type: 'Polygon',
			coordinates: [
				[
					[11.9700, 51.4820],
					[11.9720, 51.4820],
					[11.9720, 51.4824],
					[11.9700, 51.4824],
					[11.9700, 51.4820]
				]
			]
		},
		axis_4326: {
			type: 'LineString',
			coordinates: [
				[11.9700, 51.4822],
				[11.9720, 51.4822]
			]
		},
		revision: 3,
		updated_at: new Date('2026-04-20T08:15:00Z'),
		...overrides
	};
}

export function sample(overrides: Partial<PublicRow> = {}): PublicBaustelle {
	return toPublic(sampleRow(overrides));
}
