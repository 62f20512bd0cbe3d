/**
 * @module pdf/render
 * `renderAuskunftPdf(model)` → the PDF bytes of one document version of a Leitungsauskunft.
 *
 * Order: Formblatt (A4), Blattübersicht (A3, when there are several sheets), the plan sheets (A3 landscape),
 * one section per `betroffen` operator and one Negativauskunft per `nicht_betroffen` operator (A4).
 * Content is drawn first; the chrome (stamp, issuer, QR, "Seite x von y") is added once the page count
 * is known. Pure and deterministic: the same model gives the same bytes (dates from `issuedAt`,
 * fixed resource names, pdf-lib's seeded ids), so the stored sha256 can be reproduced.
 */
import { PDFDocument } from 'pdf-lib';
import { Canvas, DocResources, PT_PER_MM, useNativeDeflate } from './canvas';
import { docInfo, drawA4Chrome, drawPlanChrome } from './chrome';
import { embedFonts } from './fonts';
import { drawFormblatt } from './formblatt';
import { extentsIntersect, geometryExtent } from './geometry';
import { fmtScale, TYPE_LABELS } from './labels';
import type { AuskunftPdfModel, PdfFeature } from './model';
import { drawNegativePage, drawOperatorPages } from './operator-pages';
import { drawOverview } from './overview';
import { planData } from './plan-data';
import { drawPlanSheet } from './plan-sheet';
import { A3_LANDSCAPE, A4, chooseScale } from './scale';
import { layoutSheets, type SheetLayout } from './sheets';

type PageKind = 'a4' | 'plan';

/** The scale and sheets for this Auskunft (see scale.ts and sheets.ts). */
export function planLayout(m: AuskunftPdfModel): SheetLayout {
	const features = m.operators.filter((o) => o.status === 'betroffen').flatMap((o) => o.features);
	const scale = chooseScale(m.type, features, (s) => layoutSheets(m.grownArea, s).sheets.length);
	return layoutSheets(m.grownArea, scale);
}

function setMetadata(doc: PDFDocument, m: AuskunftPdfModel): void {
	const issued = new Date(m.issuedAt);
	doc.setTitle(`Leitungsauskunft ${m.number} (Fassung ${m.documentVersion})`);
	doc.setSubject(`${TYPE_LABELS[m.type]} für ${m.requester.org}`);
	doc.setAuthor(m.operators.filter((o) => o.status === 'betroffen' || o.status === 'nicht_betroffen').map((o) => o.name).join('; ') || m.platformName);
	doc.setCreator(m.platformName);
	doc.setProducer(`${m.platformName} (pdf-lib)`);
	doc.setKeywords(['Leitungsauskunft', m.number, `Fassung ${m.documentVersion}`]);
	doc.setLanguage('de-DE');
	doc.setCreationDate(issued);
	doc.setModificationDate(issued);
}

export async function renderAuskunftPdf(model: AuskunftPdfModel): Promise<Uint8Array> {
	const doc = await PDFDocument.create({ updateMetadata: false });
	useNativeDeflate(doc);
	setMetadata(doc, model);
	const res = new DocResources(doc, await embedFonts(doc));
	const pages: { cv: Canvas; kind: PageKind }[] = [];
	const add = (kind: PageKind): Canvas => {
		const size = kind === 'a4' ? A4 : A3_LANDSCAPE;
		const cv = new Canvas(doc.addPage([size.w * PT_PER_MM, size.h * PT_PER_MM]), res);
		pages.push({ cv, kind });
		return cv;
	};
	const addA4 = () => add('a4');

	const data = planData(model);
	const layout = planLayout(model);
	const sheets = layout.sheets;
	const betroffen = model.operators.filter((o) => o.status === 'betroffen');
	const negative = model.operators.filter((o) => o.status === 'nicht_betroffen');

	const summary =
		`Anlagen dieser Auskunft: Lagepläne auf ${sheets.length} Blatt A3 quer im Maßstab ${fmtScale(layout.scale)}` +
		`${sheets.length > 1 ? ' mit Blattübersicht' : ''}; ${betroffen.length} Betreiberteil${betroffen.length === 1 ? '' : 'e'} ` +
		`mit Schutzanweisung und Anlagenliste; ${negative.length} ${negative.length === 1 ? 'Negativauskunft' : 'Negativauskünfte'}.`;
	drawFormblatt(addA4(), model, summary, addA4);

	if (sheets.length > 1) drawOverview(add('plan'), model, data, layout);
	for (const sheet of sheets) drawPlanSheet(add('plan'), model, data, layout, sheet);

	const sheetsOf = (f: PdfFeature): string => {
		const ext = geometryExtent(f.geometry);
		return sheets.filter((s) => extentsIntersect(ext, s.extent)).map((s) => s.number).join(', ') || '–';
	};
	for (const o of betroffen) drawOperatorPages(addA4(), model, o, sheetsOf, addA4);
	for (const o of negative) drawNegativePage(addA4(), model, o);

	const info = docInfo(model);
	pages.forEach(({ cv, kind }, i) => {
		if (kind === 'a4') drawA4Chrome(cv, info, i + 1, pages.length);
		else drawPlanChrome(cv, info, i + 1, pages.length);
		cv.flush();
	});
	// object streams would be deflated by pako again; the few plain dictionaries cost a few kB only
	return doc.save({ useObjectStreams: false });
}
