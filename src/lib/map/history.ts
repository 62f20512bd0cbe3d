/**
 * @module map/history
 * The undo stack of a drawing: every committed change (drawn, modified, imported, width changed,
 * cleared) pushes the previous state; undo restores it. States are plain data, never OpenLayers objects.
 */

export class History<T> {
	#past: T[] = [];
	#current: T;
	readonly #limit: number;

	constructor(initial: T, limit = 100) {
		this.#current = initial;
		this.#limit = limit;
	}

	get current(): T {
		return this.#current;
	}

	get canUndo(): boolean {
		return this.#past.length > 0;
	}

	/** Makes `next` the current state; the previous one can be restored with undo(). */
	commit(next: T): void {
		this.#past.push(this.#current);
		if (this.#past.length > this.#limit) this.#past.shift();
		this.#current = next;
	}

	/** Restores the previous state and returns it; undefined when there is nothing to undo. */
	undo(): T | undefined {
		if (this.#past.length === 0) return undefined;
		this.#current = this.#past.pop() as T;
		return this.#current;
	}
}
