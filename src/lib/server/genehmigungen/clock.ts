/**
 * @module genehmigungen/clock
 * The permit clock, pure: when a decision is due and where a running clock stands today. A clock runs
 * from the day the authority confirms the application complete (status `vollstaendig`); requested
 * changes stop it and it restarts on the next completeness (§ 127 Abs. 3 Satz 3 TKG for the TK consent,
 * the same rule for the others). Dates are `YYYY-MM-DD` (Europe/Berlin), working days those of
 * Sachsen-Anhalt.
 */
import type { PermitStatus } from '$lib/baustellen';
import { addWorkingDays } from '../auskunft/working-days';
import { addMonths, daysBetween, workingDayOnOrAfter, workingDaysBetween } from './dates';
import type { Period, PeriodLength } from './periods';

/** The end of a period that starts after `from`, before any move to a working day. */
function rawEnd(from: string, length: PeriodLength): string {
	return length.unit === 'arbeitstage' ? addWorkingDays(from, length.value) : addMonths(from, length.value);
}

/**
 * The due date of a permit whose application was complete on `completeAt`:
 * - Arbeitstage: the n-th working day after `completeAt` (a working day by construction);
 * - Monate: an event period (§ 187 Abs. 1 BGB, the day of completeness is not counted), so it ends on
 *   the day of the last month with the same number (§ 188 Abs. 2 BGB: 15.03. → 15.06.), or on that
 *   month's last day when it is shorter (§ 188 Abs. 3 BGB: 30.11. + 3 Monate = 28./29.02.).
 * An extension runs from the end of the original period (§ 190 BGB) — its computed end, not the working
 * day it may have moved to: § 193 BGB protects only the last day of the period that actually ends, not
 * an intermediate end (the prevailing reading; verify with the legal department). Only the final end
 * moves off a Saturday, Sunday or public holiday (§ 31 Abs. 3 VwVfG, § 193 BGB).
 */
export function dueDate(completeAt: string, period: Period, extended: boolean): string {
	const end = rawEnd(completeAt, period);
	return workingDayOnOrAfter(extended && period.extension ? rawEnd(end, period.extension) : end);
}

export interface ClockInput {
	status: PermitStatus;
	completeAt: string | null;
	dueAt: string | null;
	extended: boolean;
}

export interface ClockState {
	/** complete and undecided: the authority's time is counting */
	running: boolean;
	/** the running clock's due date, null when no clock runs */
	dueAt: string | null;
	/**
	 * Working days (Arbeitstage clocks) or calendar days (Monate clocks) from today to the due date:
	 * 0 on the due date, negative once past it. A working-day clock may show 0 while already overdue
	 * (the weekend after a Friday due date) — word it from `overdue`.
	 */
	daysLeft: number | null;
	/** today is after the due date and nothing was decided */
	overdue: boolean;
	/** the period has a fictional grant and today is after the due date: record `fiktiv_erteilt` */
	fictionDue: boolean;
}

const STOPPED: ClockState = { running: false, dueAt: null, daysLeft: null, overdue: false, fictionDue: false };

/**
 * Where a permit's clock stands on `today`. `period` is the authority's period for the permit's kind
 * (`periodsFor(settings)[kind]`): it says how to count and whether missing the date grants.
 */
export function clockState(permit: ClockInput, today: string, period: Period): ClockState {
	if (permit.status !== 'vollstaendig' || !permit.dueAt) return STOPPED;
	const dueAt = permit.dueAt;
	const overdue = today > dueAt;
	let daysLeft: number;
	if (period.unit === 'monate') daysLeft = daysBetween(today, dueAt);
	else if (overdue) daysLeft = 0 - workingDaysBetween(dueAt, today);
	else daysLeft = workingDaysBetween(today, dueAt);
	return { running: true, dueAt, daysLeft, overdue, fictionDue: overdue && period.fiction };
}
