/**
 * @module pdf/operator-pages
 * Per operator (A4): its answer, contacts, flags, Schutzanweisung and the attribute table of its
 * features in the search area; a Negativauskunft page for every `nicht_betroffen` operator.
 */
import { NETWORK_INFO, NETWORKS } from '$lib/layers/catalogue';
import { hexColor, type Canvas, type Rgb } from './canvas';
import { A4_CONTENT, RED } from './chrome';
import {
	DEPTH_SOURCE_LABELS,
	fmtDate,
	fmtNumber,
	KIND_SHORT,
	LINE_STATUS_SHORT,
	networkLabel,
	OPERATOR_STATUS_LABELS
} from './labels';
import type { AuskunftPdfModel, PdfContact, PdfFeature, PdfOperator } from './model';
import { drawTable, type Column } from './table';
import { leading, paragraph, wrap } from './text';

const GREY: Rgb = [0.35, 0.35, 0.35];

interface ContactRow {
	role: string;
	c: PdfContact;
}

const CONTACT_COLUMNS: Column<ContactRow>[] = [
	{ header: 'Zuständig für', width: 40, cell: (r) => [{ text: r.role, bold: true }] },
	{ header: 'Stelle / Name', width: 60, cell: (r) => r.c.name || '–' },
	{ header: 'Telefon', width: 35, cell: (r) => [{ text: r.c.phone || '–', bold: r.role.startsWith('Störung') }] },
	{ header: 'E-Mail', width: 55, cell: (r) => r.c.email || '–' }
];

function contactRows(o: PdfOperator): ContactRow[] {
	return [
		{ role: 'Planauskunft', c: o.contacts.planauskunft },
		{ role: 'Einweisung vor Ort', c: o.contacts.einweisung },
		{ role: 'Störung (24 h)', c: o.contacts.stoerung24h }
	];
}

