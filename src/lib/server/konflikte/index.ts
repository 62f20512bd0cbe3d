/**
 * @module konflikte/index
 * An in-memory space/time index over many Baustellen (the benchmark, bulk re-checks): a packed
 * Hilbert R-tree (flatbush) over the footprint boxes, searched with the subject's box grown by the
 * conflict distance, and each hit filtered by the time rules (`timeFilter`). Returns a superset of
 * the neighbours `checkConflicts` can report on, never fewer; cancelled ones are left out up front.
 */
import Flatbush from 'flatbush';
import { DISTANCE_EPSILON_M, isCancelled, timeFilter } from './engine';
import type { Candidate, ConflictSettings } from './types';

export class ConflictIndex {
	private readonly items: Candidate[];
	private readonly tree: Flatbush | null;

	constructor(candidates: Candidate[]) {
		this.items = candidates.filter((c) => !isCancelled(c));
		// flatbush refuses an empty index; an empty calendar simply has no neighbours
		if (this.items.length === 0) {
			this.tree = null;
			return;
		}
		const tree = new Flatbush(this.items.length);
		for (const c of this.items) tree.add(c.bbox[0], c.bbox[1], c.bbox[2], c.bbox[3]);
		tree.finish();
		this.tree = tree;
	}

	get size(): number {
		return this.items.length;
	}

	/** Candidates whose box, grown by distanceM, meets the subject's box and whose window could matter. */
	near(subject: Candidate, settings: ConflictSettings): Candidate[] {
		if (!this.tree) return [];
		const d = settings.distanceM + DISTANCE_EPSILON_M;
		const [minX, minY, maxX, maxY] = subject.bbox;
		const items = this.items;
		const inTime = timeFilter(subject, settings);
		const hits = this.tree.search(minX - d, minY - d, maxX + d, maxY + d, (i) => {
			const c = items[i]!;
			return c.id !== subject.id && inTime(c);
		});
		return hits.map((i) => items[i]!);
	}
}
