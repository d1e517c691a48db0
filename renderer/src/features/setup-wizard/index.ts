/** The setup wizard's door: what other features may use of it. */
export { useSetupRun } from './run-store';
