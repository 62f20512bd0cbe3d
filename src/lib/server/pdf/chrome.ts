/**
 * @module pdf/chrome
 * What stands on every page, drawn after all content exists (so "Seite x von y" is known): the issuer
 * (the answering operators, each with its Datenstand) and the platform as intermediary, the disclaimer,
 * the stamp, the QR code to the verification page with its URL, and the page number.
 *
 * A4 pages carry it in a header (y 8–40 mm) and a footer (y 249–289 mm); plan sheets in the lower part of
 * the side panel and the stamp zone (`PANEL_ZONES`).
 */
import { hexColor, type Canvas } from './canvas';
import { fmtDate, fmtDateTime, TYPE_LABELS } from './labels';
import type { AuskunftPdfModel } from './model';
import { drawQr } from './qr';
import { PLAN_PANEL } from './scale';
import { drawStamp, stampText, type StampText } from './stamp';
import { leading, paragraph, wrap } from './text';

export const RED = hexColor('#c0261b');
const GREY = hexColor('#444444');

/** A4 content area (mm, y down) between header and footer. */
export const A4_CONTENT = { x: 10, y: 45, w: 190, bottom: 246 } as const;

/** Vertical zones of the plan panel (absolute mm). */
export const PANEL_ZONES = {
	titleTop: PLAN_PANEL.y + 4,
	stampTop: 52,
	stampBottom: 84,
	bodyTop: 86,
	/** the panel's own content must end here; the chrome follows */
	bodyBottom: 200,
	chromeTop: 202
} as const;

export const DISCLAIMER =
	'Lage nicht verbindlich: Die Darstellung ersetzt keine Erkundung vor Ort. Vor Beginn der Arbeiten die Lage ' +
	'durch Ortung und Suchschlitze feststellen; im Bereich der Anlagen nur in Handschachtung arbeiten. Die ' +
	'Schutzanweisungen der Betreiber sind zu beachten. Maße nicht abgreifen.';

export interface DocInfo {
	number: string;
	version: number;
	typeLabel: string;
	issued: string;
	planung: boolean;
	issuers: string[];
	intermediary: string;
	verifyUrl: string;
	stamp: StampText;
	requesterOrg: string;
}

export function docInfo(m: AuskunftPdfModel): DocInfo {
	const answered = m.operators.filter((o) => o.status === 'betroffen' || o.status === 'nicht_betroffen');
	return {
		number: m.number,
		version: m.documentVersion,
		typeLabel: TYPE_LABELS[m.type],
		issued: fmtDateTime(m.issuedAt),
		planung: m.type === 'planung',
		issuers: answered.map((o) => `${o.name} (Datenstand ${fmtDate(o.datenstand)})`),
		intermediary: m.platformName,
		verifyUrl: m.verifyUrl,
		stamp: stampText(m),
		requesterOrg: m.requester.org
	};
}

function issuerText(info: DocInfo): string {
	const who = info.issuers.length ? info.issuers.join('; ') : 'noch kein Betreiber hat geantwortet';
	return `Herausgeber: ${who}. Vermittler: ${info.intermediary} (stellt die Angaben der Betreiber zusammen, ist nicht deren Urheber).`;
}

