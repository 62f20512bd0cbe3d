/**
 * @module layers/reader/io
 * Positional, synchronous reads. The reader serves thousands of small bbox queries per Auskunft; a
 * `readSync` on a page-cached file costs microseconds, where a promise round trip per read costs more than
 * the read itself.
 */
import { readSync } from 'node:fs';

/** Fills `target` with the file's bytes from `position` on; a short file is an error, not a short read. */
export function readFully(fd: number, target: Uint8Array, position: number): void {
	let done = 0;
	while (done < target.length) {
		const n = readSync(fd, target, done, target.length - done, position + done);
		if (n === 0) throw new Error(`FlatGeobuf file ends early: wanted ${target.length} bytes at ${position}`);
		done += n;
	}
}
