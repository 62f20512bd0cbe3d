/**
 * @module pdf/canvas
 * A thin drawing surface over one pdf-lib page, in millimetres with the origin top left (y down), the
 * way the layouts are written. It writes the content stream as text itself instead of building one
 * pdf-lib operator object per path segment: a plan has tens of thousands of vertices, and this keeps
 * numbers at two decimals of a point (≈ 7 µm), which makes the output compact and deterministic.
 *
 * Resource names are fixed (`/TbR`, `/Ga40` …) rather than pdf-lib's suffixed ones, for the same reason.
 */
import { deflateSync } from 'node:zlib';
import { PDFName, PDFNumber, type PDFDocument, type PDFFont, type PDFPage, type PDFRef } from 'pdf-lib';
import type { Fonts } from './fonts';

export const PT_PER_MM = 72 / 25.4;
export type Rgb = readonly [number, number, number];

export const BLACK: Rgb = [0, 0, 0];
export const WHITE: Rgb = [1, 1, 1];

export function hexColor(hex: string): Rgb {
	const h = hex.replace('#', '');
	return [parseInt(h.slice(0, 2), 16) / 255, parseInt(h.slice(2, 4), 16) / 255, parseInt(h.slice(4, 6), 16) / 255];
}

/** Mixes a colour with white: `t` = 0 keeps it, 1 gives white. */
export function lighten(c: Rgb, t: number): Rgb {
	return [c[0] + (1 - c[0]) * t, c[1] + (1 - c[1]) * t, c[2] + (1 - c[2]) * t];
}

/** Mixes a colour with black: `t` = 0 keeps it, 1 gives black. */
export function darken(c: Rgb, t: number): Rgb {
	return [c[0] * (1 - t), c[1] * (1 - t), c[2] * (1 - t)];
}

const n = (v: number) => {
	const r = Math.round(v * 100) / 100;
	return Object.is(r, -0) ? '0' : String(r);
};
const c = (v: number) => String(Math.round(v * 1000) / 1000);

export interface StrokeStyle {
	color: Rgb;
	/** mm */
	width: number;
	/** dash and gap lengths in mm; empty = solid */
	dash?: number[];
	cap?: 'butt' | 'round' | 'square';
	join?: 'miter' | 'round' | 'bevel';
}

export interface TextStyle {
	font: PDFFont;
	/** pt */
	size: number;
	color?: Rgb;
	/** degrees, counter-clockwise as seen on paper */
	angle?: number;
	align?: 'left' | 'center' | 'right';
	/** white outline width in mm drawn under the glyphs (cartographic halo) */
	halo?: number;
	opacity?: number;
}

const CAPS = { butt: 0, round: 1, square: 2 };
const JOINS = { miter: 0, round: 1, bevel: 2 };

/**
 * pdf-lib compresses streams (font subsets, ToUnicode maps) with pako, which took a third of the render
 * time; Node's zlib does the same job natively. Per document, so other pdf-lib users are untouched.
 * Level 4: half the time of the default 6 for ~7 % more bytes (measured on a 3-sheet Auskunft).
 * Output is deterministic for a given zlib build.
 */
export function useNativeDeflate(doc: PDFDocument): void {
	const context = doc.context;
	context.flateStream = (contents, dict = {}) =>
		context.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents, { level: 4 }), {
			...dict,
			Filter: 'FlateDecode'
		});
}

/** Per-document state shared by all canvases: resource names and the text-width cache. */
export class DocResources {
	readonly fontNames = new Map<PDFFont, string>();
	private readonly gstates = new Map<number, PDFRef>();
	private readonly widths = new Map<string, number>();
	private readonly encoded = new Map<string, string>();

	constructor(
		readonly doc: PDFDocument,
		readonly fonts: Fonts
	) {
		const tags: [PDFFont, string][] = [
			[fonts.regular, 'TbR'],
			[fonts.bold, 'TbB'],
			[fonts.cond, 'TbC'],
			[fonts.condBold, 'TbCB']
		];
		for (const [f, tag] of tags) this.fontNames.set(f, tag);
	}

	gstate(alpha: number): PDFRef {
		const key = Math.round(alpha * 100);
		let ref = this.gstates.get(key);
		if (!ref) {
			const dict = this.doc.context.obj({ Type: 'ExtGState', ca: PDFNumber.of(key / 100), CA: PDFNumber.of(key / 100) });
			ref = this.doc.context.register(dict);
			this.gstates.set(key, ref);
		}
		return ref;
	}

	/** The hex string of `text` in the document's font subset (glyph ids are per document). */
	encode(text: string, font: PDFFont): string {
		const key = `${this.fontNames.get(font)}\u0000${text}`;
		let hex = this.encoded.get(key);
		if (hex === undefined) {
			hex = font.encodeText(text).toString();
			this.encoded.set(key, hex);
		}
		return hex;
	}

	/** Text width in mm. */
	width(text: string, font: PDFFont, size: number): number {
		const key = `${this.fontNames.get(font)}\u0000${text}`;
		let w1000 = this.widths.get(key);
		if (w1000 === undefined) {
			w1000 = font.widthOfTextAtSize(text, 1000);
			this.widths.set(key, w1000);
		}
		return (w1000 * size) / 1000 / PT_PER_MM;
	}
}

export class Canvas {
	readonly widthMm: number;
	readonly heightMm: number;
	private parts: string[] = [];
	private usedFonts = new Set<PDFFont>();
	private usedAlpha = new Set<number>();

	constructor(
		readonly page: PDFPage,
		readonly res: DocResources
	) {
		const { width, height } = page.getSize();
		this.widthMm = width / PT_PER_MM;
		this.heightMm = height / PT_PER_MM;
	}

