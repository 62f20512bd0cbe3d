/**
 * @module pdf/stamp
 * The rotated stamp on every page: what state this document version is in. While any operator's
 * answer is pending it says "VORLÄUFIG – unvollständig", whatever `status` the caller passed.
 */
import { hexColor, type Canvas, type Rgb } from './canvas';
import { fmtDate } from './labels';
import type { AuskunftPdfModel, AuskunftStatus } from './model';

export interface StampText {
	color: Rgb;
	headline: string;
	lines: string[];
}

const BLUE = hexColor('#1d3f8f');
const RED = hexColor('#c0261b');

/** The status the document shows: pending answers make it provisional whatever `status` says. */
export function effectiveStatus(m: AuskunftPdfModel): AuskunftStatus {
	if (m.operators.some((o) => o.status === 'ausstehend')) return 'vorlaeufig';
	if (m.status === 'erteilt' && m.operators.some((o) => o.status === 'keine_antwort')) return 'unvollstaendig';
	return m.status;
}

export function stampText(m: AuskunftPdfModel): StampText {
	const nr = `Nr. ${m.number} · Fassung ${m.documentVersion}`;
	const issued = fmtDate(m.issuedAt);
	const pending = m.operators.filter((o) => o.status === 'ausstehend').length;
	const silent = m.operators.filter((o) => o.status === 'keine_antwort').length;
	const planung = m.type === 'planung' ? ' · nicht zur Bauausführung' : '';
	const status = effectiveStatus(m);
	if (status === 'vorlaeufig') {
		return {
			color: RED,
			headline: 'VORLÄUFIG – unvollständig',
			lines: [nr, `Stand ${issued} · ${pending} Antwort${pending > 1 ? 'en' : ''} ausstehend`, 'Noch nicht vollständig erteilt']
		};
	}
	if (status === 'abgelaufen') {
		return { color: RED, headline: 'ABGELAUFEN', lines: [nr, `vom ${issued} · gültig bis ${fmtDate(m.validUntil)}`, 'Neue Auskunft einholen'] };
	}
	if (status === 'unvollstaendig') {
		return {
			color: RED,
			headline: 'UNVOLLSTÄNDIG',
			lines: [nr, `${issued} · gültig bis ${fmtDate(m.validUntil)}`, `${silent} Betreiber ohne Antwort – direkt anfragen`]
		};
	}
	return {
		color: BLUE,
		headline: 'Leitungsauskunft erteilt',
		lines: [nr, `${issued} · gültig bis ${fmtDate(m.validUntil)}`, `über ${m.platformName}${planung}`]
	};
}

/**
 * Draws the stamp centred at (cx, cy) mm, `w` × `h` mm before rotation, turned by `angle` degrees
 * (counter-clockwise). Slightly translucent so it never hides what lies beneath.
 */
export function drawStamp(cv: Canvas, s: StampText, cx: number, cy: number, w: number, h: number, angle = 6): void {
	const a = (angle * Math.PI) / 180;
	const cos = Math.cos(a);
	const sin = Math.sin(a);
	// local (u right, v down) → paper; a CCW turn on paper is clockwise in y-down coordinates
	const at = (u: number, v: number): [number, number] => [cx + u * cos + v * sin, cy - u * sin + v * cos];
	const box = (inset: number) => {
		const hw = w / 2 - inset;
		const hh = h / 2 - inset;
		return [...at(-hw, -hh), ...at(hw, -hh), ...at(hw, hh), ...at(-hw, hh)];
	};
	cv.save().opacity(0.9);
	cv.stroke({ color: s.color, width: 0.7, join: 'round' }).path(box(0), true).paint('S');
	cv.stroke({ color: s.color, width: 0.25, join: 'round' }).path(box(1.3), true).paint('S');

	const { bold, cond } = cv.fonts;
	let headSize = 11;
	while (headSize > 7 && cv.width(s.headline, bold, headSize) > w - 6) headSize -= 0.5;
	const lineSize = 7.5;
	const headH = headSize * 0.3528;
	const lineH = lineSize * 0.3528 * 1.3;
	const total = headH + 1.2 + lineH * s.lines.length;
	let v = -total / 2 + headH * 0.85;
	const [hx, hy] = at(0, v);
	cv.text(s.headline, hx, hy, { font: bold, size: headSize, color: s.color, angle, align: 'center' });
	v += headH * 0.15 + 1.2 + lineH * 0.8;
	for (const line of s.lines) {
		let size = lineSize;
		while (size > 5 && cv.width(line, cond, size) > w - 5) size -= 0.25;
		const [x, y] = at(0, v);
		cv.text(line, x, y, { font: cond, size, color: s.color, angle, align: 'center' });
		v += lineH;
	}
	cv.restore();
}
