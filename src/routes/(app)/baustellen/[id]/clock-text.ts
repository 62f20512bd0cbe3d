/**
 * A permit's clock in words for the page: how much time the authority has left, or since when it is
 * overdue. Working-day clocks count Sachsen-Anhalt's working days, month clocks calendar days (the
 * server's clockState). Pure, shared by server and browser.
 */
import type { PermitJson } from '$lib/baustellen';

export interface ClockLike {
	running: boolean;
	daysLeft: number | null;
	unit: 'arbeitstage' | 'monate';
	fictionDue: boolean;
}

function days(n: number, unit: ClockLike['unit']): string {
	if (unit === 'arbeitstage') return n === 1 ? '1 Arbeitstag' : `${n} Arbeitstage`;
	return n === 1 ? '1 Tag' : `${n} Tage`;
}

function daysDative(n: number, unit: ClockLike['unit']): string {
	if (unit === 'arbeitstage') return n === 1 ? '1 Arbeitstag' : `${n} Arbeitstagen`;
	return n === 1 ? '1 Tag' : `${n} Tagen`;
}

/** "noch 9 Arbeitstage", "heute fällig", "überfällig seit 3 Arbeitstagen"; '' when no clock runs. */
export function clockText(permit: Pick<PermitJson, 'overdue'>, clock: ClockLike | undefined): string {
	if (!clock?.running || clock.daysLeft === null) return '';
	if (clock.fictionDue) return 'Frist abgelaufen – die Zustimmung gilt als erteilt';
	if (permit.overdue) {
		// a working-day clock shows 0 on the weekend after a Friday due date: overdue all the same
		return clock.daysLeft < 0 ? `überfällig seit ${daysDative(-clock.daysLeft, clock.unit)}` : 'überfällig';
	}
	if (clock.daysLeft === 0) return 'heute fällig';
	return `noch ${days(clock.daysLeft, clock.unit)}`;
}
