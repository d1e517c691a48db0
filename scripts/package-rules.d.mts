// Types for scripts/package-rules.mjs (imported by the tests).
export declare const EXPECTED_FUSES: Readonly<Record<
  | 'runAsNode'
  | 'enableNodeOptionsEnvironmentVariable'
  | 'enableNodeCliInspectArguments'
  | 'grantFileProtocolExtraPrivileges'
  | 'enableEmbeddedAsarIntegrityValidation'
  | 'onlyLoadAppFromAsar'
  | 'enableCookieEncryption',
  boolean
>>;
export declare const FUSE_WIRE_INDEX: Readonly<Record<keyof typeof EXPECTED_FUSES, number>>;
export declare const REQUIRED_ENTRIES: string[];
export declare const ALWAYS_FORBIDDEN_PACKAGES: string[];
/** Problems with the electron-builder configuration beyond what its schema checks. */
export declare function checkBuilderConfig(config: Record<string, unknown>): string[];
/** Problems with the list of files inside app.asar. */
export declare function checkAsarEntries(
  entries: string[],
  pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> },
): string[];
/** Problems with a fuse wire read back from the packaged binary. */
export declare function checkFuseWire(wire: Record<number, number>): string[];
