import { IN_CI, missingMessage, TEST_TOOLS } from './test-deps';

/** In CI, stop before any test runs when a test tool is missing (locally, files skip one by one). */
export default function checkTestTools(): void {
  if (!IN_CI) return;
  const missing = Object.values(TEST_TOOLS).filter((t) => !t.present());
  if (missing.length) throw new Error(`Test tools missing in CI:\n${missing.map((t) => `  - ${missingMessage(t)}`).join('\n')}`);
}
