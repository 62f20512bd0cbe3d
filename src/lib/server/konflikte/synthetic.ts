/**
 * @module konflikte/synthetic
 * Plausible, seeded Baustellen for the benchmark and the index spec: a few hundred straight streets
 * over ~20 km × 20 km around Halle (Saale) in EPSG:25832, and on them corridors (5–300 m, some with a
 * bend or pointed ends), small pits and drilling start/target pit pairs (MultiPolygon), windows spread
 * over three years (1–120 days), ~70 % excavating, some street names spelled with "Str.". Same seed,
 * same output (prng.ts, never Math.random).
 */
import type { BaustelleStatus, Duct, Exemption, Polygonal } from '$lib/baustellen';
import { createRng, type Rng } from '../demo/networks/prng';
import { addDays } from './dates';
import type { Bbox, Candidate } from './types';

export const HALLE_EXTENT: Bbox = [690_000, 5_700_000, 710_000, 5_720_000];

export interface SyntheticStreet {
	name: string;
	x: number;
	y: number;
	/** unit direction */
	dx: number;
	dy: number;
	length: number;
}

export interface SyntheticOptions {
	/** record stream: change it for another set of Baustellen on the same streets */
	seed?: number;
	/** street layout stream, shared by registered Baustellen and new subjects */
	streetSeed?: number;
	streets?: number;
	extent?: Bbox;
	/** first possible start date and the span starts are spread over */
	firstDay?: string;
	spanDays?: number;
	/** prefix of the numbers (BS-<prefix>-00001), so two sets never share a number */
	numberPrefix?: string;
}

const STEMS = [
	'Große Ulrich', 'Kleine Ulrich', 'Große Märker', 'Kleine Klaus', 'Händel', 'Francke', 'Moritzburg', 'Schmeer', 'Rannische',
	'Geist', 'Lerchenfeld', 'Reil', 'Burg', 'Kröllwitzer', 'Heide', 'Dölauer', 'Nietlebener', 'Zscherbener', 'Wörmlitzer',
	'Ammendorfer', 'Merseburger', 'Leipziger', 'Delitzscher', 'Magdeburger', 'Berliner', 'Trothaer', 'Dessauer', 'Paracelsus',
	'Thomasius', 'Humboldt', 'Lessing', 'Schiller', 'Goethe', 'Herder', 'Kant', 'Luther', 'Melanchthon', 'Bernburger', 'Mansfelder',
	'Torgauer', 'Eislebener', 'Glauchaer', 'Saale', 'Elster', 'Hafen', 'Mühl', 'Linden', 'Eichen', 'Birken', 'Ahorn', 'Kastanien',
	'Rosen', 'Tulpen', 'Flieder', 'Amsel', 'Finken', 'Lerchen', 'Schwalben', 'Sonnen', 'Mond', 'Stern', 'Rathaus', 'Kirch',
	'Schul', 'Bahnhof', 'Post', 'Markt', 'Garten', 'Wiesen', 'Feld', 'Wald', 'Berg', 'Tal', 'Brunnen', 'Quell', 'Turm', 'Tor',
	'Wall', 'Graben', 'Ludwig-Wucherer-', 'Rudolf-Breitscheid-', 'August-Bebel-', 'Bernhard-Göring-', 'Carl-von-Ossietzky-',
	'Willy-Brandt-', 'Wilhelm-Külz-', 'Ernst-Kamieth-', 'Volkmann', 'Advokaten', 'Kleinschmieden', 'Waisenhaus', 'Olearius'
];
const SUFFIXES = [
	['straße', 'Straße', 6],
	['weg', 'Weg', 2],
	['allee', 'Allee', 1],
	['ring', 'Ring', 1],
	['gasse', 'Gasse', 1],
	['platz', 'Platz', 1]
] as const;

