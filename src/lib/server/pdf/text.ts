/**
 * @module pdf/text
 * Line breaking and fitting for the layouts. Widths come from the embedded font (mm).
 */
import type { PDFFont } from 'pdf-lib';
import type { Canvas, TextStyle } from './canvas';

/** Breaks text into lines no wider than `width` mm; words longer than a line (URLs, e-mails) are cut. */
export function wrap(cv: Canvas, text: string, width: number, font: PDFFont, size: number): string[] {
	const lines: string[] = [];
	for (const para of clean(text).split('\n')) {
		let line = '';
		for (const word of para.split(/ +/)) {
			const candidate = line ? `${line} ${word}` : word;
			if (cv.width(candidate, font, size) <= width) {
				line = candidate;
				continue;
			}
			if (line) lines.push(line);
			line = word;
			while (cv.width(line, font, size) > width && line.length > 1) {
				let cut = line.length - 1;
				while (cut > 1 && cv.width(line.slice(0, cut), font, size) > width) cut--;
				// prefer a cut after "@" (e-mails), else after ".", "-" or "/" (domains, URLs) if one is close
				const at = line.lastIndexOf('@', cut - 1) + 1;
				const soft = Math.max(...['.', '-', '/'].map((c) => line.lastIndexOf(c, cut - 1) + 1));
				if (at > cut * 0.3) cut = at;
				else if (soft > cut * 0.5) cut = soft;
				lines.push(line.slice(0, cut));
				line = line.slice(cut);
			}
		}
		lines.push(line);
	}
	return lines;
}

/** Shortens text with "…" until it fits `width` mm. */
export function fit(cv: Canvas, text: string, width: number, font: PDFFont, size: number): string {
	const t = clean(text).replace(/\n/g, ' ');
	if (cv.width(t, font, size) <= width) return t;
	let lo = 0;
	let hi = t.length;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (cv.width(`${t.slice(0, mid)}…`, font, size) <= width) lo = mid;
		else hi = mid - 1;
	}
	return `${t.slice(0, lo).trimEnd()}…`;
}

/** Normalises whitespace and drops control characters the font has no glyph for. */
export function clean(text: string): string {
	return (
		text
			.replace(/\r\n?/g, '\n')
			.replace(/\t/g, ' ')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
			.trim()
	);
}

/** Line height in mm for a font size in pt. */
export function leading(size: number, factor = 1.25): number {
	return (size * factor * 25.4) / 72;
}

/** Draws a wrapped paragraph from (x, y = first baseline) and returns the y below it. */
export function paragraph(cv: Canvas, text: string, x: number, y: number, width: number, style: TextStyle, lineFactor = 1.3): number {
	const lh = leading(style.size, lineFactor);
	for (const line of wrap(cv, text, width, style.font, style.size)) {
		cv.text(line, x, y, style);
		y += lh;
	}
	return y;
}
