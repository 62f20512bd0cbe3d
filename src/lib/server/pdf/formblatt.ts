/**
 * @module pdf/formblatt
 * Page 1: the Formblatt. Who asked, for what, where; every operator with its answer, validity,
 * Datenstand, contact, 24-h number and flags; the operators not on the platform. Continues on further
 * A4 pages if the operator table is long.
 */
import type { Canvas, Rgb } from './canvas';
import { RED, A4_CONTENT } from './chrome';
import {
	AUSKUNFT_STATUS_LABELS,
	fmtDate,
	fmtNumber,
	networkLabel,
	OPERATOR_STATUS_LABELS,
	OPERATOR_STATUS_NOTES,
	TYPE_LABELS,
	WORK_CLASS_LABELS
} from './labels';
import { effectiveStatus } from './stamp';
import type { AuskunftPdfModel, PdfExternalOperator, PdfOperator } from './model';
import { drawTable, type CellText, type Column } from './table';
import { leading, paragraph, wrap } from './text';

const GREY: Rgb = [0.35, 0.35, 0.35];
export const EXTERNAL_LINE = 'Nicht aufgeführte Betreiber sind gesondert anzufragen.';

/** key, value, and optionally a style for the value */
type Pair = [string, string] | [string, string, { bold?: boolean; color?: Rgb }];

function keyValues(cv: Canvas, title: string, pairs: Pair[], x: number, y: number, w: number): number {
	const { condBold, cond } = cv.fonts;
	cv.text(title, x, y, { font: condBold, size: 9.5 });
	cv.line(x, y + 1.2, x + w, y + 1.2, { color: [0.6, 0.6, 0.6], width: 0.2 });
	y += 5;
	const keyW = 27;
	const size = 8;
	const lh = leading(size, 1.22);
	for (const [k, v, style] of pairs) {
		if (!v) continue;
		cv.text(k, x, y, { font: cond, size, color: GREY });
		const font = style?.bold ? condBold : cond;
		const lines = wrap(cv, v, w - keyW, font, size);
		for (const line of lines) {
			cv.text(line, x + keyW, y, { font, size, color: style?.color });
			y += lh;
		}
		y += 0.6;
	}
	return y;
}

function contactLines(o: PdfOperator): CellText[] {
	const c = o.contacts.planauskunft;
	return [{ text: c.phone || '–' }, ...(c.email ? [{ text: c.email }] : [])];
}

function flags(o: PdfOperator): CellText[] {
	const out: CellText[] = [];
	if (o.einweisungErforderlich) {
		out.push({ text: 'Einweisung erforderlich', bold: true, color: RED });
		const c = o.contacts.einweisung;
		if (c.phone || c.email) out.push({ text: c.phone || c.email });
	}
	if (o.zustimmungErforderlich) out.push({ text: 'Zustimmung erforderlich', bold: true, color: RED });
	if (out.length === 0) out.push({ text: '–' });
	return out;
}

const OPERATOR_COLUMNS: Column<PdfOperator>[] = [
	{
		header: 'Betreiber · Netze',
		width: 44,
		cell: (o) => [
			{ text: o.name, bold: true },
			{ text: o.networks.map(networkLabel).join(', ') },
			...(o.status === 'betroffen' ? [{ text: `${o.featureCount} Objekte, ${fmtNumber(o.lengthM)} m` }] : [])
		]
	},
	{
		header: 'Antwort',
		width: 24,
		cell: (o) => {
			const color = o.status === 'keine_antwort' || o.status === 'ausstehend' ? RED : undefined;
			return [
				{ text: OPERATOR_STATUS_LABELS[o.status], bold: true, color },
				{ text: OPERATOR_STATUS_NOTES[o.status], color }
			];
		}
	},
	{ header: 'gültig bis', width: 17, cell: (o) => fmtDate(o.validUntil) },
	{ header: 'Datenstand', width: 17, cell: (o) => fmtDate(o.datenstand) },
	{ header: 'Planauskunft', width: 42, cell: contactLines },
	{ header: 'Störung 24 h', width: 21, cell: (o) => [{ text: o.contacts.stoerung24h.phone || '–', bold: true }] },
	{ header: 'Einweisung / Zustimmung', width: 25, cell: flags }
];

const EXTERNAL_COLUMNS: Column<PdfExternalOperator>[] = [
	{ header: 'Betreiber (nicht auf der Plattform)', width: 70, cell: (e) => [{ text: e.name, bold: true }] },
	{ header: 'Netze', width: 50, cell: (e) => e.networks.join(', ') },
	{ header: 'Kontakt', width: 70, cell: (e) => e.contact }
];

