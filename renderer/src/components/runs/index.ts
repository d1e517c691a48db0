/** Long operations in the renderer: follow a run by id, and keep a screen's place and run across navigation (useRun). */
export { followRun, isEnded, outcomeOf, RUN_POLL_MS, waitForRun } from './follow';
export { RunsProvider, useRun, useRunsInFlight, type RunNotice, type RunPlace, type RunPlaceOptions } from './RunsProvider';
export { useRunProgress, type RunView } from './use-run-progress';
