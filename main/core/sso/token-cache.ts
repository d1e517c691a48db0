import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ssoCacheDir } from '../profiles/paths';
import { writePrivateFileAtomic } from '../profiles/private-file';

/**
 * An IAM Identity Center token as the AWS CLI caches it in ~/.aws/sso/cache/<sha1>.json (the file
 * the AWS CLI, botocore and the JavaScript SDK all read). Holds secrets: never leaves main.
 */
export interface CachedSsoToken {
  startUrl: string;
  region: string;
  accessToken: string;
  /** ISO-8601 UTC, `2026-01-02T03:04:05Z`. */
  expiresAt: string;
  refreshToken?: string;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: string;
}

/** The cache file for a session name (or, for legacy profiles, a start URL): sha1 hex of it, as the AWS CLI names it. */
export function tokenCachePath(env: NodeJS.ProcessEnv, cacheKey: string): string {
  return join(ssoCacheDir(env), `${createHash('sha1').update(cacheKey, 'utf8').digest('hex')}.json`);
}

/** A time as the AWS CLI writes it in the cache: ISO-8601 UTC to the second, with a Z. */
export function cacheTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The cached token, or null when there is none or it is not a usable token file. */
export async function readCachedToken(env: NodeJS.ProcessEnv, cacheKey: string): Promise<CachedSsoToken | null> {
  let text: string;
  try {
    text = await readFile(tokenCachePath(env, cacheKey), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const t = parsed as Partial<Record<keyof CachedSsoToken, unknown>> | null;
  if (!t || typeof t.accessToken !== 'string' || typeof t.expiresAt !== 'string' || Number.isNaN(Date.parse(t.expiresAt))) return null;
  const optional = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    startUrl: optional(t.startUrl) ?? '',
    region: optional(t.region) ?? '',
    accessToken: t.accessToken,
    expiresAt: t.expiresAt,
    ...(optional(t.refreshToken) ? { refreshToken: optional(t.refreshToken) } : {}),
    ...(optional(t.clientId) ? { clientId: optional(t.clientId) } : {}),
    ...(optional(t.clientSecret) ? { clientSecret: optional(t.clientSecret) } : {}),
    ...(optional(t.registrationExpiresAt) ? { registrationExpiresAt: optional(t.registrationExpiresAt) } : {}),
  };
}

/** Write the token where the AWS CLI would: atomically, 0600, in a 0700 folder. Returns the file's path. */
export async function writeCachedToken(env: NodeJS.ProcessEnv, cacheKey: string, token: CachedSsoToken): Promise<string> {
  const path = tokenCachePath(env, cacheKey);
  // Field order as the AWS CLI writes them; optional ones only when known.
  const ordered: CachedSsoToken = {
    startUrl: token.startUrl,
    region: token.region,
    accessToken: token.accessToken,
    expiresAt: token.expiresAt,
    ...(token.clientId ? { clientId: token.clientId } : {}),
    ...(token.clientSecret ? { clientSecret: token.clientSecret } : {}),
    ...(token.registrationExpiresAt ? { registrationExpiresAt: token.registrationExpiresAt } : {}),
    ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
  };
  await writePrivateFileAtomic(path, JSON.stringify(ordered), 'utf8');
  return path;
}
