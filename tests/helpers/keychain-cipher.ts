import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher } from '../../main/core/platform/credential-store';

/**
 * A stand-in for the OS keychain behind safeStorage: AES-256-GCM with a key that lives only in this
 * object (as the keychain's key lives only in the keychain). `available: false` models a machine
 * without a keychain.
 */
export function keychainCipher(available = true): SecretCipher & { calls: string[] } {
  const key = randomBytes(32);
  const calls: string[] = [];
  return {
    calls,
    isAvailable: async () => available,
    async encrypt(plain) {
      calls.push('encrypt');
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    async decrypt(blob) {
      calls.push('decrypt');
      const d = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
      d.setAuthTag(blob.subarray(12, 28));
      return { plain: Buffer.concat([d.update(blob.subarray(28)), d.final()]).toString('utf8'), shouldReEncrypt: false };
    },
  };
}
