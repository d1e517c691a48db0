/**
 * Rules for what people paste when they connect: access keys, profile names and MFA codes. Each
 * check returns null when the value is fine, or a sentence saying exactly what is wrong. Values are
 * normalised first (pasted whitespace trimmed), so a stray space never decides the outcome.
 */

/** An access key pair as typed in the app or read from standard input by the CLI. */
export interface AccessKeyInput {
  accessKeyId: string;
  secretAccessKey: string;
  /** Only for temporary (ASIA…) keys. */
  sessionToken?: string;
}

/** One of the access-key fields. */
export type AccessKeyField = keyof AccessKeyInput;

/** What is wrong with one field. */
export interface FieldProblem<F extends string = string> {
  field: F;
  message: string;
}

/** Upper bounds even for emulators (LocalStack, moto accept any key): nothing legitimate is longer. */
export const MAX_KEY_ID_LENGTH = 128;
export const MAX_SECRET_LENGTH = 256;
export const MAX_SESSION_TOKEN_LENGTH = 8192;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** Why a pasted value is unusable because of whitespace or control characters inside it, or null. */
export function innerWhitespaceProblem(label: string, value: string): string | null {
  if (/[\r\n]/.test(value)) return `${label} contains a line break.`;
  if (/\s/.test(value)) return `${label} contains spaces.`;
  if (CONTROL_CHARS.test(value)) return `${label} contains control characters.`;
  return null;
}

/** Trim pasted whitespace from every field; an empty session token is no session token. */
export function normaliseAccessKeys(input: AccessKeyInput): AccessKeyInput {
  const sessionToken = input.sessionToken?.trim();
  return {
    accessKeyId: input.accessKeyId.trim(),
    secretAccessKey: input.secretAccessKey.trim(),
    ...(sessionToken ? { sessionToken } : {}),
  };
}

/**
 * The first problem with a (normalised) key pair, or null. Against real AWS a key ID is 20
 * characters starting AKIA (long-term) or ASIA (temporary, which needs a session token) and a secret
 * is 40 characters. With an endpoint override (`emulator`), any non-empty key is accepted, since
 * LocalStack and moto use keys like `test`. Messages never quote the values.
 */
export function accessKeyProblem(keys: AccessKeyInput, { emulator }: { emulator: boolean }): FieldProblem<AccessKeyField> | null {
  const { accessKeyId, secretAccessKey, sessionToken } = keys;
  const id = (message: string) => ({ field: 'accessKeyId' as const, message });
  const secret = (message: string) => ({ field: 'secretAccessKey' as const, message });
  const token = (message: string) => ({ field: 'sessionToken' as const, message });

  if (accessKeyId === '') return id('Enter the access key ID.');
  const idSpace = innerWhitespaceProblem('The access key ID', accessKeyId);
  if (idSpace) return id(idSpace);
  if (accessKeyId.length > MAX_KEY_ID_LENGTH) return id(`The access key ID is far too long (${accessKeyId.length} characters).`);
  if (!emulator) {
    if (!/^(AKIA|ASIA)/.test(accessKeyId)) {
      return id('The access key ID must start with AKIA (a long-term key) or ASIA (a temporary key).');
    }
    if (accessKeyId.length !== 20) return id(`The access key ID must be 20 characters long (it is ${accessKeyId.length}).`);
  }

  if (secretAccessKey === '') return secret('Enter the secret access key.');
  const secretSpace = innerWhitespaceProblem('The secret access key', secretAccessKey);
  if (secretSpace) return secret(secretSpace);
  if (secretAccessKey.length > MAX_SECRET_LENGTH) return secret(`The secret access key is far too long (${secretAccessKey.length} characters).`);
  if (!emulator && secretAccessKey.length !== 40) {
    return secret(`The secret access key must be 40 characters long (it is ${secretAccessKey.length}).`);
  }

  if (sessionToken !== undefined) {
    const tokenSpace = innerWhitespaceProblem('The session token', sessionToken);
    if (tokenSpace) return token(tokenSpace);
    if (sessionToken.length > MAX_SESSION_TOKEN_LENGTH) return token(`The session token is far too long (${sessionToken.length} characters).`);
  } else if (!emulator && accessKeyId.startsWith('ASIA')) {
    return token('A temporary access key (ASIA…) only works with its session token: paste the session token too.');
  }
  return null;
}

/** Longest profile name Onramp writes. */
export const MAX_PROFILE_NAME_LENGTH = 64;

/**
 * Why a (trimmed) name cannot be a new profile in the shared AWS files, or null. Letters, digits and
 * `. _ - @ + = , : /` only, so the name is safe inside an INI section header and on a command line.
 */
export function newProfileNameProblem(name: string): string | null {
  if (name === '') return 'Enter a profile name.';
  const space = innerWhitespaceProblem('The profile name', name);
  if (space) return space;
  if (name.length > MAX_PROFILE_NAME_LENGTH) return `The profile name must be at most ${MAX_PROFILE_NAME_LENGTH} characters (it is ${name.length}).`;
  if (!/^[A-Za-z0-9._@+=,:/-]+$/.test(name)) return 'The profile name may only contain letters, digits and . _ - @ + = , : /';
  return null;
}

/** An MFA code as pasted: every space removed, so " 123 456" is 123456 (never cut to five digits). */
export function normaliseMfaCode(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/** Null when a normalised MFA code is 6 digits, otherwise what is wrong. */
export function mfaCodeProblem(code: string): string | null {
  if (code.length === 0) return 'Enter the 6-digit code shown by your MFA device.';
  if (!/^\d+$/.test(code)) return 'The MFA code has digits only.';
  if (code.length !== 6) return `The MFA code has 6 digits (${code.length} entered).`;
  return null;
}