const PROMOTERS = [
	'Stadtwerke Saalestadt', 'Glasfaser Fiktiv GmbH', 'Abwasserverband Saaleaue', 'Fernmelde Beispiel AG', 'Energieversorgung Mitteldeutschland Netz',
	'Stadt Halle (Saale), Tiefbauamt', 'Tiefbau Musterbau GmbH', 'Fernwärme Halle Beispiel', 'Wasserversorgung Saale-Unstrut', 'Breitband Saalekreis',
	'Gasnetz Halle Beispiel', 'Netzbau Ost GmbH', 'Verkehrsbetriebe Halle (Beispiel)', 'Kabelbau Nord KG', 'Straßenbau Mitte GmbH'
];
const TITLES: readonly (readonly [string, boolean, readonly string[]])[] = [
	['Leitungsbau Trinkwasser', true, ['wasser']],
	['Erneuerung Schmutzwasserkanal', true, ['abwasser']],
	['Glasfaserausbau (FTTH)', true, ['breitband', 'telekommunikation']],
	['Hausanschluss Gas', true, ['gas']],
	['Umverlegung Mittelspannungskabel', true, ['strom']],
	['Fernwärmetrasse, Abschnitt', true, ['fernwaerme']],
	['Spülbohrung Leerrohrtrasse', true, ['breitband']],
	['Deckenerneuerung Fahrbahn', false, []],
	['Kranstellung Dachsanierung', false, []],
	['Markierungsarbeiten', false, []],
	['Gehwegsanierung', false, []],
	['Austausch Straßenbeleuchtung', true, ['beleuchtung']]
];
const STATUSES: readonly (readonly [BaustelleStatus, number])[] = [
	['geplant', 30],
	['beantragt', 20],
	['genehmigt', 20],
	['in_ausfuehrung', 10],
	['abgeschlossen', 10],
	['abgenommen', 8],
	['storniert', 2]
];
const EXEMPTION_WEIGHTS: readonly (readonly [Exemption, number])[] = [
	['keine', 90],
	['hausanschluss', 5],
	['dringende_reparatur', 3],
	['stoerungsbeseitigung', 2]
];

function streetName(rng: Rng, used: Set<string>): string {
	for (;;) {
		const stem = rng.pick(STEMS);
		const [lower, upper] = rng.weighted(SUFFIXES.map((s) => [[s[0], s[1]] as const, s[2]] as const));
		// "Rudolf-Breitscheid-Straße", "Leipziger Straße", "Rannische Straße", "Händelstraße"
		const name = stem.endsWith('-') ? `${stem}${upper}` : /(er|sche)$/.test(stem) ? `${stem} ${upper}` : `${stem}${lower}`;
		if (!used.has(name)) {
			used.add(name);
			return name;
		}
	}
}

/** The street layout: straight axes 400–3,000 m anywhere in the extent. */
export function syntheticStreets(count: number, seed: number, extent: Bbox = HALLE_EXTENT): SyntheticStreet[] {
	const rng = createRng(seed);
	const used = new Set<string>();
	return Array.from({ length: count }, () => {
		const angle = rng.range(0, Math.PI);
		return {
			name: streetName(rng, used),
			x: rng.range(extent[0], extent[2]),
			y: rng.range(extent[1], extent[3]),
			dx: Math.cos(angle),
			dy: Math.sin(angle),
			length: rng.range(400, 3_000)
		};
	});
}

