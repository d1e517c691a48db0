import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../store/json-file';
import type { PlatformCredentials } from './token';

/**
 * Encryption by a key the OS keychain holds. The Electron layer implements it with `safeStorage`
 * (main/electron/secret-cipher.ts); the core never imports Electron, and without a cipher (CLI,
 * tests, a Linux desktop with no keyring) secrets are kept in memory only.
 */
export interface SecretCipher {
  /** True only when a real OS keychain backs the key (never a hard-coded or plain-text fallback). */
  isAvailable(): Promise<boolean>;
  encrypt(plain: string): Promise<Buffer>;
  /** `shouldReEncrypt` when the keychain's key was rotated. */
  decrypt(blob: Buffer): Promise<{ plain: string; shouldReEncrypt: boolean }>;
}

/** Where the credentials are kept now. */
export type CredentialState = 'none' | 'keychain' | 'session';

/** The encrypted file's name in the data folder; it holds only ciphertext (base64). */
export const CREDENTIALS_FILE = 'platform-credentials.enc';

const FileSchema = z.object({ version: z.literal(1), encrypted: z.string().min(1) }).strict();
const PlainSchema = z.object({ clientId: z.string().min(1), secret: z.string().min(1) }).strict();

/** "abcd…wxyz": enough of a client ID to tell tokens apart, never the whole of it. */
export function clientIdHint(clientId: string): string {
  return clientId.length <= 8 ? `${clientId.slice(0, 2)}…` : `${clientId.slice(0, 4)}…${clientId.slice(-4)}`;
}

/**
 * The platform's organization API token. In memory for the app's lifetime; with `remember` and an
 * available keychain, also in `<dataDir>/platform-credentials.enc`, encrypted by the keychain's key
 * and readable by the user only. Never in plain text on disk, never in settings or logs.
 */
export class PlatformCredentialStore {
  readonly path: string;
  private memory: { creds: PlatformCredentials; state: 'keychain' | 'session' } | null = null;
  private loaded = false;

  constructor(
    dataDir: string,
    private readonly cipher: SecretCipher | null,
    private readonly onProblem?: (problem: string) => void,
  ) {
    this.path = join(dataDir, CREDENTIALS_FILE);
  }

  /** Whether the OS keychain can hold the secret on this machine. */
  async keychainAvailable(): Promise<boolean> {
    if (!this.cipher) return false;
    try {
      return await this.cipher.isAvailable();
    } catch {
      return false;
    }
  }

  /** The stored credentials, or null (decrypting the keychain-protected file on first use). */
  async get(): Promise<PlatformCredentials | null> {
    await this.load();
    return this.memory ? { ...this.memory.creds } : null;
  }

  /** Where they are kept and a hint of the client ID. */
  async state(): Promise<{ credentials: CredentialState; clientIdHint: string | null }> {
    await this.load();
    return this.memory
      ? { credentials: this.memory.state, clientIdHint: clientIdHint(this.memory.creds.clientId) }
      : { credentials: 'none', clientIdHint: null };
  }

  /**
   * Keep new credentials. With `remember` and a keychain, encrypt them to the data folder; otherwise
   * keep them in memory and remove any file an earlier "remember" left.
   */
  async save(creds: PlatformCredentials, remember: boolean): Promise<CredentialState> {
    const plain = JSON.stringify(PlainSchema.parse(creds));
    if (remember && (await this.keychainAvailable())) {
      const blob = await this.cipher!.encrypt(plain);
      if (blob.toString('utf8').includes(creds.secret)) {
        // A cipher that returns the plain text (a misconfigured keychain) must never reach the disk.
        throw new AppError('Internal', 'The OS keychain did not encrypt the secret; it was not saved.');
      }
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, encrypted: blob.toString('base64') })}\n`);
      this.memory = { creds: { ...creds }, state: 'keychain' };
    } else {
      await this.removeFile();
      this.memory = { creds: { ...creds }, state: 'session' };
    }
    this.loaded = true;
    return this.memory.state;
  }

  /** Forget the credentials in memory and on disk. */
  async clear(): Promise<void> {
    this.memory = null;
    this.loaded = true;
    await this.removeFile();
  }

  private async removeFile(): Promise<void> {
    await rm(this.path, { force: true });
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.onProblem?.(`Platform credentials file unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'}); enter them again.`);
      return;
    }
    if (!this.cipher || !(await this.keychainAvailable())) {
      this.onProblem?.('Platform credentials are saved encrypted, but the OS keychain is not available now; enter them again.');
      return;
    }
    try {
      const file = FileSchema.parse(JSON.parse(text));
      const { plain, shouldReEncrypt } = await this.cipher.decrypt(Buffer.from(file.encrypted, 'base64'));
      const creds = PlainSchema.parse(JSON.parse(plain));
      this.memory = { creds, state: 'keychain' };
      if (shouldReEncrypt) await this.save(creds, true).catch(() => undefined);
    } catch {
      // Never echo the file or the decrypted text: either may hold the secret.
      this.onProblem?.('Platform credentials could not be decrypted with the OS keychain; enter them again.');
    }
  }
}
