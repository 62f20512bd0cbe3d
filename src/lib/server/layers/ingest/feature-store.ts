/**
 * @module layers/ingest/feature-store
 * Built features parked in a scratch file until the index can be written: appended in arrival order,
 * read back in any order (the Hilbert order of fgb-writer.ts). Per feature only its box, offset and
 * length stay in memory — ~44 bytes, 44 MB for a million — however large the features are.
 */
import { closeSync, openSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { readFully } from '../reader/io';
import type { FeatureSource } from './fgb-writer';

const FLUSH_BYTES = 4 << 20;

function grown<T extends Float64Array | Uint32Array>(a: T, need: number): T {
	if (need <= a.length) return a;
	const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
	next.set(a);
	return next;
}

export class FeatureStore implements FeatureSource {
	count = 0;
	boxes = new Float64Array(4 * 4096);
	lengths = new Uint32Array(4096);
	private offsets = new Float64Array(4096);
	private size = 0;
	private buffer = new Uint8Array(FLUSH_BYTES);
	private used = 0;
	private fd = -1;

	private constructor(
		readonly path: string,
		private file: FileHandle | null
	) {}

	static async create(path: string): Promise<FeatureStore> {
		return new FeatureStore(path, await open(path, 'w'));
	}

	/**
	 * Appends one feature (size-prefixed bytes, copied at once) with its box. Returns a promise only when
	 * the buffer had to go to disk: await it before the next add.
	 */
	add(bytes: Uint8Array, box: ArrayLike<number>): Promise<void> | undefined {
		const i = this.count++;
		this.boxes = grown(this.boxes, 4 * this.count);
		this.lengths = grown(this.lengths, this.count);
		this.offsets = grown(this.offsets, this.count);
		for (let k = 0; k < 4; k++) this.boxes[4 * i + k] = box[k]!;
		this.lengths[i] = bytes.length;
		this.offsets[i] = this.size;
		this.size += bytes.length;
		if (this.used + bytes.length <= this.buffer.length) {
			this.buffer.set(bytes, this.used);
			this.used += bytes.length;
			return undefined;
		}
		return this.spill(bytes.slice());
	}

	private async spill(bytes: Uint8Array): Promise<void> {
		await this.flush();
		if (bytes.length > this.buffer.length) {
			await this.write(bytes);
		} else {
			this.buffer.set(bytes, 0);
			this.used = bytes.length;
		}
	}

	private async write(bytes: Uint8Array): Promise<void> {
		let done = 0;
		while (done < bytes.length) done += (await this.file!.write(bytes, done, bytes.length - done)).bytesWritten;
	}

	private async flush(): Promise<void> {
		await this.write(this.buffer.subarray(0, this.used));
		this.used = 0;
	}

	/** Ends writing; from now on features can be read, synchronously, in any order. */
	async finish(): Promise<void> {
		await this.flush();
		await this.file!.close();
		this.file = null;
		this.buffer = new Uint8Array(0);
		this.fd = openSync(this.path, 'r');
	}

	read(i: number, target: Uint8Array): void {
		readFully(this.fd, target, this.offsets[i]!);
	}

	/**
	 * A new store at `path` with every feature passed through `rebuild` (schema.ts), in the same order
	 * and with the same boxes.
	 */
	async rewrite(path: string, rebuild: (bytes: Uint8Array) => Uint8Array): Promise<FeatureStore> {
		const next = await FeatureStore.create(path);
		let scratch = new Uint8Array(64 * 1024);
		for (let i = 0; i < this.count; i++) {
			if (this.lengths[i]! > scratch.length) scratch = new Uint8Array(this.lengths[i]!);
			const bytes = scratch.subarray(0, this.lengths[i]!);
			this.read(i, bytes);
			await next.add(rebuild(bytes), this.boxes.subarray(4 * i, 4 * i + 4));
		}
		await next.finish();
		return next;
	}

	async close(): Promise<void> {
		await this.file?.close();
		this.file = null;
		if (this.fd >= 0) closeSync(this.fd);
		this.fd = -1;
	}

	/** Closes the store and deletes its file. */
	async remove(): Promise<void> {
		await this.close();
		rmSync(this.path, { force: true });
	}
}
