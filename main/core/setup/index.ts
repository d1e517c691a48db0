export { planSetup, computePlan, tableArnFor } from './plan';
export { applySetup, applySetupDetailed, ApplyFailedError, type ApplyOptions, type ApplyResult } from './apply';
export { verifyConfiguration, type VerifyTarget } from './verify';
export { destroyConfiguration, type DestroyTarget } from './destroy';
export { renderPlatformPolicy } from './policy';
export { SetupJournal } from './journal';
export { CHECKS } from './assess';
