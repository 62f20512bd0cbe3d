/**
 * @module pdf/qr
 * The verification QR code as vector rectangles (one per run of dark modules in a row): sharp at any
 * zoom, a few hundred bytes, and no image object.
 */
import QRCode from 'qrcode';
import { BLACK, WHITE, type Canvas } from './canvas';

// every page carries the same code: encode it once (mask selection is the expensive part)
let last: { text: string; modules: ReturnType<typeof QRCode.create>['modules'] } | null = null;

/** Draws the QR code with its quiet zone into the square (x, y, size) in mm. */
export function drawQr(cv: Canvas, text: string, x: number, y: number, size: number): void {
	if (last?.text !== text) last = { text, modules: QRCode.create(text, { errorCorrectionLevel: 'M' }).modules };
	const { modules } = last;
	const count = modules.size;
	const quiet = 2; // 2 modules suffice next to white paper; the standard's 4 would shrink the code
	const m = size / (count + 2 * quiet);
	cv.fill(WHITE).rect(x, y, size, size).paint('f');
	cv.fill(BLACK);
	for (let row = 0; row < count; row++) {
		let col = 0;
		while (col < count) {
			if (!modules.get(row, col)) {
				col++;
				continue;
			}
			const start = col;
			while (col < count && modules.get(row, col)) col++;
			// a hair of overlap avoids hairline gaps between modules in some viewers
			cv.rect(x + (quiet + start) * m, y + (quiet + row) * m, (col - start) * m, m + 0.02);
		}
	}
	cv.paint('f');
}