export function drawA4Chrome(cv: Canvas, info: DocInfo, page: number, total: number): void {
	const { bold, regular, cond, condBold } = cv.fonts;
	// header
	cv.text('Leitungsauskunft', 10, 16, { font: bold, size: 16 });
	cv.text(`Nr. ${info.number} · Fassung ${info.version} · ${info.typeLabel}`, 10, 23, { font: bold, size: 9.5 });
	cv.text(`ausgestellt am ${info.issued} · über ${info.intermediary}`, 10, 28, { font: regular, size: 8, color: GREY });
	if (info.planung) cv.text('NICHT ZUR BAUAUSFÜHRUNG', 10, 34, { font: bold, size: 9, color: RED });
	drawStamp(cv, info.stamp, 170, 22, 62, 22);
	cv.line(10, 40, 200, 40, { color: GREY, width: 0.3 });

	// footer
	const top = 249;
	cv.line(10, top, 200, top, { color: GREY, width: 0.3 });
	const qr = 24;
	drawQr(cv, info.verifyUrl, 10, top + 2.5, qr);
	const tx = 10 + qr + 3;
	const tw = 200 - tx;
	let size = 7;
	const need = (sz: number) =>
		(wrap(cv, issuerText(info), tw, cond, sz).length + wrap(cv, DISCLAIMER, tw, condBold, sz).length + 1) * leading(sz, 1.2);
	while (size > 5 && need(size) > 26) size -= 0.5;
	const y = paragraph(cv, issuerText(info), tx, top + 5, tw, { font: cond, size }, 1.2);
	paragraph(cv, DISCLAIMER, tx, y + 0.6, tw, { font: condBold, size }, 1.2);
	cv.text(`Echtheit prüfen: ${info.verifyUrl}`, tx, top + 36, { font: cond, size: 7.5, color: GREY });
	cv.text(`Seite ${page} von ${total}`, 200, top + 36, { font: bold, size: 8, align: 'right' });
}

/** The plan panel's stamp zone and its lower part, below `PANEL_ZONES.chromeTop`. */
export function drawPlanChrome(cv: Canvas, info: DocInfo, page: number, total: number): void {
	const { cond, condBold, bold } = cv.fonts;
	const x = PLAN_PANEL.x + 4;
	const w = PLAN_PANEL.w - 8;
	const bottom = PLAN_PANEL.y + PLAN_PANEL.h;
	drawStamp(cv, info.stamp, x + w / 2, (PANEL_ZONES.stampTop + PANEL_ZONES.stampBottom) / 2, 66, 24, 5);

	cv.line(PLAN_PANEL.x, PANEL_ZONES.chromeTop, PLAN_PANEL.x + PLAN_PANEL.w, PANEL_ZONES.chromeTop, { color: GREY, width: 0.3 });
	const qr = 22;
	const qrY = bottom - qr - 3;
	const issuers = info.issuers.length ? info.issuers : ['noch kein Betreiber hat geantwortet'];
	const vermittler = `Vermittler: ${info.intermediary} (stellt die Angaben der Betreiber zusammen, ist nicht deren Urheber)`;
	// many operators: smaller type rather than text over the QR code
	let size = 6.5;
	const linesAt = (sz: number) =>
		1 +
		issuers.reduce((s2, i) => s2 + wrap(cv, i, w, cond, sz).length, 0) +
		wrap(cv, vermittler, w, cond, sz).length +
		wrap(cv, DISCLAIMER, w, condBold, sz).length;
	while (size > 4.5 && PANEL_ZONES.chromeTop + 4 + linesAt(size) * leading(size, 1.2) + 1.3 > qrY - 1) size -= 0.5;
	const lh = leading(size, 1.2);
	let y = PANEL_ZONES.chromeTop + 4;
	cv.text('Herausgeber (Betreiber, Datenstand):', x, y, { font: condBold, size });
	y += lh;
	for (const line of issuers.flatMap((i) => wrap(cv, i, w, cond, size))) {
		cv.text(line, x, y, { font: cond, size });
		y += lh;
	}
	y = paragraph(cv, vermittler, x, y + 0.5, w, { font: cond, size }, 1.2);
	paragraph(cv, DISCLAIMER, x, y + 0.8, w, { font: condBold, size }, 1.2);

	drawQr(cv, info.verifyUrl, x, qrY, qr);
	const ux = x + qr + 2;
	const uw = w - qr - 2;
	let uy = qrY + 4;
	uy = paragraph(cv, 'Echtheit prüfen:', ux, uy, uw, { font: condBold, size: 6.5 }, 1.2);
	paragraph(cv, info.verifyUrl, ux, uy, uw, { font: cond, size: 6.5 }, 1.2);
	cv.text(`Seite ${page} von ${total}`, x + w, bottom - 3.5, { font: bold, size: 8, align: 'right' });
}
