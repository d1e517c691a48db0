import { safeStorage } from 'electron';
import type { SecretCipher } from '../core/platform/credential-store';

/** Linux password stores that are a real keychain; `basic_text` is a hard-coded key and `unknown` means not ready. */
const LINUX_KEYCHAINS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

/**
 * The OS keychain through Electron's `safeStorage` (macOS Keychain, Windows DPAPI, libsecret or
 * KWallet on Linux), with its asynchronous API. On Linux without a keyring Electron would encrypt
 * with a fixed key (`basic_text`): that counts as unavailable, so the secret stays in memory only.
 */
export function safeStorageCipher(platform: NodeJS.Platform = process.platform): SecretCipher {
  return {
    async isAvailable() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
      return platform !== 'linux' || LINUX_KEYCHAINS.has(safeStorage.getSelectedStorageBackend());
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(blob) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(blob);
      return { plain: result, shouldReEncrypt };
    },
  };
}
