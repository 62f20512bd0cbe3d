import { describe, expect, it } from 'vitest';
import { History } from './history';

describe('History', () => {
	it('undoes commits in reverse order, back to the start', () => {
		const h = new History<string | null>(null);
		expect(h.canUndo).toBe(false);
		h.commit('a');
		h.commit('b');
		expect(h.current).toBe('b');
		expect(h.undo()).toBe('a');
		expect(h.undo()).toBeNull();
		expect(h.canUndo).toBe(false);
		expect(h.undo()).toBeUndefined();
	});

	it('keeps at most `limit` steps', () => {
		const h = new History(0, 3);
		for (let i = 1; i <= 5; i++) h.commit(i);
		expect([h.undo(), h.undo(), h.undo(), h.undo()]).toEqual([4, 3, 2, undefined]);
	});
});
