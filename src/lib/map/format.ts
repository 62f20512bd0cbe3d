/**
 * @module map/format
 * German figures for areas and lengths (de-DE: 12.345 m², 1,2 km²).
 */
const whole = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const twoDigits = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** "12.345 m²"; from 0.1 km² on with the km² in brackets: "1.234.567 m² (1,23 km²)" */
export function formatArea(m2: number): string {
	const base = `${whole.format(m2)} m²`;
	return m2 >= 100_000 ? `${base} (${twoDigits.format(m2 / 1_000_000)} km²)` : base;
}

/** "1 km²", "6,25 km²", "0,25 km²" */
export function formatKm2(m2: number): string {
	return `${twoDigits.format(m2 / 1_000_000)} km²`;
}

/** "123 m"; from 10 km on "12,3 km" */
export function formatLength(m: number): string {
	return m >= 10_000 ? `${twoDigits.format(m / 1000)} km` : `${whole.format(m)} m`;
}

export function formatCount(n: number): string {
	return whole.format(n);
}
