/**
 * @module layers/ingest/gdal-values
 * The upload used to pass through GDAL's GeoJSON writer (`COORDINATE_PRECISION=3`) and `JSON.parse`; now
 * it passes through GDAL's FlatGeobuf writer, which keeps every value at full binary precision. For the
 * stored layer and every finding to stay exactly what they were, the values read back from FlatGeobuf
 * are turned into what the GeoJSON route produced: coordinates rounded like printf "%.3f", doubles and
 * floats formatted the way the GeoJSON writer does, dates, times, binaries and lists spelled as it spells
 * them. The spec checks all of it against gdal3.js's real GeoJSON output.
 */

/**
 * `x` rounded to millimetres like C's "%.3f" and parsed back: the exact binary value rounded to the
 * nearest thousandth, exact halves to even (706000.0625 → 706000.062).
 */
export function roundMm(x: number): number {
	const p = x * 1000;
	const n = Math.round(p);
	// x*1000 is off by at most half an ulp: only a product within that of a half can round wrongly
	const frac = Math.abs(p - Math.trunc(p));
	if (Math.abs(frac - 0.5) > Math.abs(p) * 4e-16 + 1e-12) return n / 1000;
	// an exact half at the third decimal needs x = odd/16 (1000 = 8·125): round to even
	const sixteenths = x * 16;
	if (Number.isInteger(sixteenths) && sixteenths % 2 !== 0) return (2 * Math.round(p / 2)) / 1000;
	return Number(x.toFixed(3));
}

/** Significant digits and decimal exponent of |x| rounded to `p` digits, exact halves to even as printf does. */
function digits(x: number, p: number): { d: string; exp: number } {
	const a = Math.abs(x);
	const [m, e] = a.toExponential(p - 1).split('e') as [string, string];
	let d = m.replace('.', '');
	let exp = Number(e);
	// JavaScript rounds an exact half up, C to even. A half has exactly p+1 digits, the last a 5.
	const longer = a.toExponential(p);
	if (longer[longer.indexOf('e') - 1] === '5') {
		const [em, ee] = a.toExponential(100).split('e') as [string, string];
		const exact = em.replace('.', '');
		if (/^0*$/.test(exact.slice(p + 1)) && Number(exact[p - 1]) % 2 === 0) {
			d = exact.slice(0, p);
			exp = Number(ee);
		}
	}
	return { d, exp };
}

/** C's printf "%.{p}g" of a finite, non-zero x (trailing zeros dropped, as %g does). */
export function printfG(x: number, p: number): string {
	const sign = x < 0 ? '-' : '';
	const { d, exp } = digits(x, p);
	const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
	if (exp < -4 || exp >= p) {
		const mantissa = trim(d.length > 1 ? `${d[0]}.${d.slice(1)}` : d);
		return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
	}
	const fixed = exp >= 0 ? `${d.slice(0, exp + 1)}.${d.slice(exp + 1)}` : `0.${'0'.repeat(-exp - 1)}${d}`;
	return sign + trim(fixed);
}

/** A run of `run` in the fraction: GDAL takes it for a rounding artefact and retries with fewer digits. */
function hasRun(s: string, run: string): boolean {
	const dot = s.indexOf('.');
	return dot >= 0 && s.indexOf(run, dot) >= 0;
}

/** Significant digits of the shortest representation JavaScript prints. */
function shortestDigits(x: number): number {
	const s = String(Math.abs(x));
	const e = s.indexOf('e');
	return (e < 0 ? s : s.slice(0, e)).replace('.', '').replace(/^0+/, '').length;
}

/**
 * A double as GDAL's GeoJSON writer prints it ("%.17g", down to 14 digits when the fraction shows
 * 999999 or 000000) and `JSON.parse` reads it back: 0.1 + 0.2 becomes 0.3.
 */
export function gdalDouble(x: number): number {
	if (!Number.isFinite(x) || x === 0) return x;
	// a column's values repeat (a depth of 0.7 m a million times): remember the last one
	if (x === lastDouble[0]) return lastDouble[1];
	const out = formatDouble(x);
	lastDouble[0] = x;
	lastDouble[1] = out;
	return out;
}

const lastDouble: [number, number] = [NaN, NaN];

function formatDouble(x: number): number {
	// at most 14 significant digits: every candidate string reads back as x itself
	if (shortestDigits(x) <= 14) return x;
	let s = printfG(x, 17);
	if (hasRun(s, '999999') || hasRun(s, '000000')) {
		for (let p = 16; p >= 14; p--) {
			const t = printfG(x, p);
			if (t.includes('.') && !hasRun(t, '999999') && !hasRun(t, '000000')) {
				s = t;
				break;
			}
		}
	}
	return Number(s);
}

/** A float32 (FlatGeobuf Float column) as the GeoJSON writer prints it: "%.8g", down to 5 digits. */
export function gdalFloat(x: number): number {
	if (!Number.isFinite(x) || x === 0) return x;
	let s = printfG(x, 8);
	if (hasRun(s, '99999') || hasRun(s, '00000')) {
		for (let p = 7; p >= 5; p--) {
			const t = printfG(x, p);
			if (t.includes('.') && !hasRun(t, '99999') && !hasRun(t, '00000') && Math.fround(Number(t)) === x) {
				s = t;
				break;
			}
		}
	}
	return Number(s);
}

/** What the source said a field is (ogrinfo): the FlatGeobuf column alone does not tell a Date from a DateTime. */
export interface SourceField {
	name: string;
	type: string;
	subType?: string;
}

/** GDAL's FlatGeobuf writer cannot store lists: pass 1 turns them into JSON text (`-mapFieldType`). */
export const LIST_TYPES = ['IntegerList', 'Integer64List', 'RealList', 'StringList'];

type Convert = (value: unknown) => unknown;

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();

/** The GeoJSON writer emits a JSON field's text as JSON only when it is an object or an array. */
function parseJson(text: unknown, real: boolean): unknown {
	const s = String(text);
	const bracketed = (s.startsWith('{') && s.endsWith('}')) || (s.startsWith('[') && s.endsWith(']'));
	if (!bracketed) return text;
	let value: unknown;
	try {
		value = JSON.parse(s);
	} catch {
		return text;
	}
	return real && Array.isArray(value) ? value.map((v) => (typeof v === 'number' ? gdalDouble(v) : v)) : value;
}

/**
 * How a value of this FlatGeobuf column (type name as in ColumnType) becomes the value the GeoJSON route
 * gave; null when it needs nothing.
 */
export function valueConverter(columnType: string, source: SourceField | undefined): Convert | null {
	switch (columnType) {
		case 'Double':
			return (v) => gdalDouble(v as number);
		case 'Float':
			return (v) => gdalFloat(v as number);
		case 'Binary':
			// the GeoJSON writer spells binary fields as upper-case hex
			return (v) => hex(v as Uint8Array);
		case 'DateTime':
			// the FlatGeobuf writer stores every date and time as "YYYY-MM-DDTHH:MM:SS…"
			if (source?.type === 'Date') return (v) => String(v).split('T')[0];
			if (source?.type === 'Time') return (v) => String(v).slice(String(v).indexOf('T') + 1);
			return null;
		case 'String':
		case 'Json':
			if (source && (LIST_TYPES.includes(source.type) || source.subType === 'JSON')) {
				const real = source.type === 'RealList';
				return (v) => parseJson(v, real);
			}
			return null;
		default:
			return null;
	}
}
