/**
 * What "New alarm" (the sidebar, the dashboard's New alarm, a notice) does with the wizard's place.
 * The wizard keeps its place across navigation, but a place is only worth keeping while it is a new
 * alarm still being made: a create still running is resumed (its Cancel and result are there), and a
 * new alarm being filled in is resumed; once a create has finished, or when the place is an edit of an
 * existing alarm (the dashboard's Edit, its own entry point), "New alarm" begins fresh at step 1.
 * The finished result is not lost: it stays reachable from its notice and from Monitoring.
 */

/** The slice of the wizard's state the decision reads. */
export interface WizardPlace {
  /** A create is starting or running. */
  creating: boolean;
  /** The result of the create that finished here, or null. */
  result: unknown;
  /** The alarm being edited (the dashboard's Edit), or null for a new one. */
  editing: unknown;
}

/** `resume` the wizard's place, or begin a `fresh` new alarm. */
export type NewAlarmEntry = 'resume' | 'fresh';

/** Whether "New alarm" resumes the wizard's place or begins a fresh new alarm. */
export function newAlarmEntry(place: WizardPlace | null): NewAlarmEntry {
  if (place === null) return 'fresh';
  if (place.creating) return 'resume';
  if (place.result !== null || place.editing !== null) return 'fresh';
  return 'resume';
}

/** The slice of the wizard's state that says whether it holds input not yet saved to AWS. */
export interface WizardDraft extends WizardPlace {
  step: string;
}

/**
 * True while a new alarm is being made and not yet created (past the first step, nothing running or
 * finished), or an edit is open: what a disconnect would leave behind without a word.
 */
export function unsavedAlarm(place: WizardDraft | null): boolean {
  if (place === null || place.creating || place.result !== null) return false;
  return place.editing !== null || place.step !== 'metric';
}
