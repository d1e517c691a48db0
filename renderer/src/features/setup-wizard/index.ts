/** The setup wizard's door: what other features may use of it. */
export { useSetupRun, useInterruptedRunsNotice } from './setup-run';