/** How a form or an import may spell the street (exercises the name normalisation). */
function spelling(rng: Rng, name: string): string {
	if (rng.chance(0.1) && name.endsWith('straße')) return name.replace(/straße$/, 'str.');
	if (rng.chance(0.05)) return name.replace(/ß/g, 'ss');
	return name;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** A closed ring from points (rounded to centimetres like a drawn footprint). */
function ring(points: [number, number][]): number[][] {
	const out = points.map(([x, y]) => [r2(x), r2(y)]);
	out.push([...out[0]!]);
	return out;
}

/** A straight or bent corridor of width w along an axis from (x, y), direction angle a, length L. */
function corridor(rng: Rng, x: number, y: number, a: number, length: number, w: number): number[][] {
	const h = w / 2;
	const bend = length > 40 && rng.chance(0.25) ? rng.range(-0.4, 0.4) : 0;
	const cap = rng.chance(0.3) ? rng.range(0.2, 1) * h : 0;
	const ux = Math.cos(a);
	const uy = Math.sin(a);
	if (bend === 0) {
		const [nx, ny] = [-uy, ux];
		const ex = x + ux * length;
		const ey = y + uy * length;
		const pts: [number, number][] = [
			[x + nx * h, y + ny * h],
			[ex + nx * h, ey + ny * h]
		];
		if (cap > 0) pts.push([ex + ux * cap, ey + uy * cap]);
		pts.push([ex - nx * h, ey - ny * h], [x - nx * h, y - ny * h]);
		if (cap > 0) pts.push([x - ux * cap, y - uy * cap]);
		return ring(pts);
	}
	// two legs meeting at a mitred joint; |bend| ≤ 0.4 rad keeps the outline simple
	const l1 = length * rng.range(0.3, 0.7);
	const l2 = length - l1;
	const b = a + bend;
	const mx = x + ux * l1;
	const my = y + uy * l1;
	const vx = Math.cos(b);
	const vy = Math.sin(b);
	const ex = mx + vx * l2;
	const ey = my + vy * l2;
	const n1: [number, number] = [-uy, ux];
	const n2: [number, number] = [-vy, vx];
	// the mitre direction is the normalised sum of both normals, scaled so the offset stays h
	const sx = n1[0] + n2[0];
	const sy = n1[1] + n2[1];
	const scale = h / ((sx * n1[0] + sy * n1[1]) || 1);
	const [jx, jy] = [sx * scale, sy * scale];
	return ring([
		[x + n1[0] * h, y + n1[1] * h],
		[mx + jx, my + jy],
		[ex + n2[0] * h, ey + n2[1] * h],
		[ex - n2[0] * h, ey - n2[1] * h],
		[mx - jx, my - jy],
		[x - n1[0] * h, y - n1[1] * h]
	]);
}

function pit(x: number, y: number, a: number, w: number, l: number): number[][] {
	const ux = Math.cos(a);
	const uy = Math.sin(a);
	const [nx, ny] = [-uy, ux];
	const hw = w / 2;
	const hl = l / 2;
	return ring([
		[x - ux * hl - nx * hw, y - uy * hl - ny * hw],
		[x + ux * hl - nx * hw, y + uy * hl - ny * hw],
		[x + ux * hl + nx * hw, y + uy * hl + ny * hw],
		[x - ux * hl + nx * hw, y - uy * hl + ny * hw]
	]);
}

function bboxOfRings(rings: number[][][]): Bbox {
	const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
	for (const r of rings)
		for (const [x, y] of r) {
			b[0] = Math.min(b[0], x!);
			b[1] = Math.min(b[1], y!);
			b[2] = Math.max(b[2], x!);
			b[3] = Math.max(b[3], y!);
		}
	return b;
}

/** A v4-shaped UUID from the stream (the database takes it as the primary key). */
function uuid(rng: Rng): string {
	const hex = Array.from({ length: 4 }, () => Math.floor(rng.next() * 2 ** 32).toString(16).padStart(8, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `count` Baustellen on the streets of `streetSeed`. */
export function syntheticBaustellen(count: number, options: SyntheticOptions = {}): Candidate[] {
	const { seed = 1, streetSeed = 7, streets: streetCount = 400, extent = HALLE_EXTENT, firstDay = '2025-01-01', spanDays = 3 * 365, numberPrefix = '2025' } = options;
	const streets = syntheticStreets(streetCount, streetSeed, extent);
	const rng = createRng(seed);
	const out: Candidate[] = [];
	for (let i = 0; i < count; i++) {
		const street = rng.pick(streets);
		const t = rng.range(0, street.length);
		const side = rng.range(-8, 8);
		const x = street.x + street.dx * t - street.dy * side;
		const y = street.y + street.dy * t + street.dx * side;
		const a = Math.atan2(street.dy, street.dx) + rng.range(-0.05, 0.05);
		const [title, digs, networks] = rng.pick(TITLES);
		const excavation = digs ? rng.chance(0.9) : rng.chance(0.15);
		const shape = rng.weighted([
			['corridor', 70],
			['pit', 20],
			['drilling', 10]
		] as const);
		let footprint: Polygonal;
		if (shape === 'corridor') footprint = { type: 'Polygon', coordinates: [corridor(rng, x, y, a, rng.range(5, 300), rng.range(1.5, 6))] };
		else if (shape === 'pit') footprint = { type: 'Polygon', coordinates: [pit(x, y, a + rng.range(-0.3, 0.3), rng.range(2, 8), rng.range(5, 20))] };
		else {
			const reach = rng.range(30, 150);
			footprint = {
				type: 'MultiPolygon',
				coordinates: [[pit(x, y, a, 2, 3)], [pit(x + Math.cos(a) * reach, y + Math.sin(a) * reach, a, 2, 3)]]
			};
		}
		const rings = footprint.type === 'Polygon' ? footprint.coordinates : footprint.coordinates.flat();
		const start = addDays(firstDay, rng.int(0, spanDays - 1));
		const days = rng.weighted([
			[rng.int(1, 5), 30],
			[rng.int(5, 30), 40],
			[rng.int(30, 120), 30]
		] as const);
		const streetsNamed = [spelling(rng, street.name)];
		if (rng.chance(0.1)) streetsNamed.push(rng.pick(streets).name);
		const ducts: Duct[] = excavation && rng.chance(0.3) ? [{ kind: rng.pick(['Leerrohr', 'Schutzrohr', 'Mikrorohrverband']), count: rng.int(1, 4), diameterMm: rng.pick([40, 50, 110]), note: '' }] : [];
		out.push({
			id: uuid(rng),
			number: `BS-${numberPrefix}-${String(i + 1).padStart(5, '0')}`,
			title: `${title} ${street.name}`,
			promoter: rng.chance(0.05) ? 'privat' : rng.pick(PROMOTERS),
			footprint,
			bbox: bboxOfRings(rings),
			start,
			end: addDays(start, days - 1),
			excavation,
			publiclyFunded: rng.chance(0.2),
			exemption: rng.weighted(EXEMPTION_WEIGHTS),
			streets: streetsNamed,
			status: rng.weighted(STATUSES),
			networks: [...networks],
			ducts
		});
	}
	return out;
}
