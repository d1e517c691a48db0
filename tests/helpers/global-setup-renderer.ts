import { ensureRendererBuilt } from './renderer-build';

/** Global setup of the browser tests: build out/renderer once, and only when its sources changed. */
export default function buildRendererOnce(): void {
  console.log(`[e2e] ${ensureRendererBuilt()}`);
}
