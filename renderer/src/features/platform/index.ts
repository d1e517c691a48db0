/** The platform feature's door: what other features may use of it. */
export { PlatformPanel } from './PlatformPanel';
export { PlatformSettings } from './PlatformSettings';
export { RegisterWithPlatform } from './RegisterWithPlatform';
