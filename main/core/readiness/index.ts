export { checkReadiness, checkPermissionsWithin, type ReadinessOptions } from './check';
export { measureRegion, failureReason, type MeasureOptions } from './limits';
export { checkPermissions, ANY_RESOURCE_NOTE, type PermissionOptions } from './permissions';
export { simulationPrincipal, type SimulationPrincipal } from './principal';
export { isStandardInstanceType } from './vcpus';