function featureColumns(sheetsOf: (f: PdfFeature) => string): Column<PdfFeature>[] {
	const p = (f: PdfFeature) => f.properties;
	return [
		{ header: 'Kennung', width: 23, cell: (f) => p(f).source_id },
		{ header: 'Netz', width: 19, cell: (f) => networkLabel(p(f).network) },
		{ header: 'Art', width: 16, cell: (f) => KIND_SHORT[p(f).kind] ?? p(f).kind },
		{ header: 'Status', width: 16, cell: (f) => LINE_STATUS_SHORT[p(f).status] ?? p(f).status },
		{ header: 'Material', width: 12, cell: (f) => p(f).material ?? '–' },
		{ header: 'Dimension', width: 28, cell: (f) => [p(f).dimension, p(f).pressure_level, p(f).voltage_level].filter(Boolean).join(' · ') || '–' },
		{ header: 'Überdeckung', width: 19, align: 'right', cell: (f) => (p(f).depth_m != null ? `${fmtNumber(p(f).depth_m!, 2)} m` : '–') },
		{ header: 'Tiefe lt.', width: 15, cell: (f) => (p(f).depth_source ? DEPTH_SOURCE_LABELS[p(f).depth_source!] : '–') },
		{ header: 'Lage ±', width: 12, align: 'right', cell: (f) => (p(f).accuracy_cm != null ? `${p(f).accuracy_cm} cm` : '–') },
		{ header: 'Länge', width: 15, align: 'right', cell: (f) => (f.lengthM > 0 ? `${fmtNumber(f.lengthM, 1)} m` : '–') },
		{ header: 'Blatt', width: 15, cell: sheetsOf }
	];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// mains before house connections before points, network by network
const KIND_ORDER = ['leitung', 'kabel', 'freileitung', 'schutzrohr', 'hausanschluss', 'schacht', 'armatur', 'mast', 'schutzstreifen'];

function heading(cv: Canvas, title: string, o: PdfOperator, y: number): number {
	const { bold, cond } = cv.fonts;
	const { x, w } = A4_CONTENT;
	y = paragraph(cv, title, x, y, w, { font: bold, size: 12 }, 1.2);
	const facts = [
		`Netze: ${o.networks.map(networkLabel).join(', ')}`,
		`Antwort: ${OPERATOR_STATUS_LABELS[o.status]}`,
		`gültig bis ${fmtDate(o.validUntil)}`,
		`Datenstand ${fmtDate(o.datenstand)}`,
		...(o.bufferM ? [`Suchraum ${fmtNumber(o.bufferM)} m`] : [])
	];
	return paragraph(cv, facts.join(' · '), x, y + 0.5, w, { font: cond, size: 8.5, color: GREY }, 1.25);
}

/** Betreiber page(s) for a `betroffen` operator. */
export function drawOperatorPages(first: Canvas, m: AuskunftPdfModel, o: PdfOperator, sheetsOf: (f: PdfFeature) => string, addPage: () => Canvas): void {
	const { x, w, bottom } = A4_CONTENT;
	const { condBold, cond } = first.fonts;
	let cv = first;
	let y = heading(cv, `Betreiber: ${o.name}`, o, A4_CONTENT.y);
	const lengthNote = `${o.featureCount} Objekte im Suchraum, Leitungslänge ${fmtNumber(o.lengthM)} m.`;
	y = paragraph(cv, lengthNote, x, y, w, { font: cond, size: 8.5 }, 1.25) + 2;

	const flagTexts: string[] = [];
	if (o.einweisungErforderlich)
		flagTexts.push(`Einweisung vor Ort erforderlich – vor Beginn der Arbeiten vereinbaren: ${o.contacts.einweisung.phone || o.contacts.einweisung.email}.`);
	if (o.zustimmungErforderlich) flagTexts.push('Zustimmung des Betreibers erforderlich, bevor im Bereich der Anlagen gearbeitet wird.');
	if (flagTexts.length) {
		const lines = flagTexts.flatMap((t) => wrap(cv, t, w - 6, condBold, 9));
		const h = lines.length * leading(9, 1.25) + 4;
		cv.stroke({ color: RED, width: 0.5 }).rect(x, y, w, h).paint('S');
		let ly = y + 4.6;
		for (const line of lines) {
			cv.text(line, x + 3, ly, { font: condBold, size: 9, color: RED });
			ly += leading(9, 1.25);
		}
		y += h + 4;
	}

	cv.text('Ansprechpartner', x, y + 2, { font: condBold, size: 9.5 });
	y = drawTable(cv, x, y + 4, bottom, CONTACT_COLUMNS, contactRows(o), { size: 7.5 }).y + 5;

	cv.text('Schutzanweisung', x, y, { font: condBold, size: 9.5 });
	y += 5;
	const lh = leading(8.5, 1.3);
	for (const line of wrap(cv, o.schutzanweisung || 'Der Betreiber hat keine eigene Schutzanweisung hinterlegt; es gelten die allgemein anerkannten Regeln der Technik (z. B. DVGW GW 315).', w, cond, 8.5)) {
		if (y > bottom) {
			cv = addPage();
			y = heading(cv, `Betreiber: ${o.name} (Fortsetzung)`, o, A4_CONTENT.y) + 3;
		}
		cv.text(line, x, y, { font: cond, size: 8.5 });
		y += lh;
	}
	y += 4;

	const features = [...o.features].sort(
		(a, b) =>
			NETWORKS.indexOf(a.properties.network) - NETWORKS.indexOf(b.properties.network) ||
			KIND_ORDER.indexOf(a.properties.kind) - KIND_ORDER.indexOf(b.properties.kind) ||
			cmp(a.properties.source_id, b.properties.source_id)
	);
	const columns = featureColumns(sheetsOf);
	let rest = features;
	let fresh = false;
	cv.text(`Anlagen im Suchraum (${features.length})`, x, y, { font: condBold, size: 9.5 });
	y += 2.5;
	while (rest.length > 0) {
		const r = drawTable(cv, x, y, bottom - 8, columns, rest, {
			size: 6.5,
			pad: 0.8,
			zebra: true,
			forceFirst: fresh,
			marker: (f) => hexColor(NETWORK_INFO[(f as PdfFeature).properties.network]?.color ?? '#444444')
		});
		y = r.y;
		rest = r.rest;
		if (rest.length === 0) break;
		cv.text('Fortsetzung nächste Seite', x + w, y + 3.5, { font: cond, size: 7, color: GREY, align: 'right' });
		cv = addPage();
		y = heading(cv, `Betreiber: ${o.name} (Fortsetzung)`, o, A4_CONTENT.y) + 3;
		fresh = true;
	}
	const notes =
		'¹ außer Betrieb: wie in Betrieb behandeln, kann jederzeit wieder in Betrieb gehen. ² stillgelegt: kann noch in Betrieb sein. ' +
		'Überdeckung: Tiefe bis Rohrscheitel bzw. Kabeloberkante; Regelwert = typische Tiefe, nicht gemessen. Lage ±: Lagegenauigkeit laut Betreiber. ' +
		'Längen im Suchraum, auf 0,1 m gerundet.';
	if (y + 12 > bottom + 8) {
		cv = addPage();
		y = A4_CONTENT.y;
	}
	paragraph(cv, notes, x, y + 4, w, { font: cond, size: 6.5, color: GREY }, 1.25);
}

/** The Negativauskunft of a `nicht_betroffen` operator. */
export function drawNegativePage(cv: Canvas, m: AuskunftPdfModel, o: PdfOperator): void {
	const { x, w, bottom } = A4_CONTENT;
	const { bold, cond, condBold } = cv.fonts;
	let y = heading(cv, `Negativauskunft: ${o.name}`, o, A4_CONTENT.y) + 6;
	y = paragraph(cv, `Im angefragten Bereich befinden sich keine Anlagen der ${o.name}.`, x, y, w, { font: bold, size: 11 }, 1.3) + 2;
	const site = [m.site.strasse, m.site.hausnummer].filter(Boolean).join(' ');
	const buffer = o.bufferM ?? m.workClassDistanceM;
	const facts = [
		`Geprüfte Netze: ${o.networks.map(networkLabel).join(', ')}.`,
		`Geprüfter Bereich: der angefragte Arbeitsbereich${site ? ` (${site})` : ''} mit ${fmtNumber(m.areaM2)} m² zuzüglich ${fmtNumber(buffer)} m Suchraum, dargestellt auf den Lageplänen dieser Auskunft.`,
		`Datenstand der Betreiberdaten: ${fmtDate(o.datenstand)}. Gültig bis ${fmtDate(o.validUntil)}.`,
		`Bezug: Leitungsauskunft Nr. ${m.number}, Fassung ${m.documentVersion}.`
	];
	for (const f of facts) y = paragraph(cv, f, x, y + 1.5, w, { font: cond, size: 9 }, 1.3);
	y += 4;
	const caveat =
		'Die Negativauskunft gilt nur für die genannten Netze dieses Betreibers und nur für den geprüften Bereich und Zeitraum. ' +
		'Anlagen anderer Betreiber sind gesondert anzufragen. Werden bei den Arbeiten dennoch Leitungen, Kabel oder Trassenwarnbänder angetroffen: ' +
		`Arbeiten sofort einstellen, Bereich sichern und den Betreiber verständigen – Störung (24 h): ${o.contacts.stoerung24h.phone || '–'}.`;
	y = paragraph(cv, caveat, x, y, w, { font: condBold, size: 9 }, 1.3) + 5;
	cv.text('Ansprechpartner', x, y, { font: condBold, size: 9.5 });
	drawTable(cv, x, y + 2, bottom, CONTACT_COLUMNS, contactRows(o), { size: 7.5 });
}
