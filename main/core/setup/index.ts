export { planSetup, computePlan, tableArnFor } from './plan';
export { applySetup, ApplyFailedError, type ApplyOptions } from './apply';
export { verifyConfiguration, type VerifyTarget } from './verify';
export { destroyConfiguration, type DestroyTarget } from './destroy';
export { renderPlatformPolicy } from './policy';