/** Draws the Formblatt; `addPage` gives a fresh A4 page for continuations. */
export function drawFormblatt(cv: Canvas, m: AuskunftPdfModel, sheetSummary: string, addPage: () => Canvas): void {
	const { x, w, bottom } = A4_CONTENT;
	const { bold, cond, condBold } = cv.fonts;
	let y: number = A4_CONTENT.y;
	cv.text('Formblatt', x, y, { font: bold, size: 12 });
	y += 7;

	const colW = (w - 6) / 2;
	const maxBuffer = Math.max(m.workClassDistanceM, ...m.operators.map((o) => o.bufferM ?? 0));
	const status = effectiveStatus(m);
	const left: Pair[] = [
		['Status', AUSKUNFT_STATUS_LABELS[status], { bold: true, color: status === 'erteilt' ? undefined : RED }],
		['Art', TYPE_LABELS[m.type]],
		['Arbeiten', `${WORK_CLASS_LABELS[m.workClass]} – Suchraum ${fmtNumber(m.workClassDistanceM)} m`],
		['Suchraum', maxBuffer > m.workClassDistanceM ? `bis ${fmtNumber(maxBuffer)} m (Schutzabstand einzelner Netze)` : ''],
		['Fläche', `${fmtNumber(m.areaM2)} m² (angefragter Arbeitsbereich)`],
		['Zeitraum', `${fmtDate(m.period.start)} – ${fmtDate(m.period.end)}`],
		['Beschreibung', m.description],
		['Ihr Zeichen', m.reference ?? ''],
		['Gültig bis', `${fmtDate(m.validUntil)} (frühestes Ablaufdatum der Betreiberantworten)`, { bold: true }]
	];
	const site = m.site;
	const right: Pair[] = [
		['Organisation', m.requester.org],
		['Person', m.requester.person],
		['E-Mail', m.requester.email],
		['Telefon', m.requester.phone ?? '']
	];
	const siteRows: Pair[] = [
		['Bauherr', site.bauherr ?? ''],
		['Ausf. Firma', site.firma ?? ''],
		['Bauleiter', [site.bauleiter, site.mobil ? `mobil ${site.mobil}` : ''].filter(Boolean).join(', ')],
		['Lage', [site.strasse, site.hausnummer].filter(Boolean).join(' ')],
		['Gemarkung', [site.gemarkung, site.flurstueck ? `Flurstück ${site.flurstueck}` : ''].filter(Boolean).join(', ')],
		['Aushubtiefe', site.tiefeM != null ? `${fmtNumber(site.tiefeM, 1)} m` : ''],
		['Verfahren', site.verfahren ?? '']
	];
	const yl = keyValues(cv, 'Auskunft', left, x, y, colW);
	let yr = keyValues(cv, 'Anfragender', right, x + colW + 6, y, colW);
	yr = keyValues(cv, 'Baustelle', siteRows, x + colW + 6, yr + 2, colW);
	y = Math.max(yl, yr) + 3;

	if (m.type === 'planung') {
		y = paragraph(cv, 'Planungsauskunft – nicht zur Bauausführung. Vor Baubeginn ist eine Bauauskunft einzuholen.', x, y, w, { font: condBold, size: 9, color: RED }) + 1;
	}
	if (m.type === 'notfall') {
		y = paragraph(cv, 'Notfallauskunft: sofort ausgestellt, ohne Wartezeit. Vor Beginn die 24-h-Störungsnummern aller Betreiber anrufen.', x, y, w, { font: condBold, size: 9, color: RED }) + 1;
	}

	cv.text('Beteiligte Betreiber', x, y + 2, { font: condBold, size: 9.5 });
	y += 4.5;
	let rest = m.operators;
	let page = cv;
	let fresh = false;
	while (rest.length > 0) {
		const r = drawTable(page, x, y, bottom - 12, OPERATOR_COLUMNS, rest, { size: 7, forceFirst: fresh });
		y = r.y;
		rest = r.rest;
		if (rest.length === 0) break;
		page = addPage();
		page.text('Formblatt (Fortsetzung)', x, A4_CONTENT.y, { font: bold, size: 12 });
		y = A4_CONTENT.y + 5;
		fresh = true;
	}
	if (m.operators.length === 0) {
		y = paragraph(page, 'Die angefragte Fläche berührt kein Versorgungsgebiet eines Betreibers auf der Plattform.', x, y + 4, w, { font: cond, size: 8 });
	}

	// notes on pending or silent operators
	const notes: string[] = [];
	for (const o of m.operators) {
		if (o.status === 'ausstehend') notes.push(`${o.name}: Antwort steht noch aus. Nach der Antwort wird eine neue Fassung dieser Auskunft ausgestellt.`);
		if (o.status === 'keine_antwort')
			notes.push(`${o.name}: keine Antwort innerhalb der Frist – das ist keine Negativauskunft. Bitte direkt anfragen (${o.contacts.planauskunft.phone || o.contacts.planauskunft.email}).`);
	}
	const block = (need: number) => {
		if (y + need > bottom) {
			page = addPage();
			page.text('Formblatt (Fortsetzung)', x, A4_CONTENT.y, { font: bold, size: 12 });
			y = A4_CONTENT.y + 7;
		}
	};
	y += 3;
	for (const note of notes) {
		block(8);
		y = paragraph(page, note, x, y + 1, w, { font: condBold, size: 8, color: RED }, 1.25);
	}

	block(14);
	y = paragraph(page, EXTERNAL_LINE, x, y + 4, w, { font: condBold, size: 9.5 }) + 0.5;
	if (m.externalOperators.length === 0) {
		y = paragraph(page, 'Der zuständigen Behörde sind im Bereich keine weiteren Betreiber bekannt.', x, y, w, { font: cond, size: 8 });
	} else {
		let ext = m.externalOperators;
		while (ext.length > 0) {
			const r = drawTable(page, x, y, bottom, EXTERNAL_COLUMNS, ext, { size: 7, forceFirst: y === A4_CONTENT.y + 7 });
			y = r.y;
			ext = r.rest;
			if (ext.length > 0) block(Infinity);
		}
	}
	block(10);
	paragraph(page, sheetSummary, x, y + 5, w, { font: cond, size: 8, color: GREY });
}
