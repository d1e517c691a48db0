/**
 * The platform credential store: keychain-encrypted in the data folder, or memory only; never plain
 * text on disk. The cipher here is a stand-in for safeStorage (a real AES key held by the test, as
 * the keychain would hold it); tests/main/electron/secret-cipher.test.ts covers the Electron side.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREDENTIALS_FILE, PlatformCredentialStore, type SecretCipher } from '../../../main/core/platform';
import { FAKE_SECRET } from '../../helpers/fake-bodo-platform';
import { allFilesText } from '../../helpers/files-text';
import { keychainCipher } from '../../helpers/keychain-cipher';

const CREDS = { clientId: 'client-0123456789abcdef', secret: FAKE_SECRET };

function dataDir() {
  return mkdtempSync(join(tmpdir(), 'onramp-platform-creds-'));
}

describe('platform credential store', () => {
  it('with a keychain and "remember": only ciphertext on disk (0600), read back by a new store after a restart', async () => {
    const dir = dataDir();
    const cipher = keychainCipher();
    const store = new PlatformCredentialStore(dir, cipher);
    expect(await store.save(CREDS, true)).toBe('keychain');
    const file = join(dir, CREDENTIALS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = allFilesText(dir);
    expect(text).not.toContain(CREDS.secret);
    expect(text).not.toContain(CREDS.clientId);
    expect(text).not.toContain(Buffer.from(CREDS.secret).toString('base64'));

    const restarted = new PlatformCredentialStore(dir, cipher);
    expect(await restarted.state()).toEqual({ credentials: 'keychain', clientIdHint: 'clie…cdef' });
    expect(await restarted.get()).toEqual(CREDS);
  });

  it('without "remember", or without a keychain, memory only: nothing on disk, gone after a restart', async () => {
    for (const [cipher, remember] of [[keychainCipher(), false], [keychainCipher(false), true], [null, true]] as const) {
      const dir = dataDir();
      const store = new PlatformCredentialStore(dir, cipher);
      expect(await store.save(CREDS, remember)).toBe('session');
      expect(await store.get()).toEqual(CREDS);
      expect(readdirSync(dir)).toEqual([]);
      expect(await new PlatformCredentialStore(dir, cipher).get()).toBeNull();
    }
  });

  it('choosing not to remember removes the earlier encrypted file; clear forgets both', async () => {
    const dir = dataDir();
    const cipher = keychainCipher();
    const store = new PlatformCredentialStore(dir, cipher);
    await store.save(CREDS, true);
    await store.save({ ...CREDS, secret: 'another-secret-value' }, false);
    expect(existsSync(join(dir, CREDENTIALS_FILE))).toBe(false);
    await store.save(CREDS, true);
    await store.clear();
    expect(await store.state()).toEqual({ credentials: 'none', clientIdHint: null });
    expect(existsSync(join(dir, CREDENTIALS_FILE))).toBe(false);
  });

  it('a cipher that hands back the plain text is refused, and nothing is written', async () => {
    const dir = dataDir();
    const leaky: SecretCipher = { isAvailable: async () => true, encrypt: async (p) => Buffer.from(p), decrypt: async (b) => ({ plain: b.toString(), shouldReEncrypt: false }) };
    await expect(new PlatformCredentialStore(dir, leaky).save(CREDS, true)).rejects.toThrow(/did not encrypt/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a file the keychain cannot decrypt (another machine, a reset keychain) reads as none, and the problem names no secret', async () => {
    const dir = dataDir();
    await new PlatformCredentialStore(dir, keychainCipher()).save(CREDS, true);
    const problems: string[] = [];
    const other = new PlatformCredentialStore(dir, keychainCipher(), (p) => problems.push(p));
    expect(await other.get()).toBeNull();
    expect(problems).toEqual([expect.stringMatching(/could not be decrypted/)]);
    writeFileSync(join(dir, CREDENTIALS_FILE), 'garbage');
    const third = new PlatformCredentialStore(dir, keychainCipher(), (p) => problems.push(p));
    expect(await third.get()).toBeNull();
    expect(problems.join('\n')).not.toContain(CREDS.secret);
  });

  it('a key rotated by the keychain is re-encrypted', async () => {
    const dir = dataDir();
    const cipher = keychainCipher();
    await new PlatformCredentialStore(dir, cipher).save(CREDS, true);
    const rotating: SecretCipher = { ...cipher, decrypt: async (b) => ({ ...(await cipher.decrypt(b)), shouldReEncrypt: true }) };
    const before = readFileSync(join(dir, CREDENTIALS_FILE), 'utf8');
    expect(await new PlatformCredentialStore(dir, rotating).get()).toEqual(CREDS);
    expect(readFileSync(join(dir, CREDENTIALS_FILE), 'utf8')).not.toBe(before);
  });
});
