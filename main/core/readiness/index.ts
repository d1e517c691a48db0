export { checkReadiness, type ReadinessOptions } from './check';
export { measureRegion, failureReason, type MeasureOptions } from './limits';
export { checkPermissions, type PermissionOptions } from './permissions';
export { simulationPrincipal, type SimulationPrincipal } from './principal';
export { isStandardInstanceType } from './vcpus';