	get fonts(): Fonts {
		return this.res.fonts;
	}

	private X(x: number): string {
		return n(x * PT_PER_MM);
	}
	private Y(y: number): string {
		return n((this.heightMm - y) * PT_PER_MM);
	}

	save(): this {
		this.parts.push('q');
		return this;
	}
	restore(): this {
		this.parts.push('Q');
		return this;
	}

	stroke(style: StrokeStyle): this {
		const dash = style.dash?.length ? `[${style.dash.map((d) => n(d * PT_PER_MM)).join(' ')}] 0 d` : '[] 0 d';
		this.parts.push(
			`${c(style.color[0])} ${c(style.color[1])} ${c(style.color[2])} RG ${n(style.width * PT_PER_MM)} w ${dash} ` +
				`${CAPS[style.cap ?? 'butt']} J ${JOINS[style.join ?? 'miter']} j`
		);
		return this;
	}

	fill(color: Rgb): this {
		this.parts.push(`${c(color[0])} ${c(color[1])} ${c(color[2])} rg`);
		return this;
	}

	opacity(alpha: number): this {
		const key = Math.round(alpha * 100);
		this.usedAlpha.add(key);
		this.parts.push(`/Ga${key} gs`);
		return this;
	}

	/** Adds a polyline (flat [x0, y0, x1, y1, …] in mm) to the current path. */
	path(xy: ArrayLike<number>, close = false): this {
		if (xy.length < 4) return this;
		const out: string[] = [`${this.X(xy[0]!)} ${this.Y(xy[1]!)} m`];
		for (let i = 2; i < xy.length; i += 2) out.push(`${this.X(xy[i]!)} ${this.Y(xy[i + 1]!)} l`);
		if (close) out.push('h');
		this.parts.push(out.join(' '));
		return this;
	}

	rect(x: number, y: number, w: number, h: number): this {
		this.parts.push(`${this.X(x)} ${this.Y(y + h)} ${n(w * PT_PER_MM)} ${n(h * PT_PER_MM)} re`);
		return this;
	}

	/** Circle as four Bézier arcs. */
	circle(cx: number, cy: number, r: number): this {
		const k = 0.5523 * r;
		const p = (x: number, y: number) => `${this.X(x)} ${this.Y(y)}`;
		this.parts.push(
			`${p(cx + r, cy)} m ${p(cx + r, cy - k)} ${p(cx + k, cy - r)} ${p(cx, cy - r)} c ` +
				`${p(cx - k, cy - r)} ${p(cx - r, cy - k)} ${p(cx - r, cy)} c ` +
				`${p(cx - r, cy + k)} ${p(cx - k, cy + r)} ${p(cx, cy + r)} c ` +
				`${p(cx + k, cy + r)} ${p(cx + r, cy + k)} ${p(cx + r, cy)} c h`
		);
		return this;
	}

	/** Paint operators: S stroke, f fill (nonzero), f* fill even-odd, B fill+stroke, W n clip. */
	paint(op: 'S' | 'f' | 'f*' | 'B' | 'B*' | 'W n' | 'W* n' | 'n'): this {
		this.parts.push(op);
		return this;
	}

	line(x1: number, y1: number, x2: number, y2: number, style: StrokeStyle): this {
		return this.stroke(style).path([x1, y1, x2, y2]).paint('S');
	}

	width(text: string, font: PDFFont, size: number): number {
		return this.res.width(text, font, size);
	}

	/** Draws one line of text; (x, y) is the baseline start (or centre/end per `align`). */
	text(str: string, x: number, y: number, style: TextStyle): this {
		if (!str) return this;
		const { font, size } = style;
		const color = style.color ?? BLACK;
		const a = ((style.angle ?? 0) * Math.PI) / 180;
		const cos = Math.cos(a);
		const sin = Math.sin(a);
		const w = style.align && style.align !== 'left' ? this.width(str, font, size) : 0;
		const shift = style.align === 'center' ? w / 2 : style.align === 'right' ? w : 0;
		// shift back along the text direction (paper y is down, PDF y is up)
		const x0 = x - shift * cos;
		const y0 = y + shift * sin;
		this.usedFonts.add(font);
		const hex = this.res.encode(str, font);
		const tm = `${c(cos)} ${c(sin)} ${c(-sin)} ${c(cos)} ${this.X(x0)} ${this.Y(y0)} Tm`;
		const tf = `/${this.res.fontNames.get(font)} ${n(size)} Tf`;
		this.parts.push('q');
		if (style.opacity !== undefined && style.opacity < 1) this.opacity(style.opacity);
		if (style.halo) {
			this.parts.push(`1 1 1 RG ${n(style.halo * 2 * PT_PER_MM)} w 1 j [] 0 d BT ${tf} 1 Tr ${tm} ${hex} Tj ET`);
		}
		this.parts.push(`${c(color[0])} ${c(color[1])} ${c(color[2])} rg BT ${tf} 0 Tr ${tm} ${hex} Tj ET Q`);
		return this;
	}

	/** Writes the collected drawing into the page and registers the resources it used. */
	flush(): void {
		if (this.parts.length === 0) return;
		const node = this.page.node;
		for (const f of this.usedFonts) node.setFontDictionary(PDFName.of(this.res.fontNames.get(f)!), f.ref);
		for (const a of this.usedAlpha) node.setExtGState(PDFName.of(`Ga${a}`), this.res.gstate(a / 100));
		// the content is ASCII (text is hex-encoded); native zlib, see `useNativeDeflate`
		const content = Buffer.from(this.parts.join('\n'), 'latin1');
		node.addContentStream(this.res.doc.context.register(this.res.doc.context.flateStream(content)));
		this.parts = [];
	}
}

