/** The readiness feature's door: what other features may use of it. */
export { regionStatuses, type RegionStatus } from './model';
export { PermissionsPanel } from './PermissionsPanel';
export { PlatformResourcesPanel } from './PlatformResourcesPanel';
export { useReadiness } from './use-readiness';
