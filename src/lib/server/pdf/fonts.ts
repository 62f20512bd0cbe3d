/**
 * @module pdf/fonts
 * DejaVu Sans (regular, bold, condensed, condensed bold), embedded as subsets so umlauts, ß, ≤ ≥ Ø × ·
 * print and stay searchable (pdf-lib writes a ToUnicode map).
 *
 * Two speed-ups keep a whole Auskunft within a few tens of milliseconds:
 * - the TTFs are read and parsed once per process; pdf-lib only needs a fresh *subset* per document;
 * - text is mapped to glyphs through the cmap alone. fontkit's `layout()` runs full OpenType shaping
 *   (≈0.3 ms per string), which Latin plan text does not need: no ligatures, and DejaVu's kerning is
 *   cosmetic. Exit condition: if scripts that need shaping (Arabic, Indic) ever appear, drop `fastLayout`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkitModule from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export interface Fonts {
	regular: PDFFont;
	bold: PDFFont;
	cond: PDFFont;
	condBold: PDFFont;
}

const FILES = {
	regular: 'DejaVuSans.ttf',
	bold: 'DejaVuSans-Bold.ttf',
	cond: 'DejaVuSansCondensed.ttf',
	condBold: 'DejaVuSansCondensed-Bold.ttf'
} as const;

// the package is UMD: Node's ESM loader puts the API under `default`, bundlers may not
const fontkit = (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;
type FontkitFont = ReturnType<typeof fontkit.create>;
interface Glyph {
	id: number;
	advanceWidth: number;
	codePoints: number[];
}

let fontDir: string | null = null;
const bytesByName = new Map<string, Uint8Array>();
const parsed = new Map<Uint8Array, FontkitFont>();

function ttfDir(): string {
	if (fontDir) return fontDir;
	// resolved through node's module lookup so it works from src, from vitest and from the adapter-node build
	const require = createRequire(import.meta.url);
	fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
	return fontDir;
}

function fontBytes(file: string): Uint8Array {
	let bytes = bytesByName.get(file);
	if (!bytes) {
		bytes = new Uint8Array(readFileSync(join(ttfDir(), file)));
		bytesByName.set(file, bytes);
	}
	return bytes;
}

/** A parsed font whose `layout` maps code points straight to glyphs (see the module comment). */
function fastLayout(font: FontkitFont): FontkitFont {
	const f = font as unknown as { glyphForCodePoint(cp: number): Glyph };
	// the cmap lookup itself is slow in fontkit; a plan uses a few hundred distinct characters
	const byCodePoint = new Map<number, Glyph>();
	const glyph = (cp: number) => {
		let g = byCodePoint.get(cp);
		if (!g) {
			g = f.glyphForCodePoint(cp);
			// fontkit caches glyph objects per font. Subsetting an earlier document may have created this
			// one as a component of a composite glyph ("U" inside "Ü") without code points; the ToUnicode
			// map is built from them, so without this fix "U" would vanish from the extracted text.
			if (!g.codePoints?.length) g.codePoints = [cp];
			byCodePoint.set(cp, g);
		}
		return g;
	};
	const wrapped = Object.create(font) as { layout(text: string): { glyphs: Glyph[] } };
	wrapped.layout = (text: string) => {
		const glyphs: Glyph[] = [];
		for (const ch of text) glyphs.push(glyph(ch.codePointAt(0)!));
		return { glyphs };
	};
	return wrapped as unknown as FontkitFont;
}

/** The fontkit facade pdf-lib calls: returns the process-wide parsed font for known bytes. */
const cachingFontkit = {
	create(bytes: Uint8Array): FontkitFont {
		let font = parsed.get(bytes);
		if (!font) {
			font = fastLayout(fontkit.create(bytes));
			parsed.set(bytes, font);
		}
		return font;
	}
};

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
	doc.registerFontkit(cachingFontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
	const embed = (file: string) => doc.embedFont(fontBytes(file), { subset: true });
	return {
		regular: await embed(FILES.regular),
		bold: await embed(FILES.bold),
		cond: await embed(FILES.cond),
		condBold: await embed(FILES.condBold)
	};
}
