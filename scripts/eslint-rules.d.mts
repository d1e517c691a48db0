// Types for scripts/eslint-rules.mjs (imported by the tests).
import type { ESLint } from 'eslint';
/** What in `text` points outside the repository (a private note's name or a machine path), or null. */
export declare function outsideReference(text: string): { kind: 'note' | 'path'; what: string } | null;
/** The local plugin: `onramp/feature-doors` and `onramp/no-outside-notes`. */
declare const plugin: ESLint.Plugin;
export default plugin;
